import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that start servers or spawn the CLI need more than the 5 s default on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

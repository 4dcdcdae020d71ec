/** The worker pool itself: a worker that cannot even load ends the batch with its reason instead of hanging. */
import { describe, expect, it } from 'vitest';
import { TimedWorkerPool } from '../../src/workers/timed-pool.js';

describe('TimedWorkerPool', () => {
  it('rejects a batch whose worker script cannot load, with the reason', async () => {
    const pool = new TimedWorkerPool<string, string>(new URL('./no-such-worker.js', import.meta.url), 1);
    try {
      const run = pool.run({
        jobs: ['a', 'b'],
        timeoutMs: 60_000,
        sizeOf: (job) => job.length,
        onTimeout: () => 'timeout',
        onCrash: () => 'crash',
      });
      await expect(run).rejects.toThrow(/a worker thread could not start: .*no-such-worker/);
      // And no replacement is started for it (each would fail the same way, forever).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(pool.size).toBe(0);
    } finally {
      pool.close();
    }
  });
});

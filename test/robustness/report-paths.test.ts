/**
 * Where reports go: a report path that is a folder, or a source file, must give a clear error and
 * never clobber code. Found by running `ds-migrate scan --json .` over the corpus: `--json [file]`
 * takes `.` as the report file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashOf, removeTempDirs, runBuiltCli } from './harness.js';
import { SDK_FILE, workspace } from './workspace.js';

afterAll(removeTempDirs);

const run = (dir: string, args: string[]) => runBuiltCli(args, { cwd: dir, timeoutMs: 60_000 });

describe('report paths', () => {
  it.each([
    ['scan --json <folder>', ['scan', '--json', 'src']],
    ['scan . --json <folder>', ['scan', '.', '--json', 'src']],
    ['migrate --dry --json <folder>', ['--dry', '--json', 'src', '.']],
    ['lint -o <folder>', ['lint', '.', '-o', 'src']],
  ])('%s is a one-line usage error, not a crash', async (_name, args) => {
    const dir = workspace({ 'src/app.ts': SDK_FILE });
    const result = await run(dir, args);
    expect(crashOf(result) ?? '', result.stderr).not.toMatch(/internal error|\s+at /);
    expect(result.code).toBe(2);
  });

  it('scan --json <source file> never overwrites the source file', async () => {
    const dir = workspace({ 'src/app.ts': SDK_FILE });
    await run(dir, ['scan', '--json', 'src/app.ts']);
    expect(readFileSync(path.join(dir, 'src/app.ts'), 'utf8')).toBe(SDK_FILE);
  });
});

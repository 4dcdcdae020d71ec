/**
 * Interrupting a run leaves every file either fully old or fully new. The built CLI rewrites a few
 * hundred files; the test watches the files and signals the process the moment the first one changes
 * (mid-write), or at fixed delays (mid-analysis). Afterwards each file must equal its original or
 * what a complete run writes, and no temporary file may be left behind after SIGINT.
 */
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashOf, git, removeTempDirs, runBuiltCli, tempDir, type CliRun } from './harness.js';
import { SDK_FILE, workspace } from './workspace.js';

const COUNT = 400;
const names = Array.from({ length: COUNT }, (_, i) => `src/f${String(i).padStart(3, '0')}.ts`);
let original: string;
const before = new Map<string, string>();
const complete = new Map<string, string>();

beforeAll(async () => {
  const files = Object.fromEntries(names.map((name, i) => [name, `// file ${i}\n${SDK_FILE}`]));
  original = workspace(files);
  for (const name of names) before.set(name, files[name]);
  // What a complete run writes: the --dry patch, applied.
  const reference = copy();
  const dry = await runBuiltCli(['--dry', '.'], { cwd: reference, timeoutMs: 300_000 });
  expect(crashOf(dry)).toBeNull();
  const patch = path.join(tempDir('patch'), 'migration.patch');
  writeFileSync(patch, dry.stdout);
  git(reference, 'apply', patch);
  for (const name of names) complete.set(name, readFileSync(path.join(reference, name), 'utf8'));
  expect([...complete].filter(([name, text]) => text !== before.get(name)).length).toBe(COUNT);
}, 300_000);

afterAll(removeTempDirs);

function copy(): string {
  const dir = tempDir('interrupt');
  cpSync(original, dir, { recursive: true });
  return dir;
}

/**
 * Runs the codemod in `dir` and sends `signal` when `when` says so: 'first-write' polls the files and
 * fires as soon as one differs from its original; a number fires after that many milliseconds.
 */
async function interrupted(dir: string, signal: NodeJS.Signals, when: 'first-write' | number): Promise<{ run: CliRun; fired: boolean }> {
  let pid = 0;
  let fired = false;
  const fire = () => {
    if (fired || !pid) return;
    fired = true;
    process.kill(pid, signal);
  };
  const poll = setInterval(() => {
    if (when !== 'first-write') return;
    for (const name of names) {
      let now: string;
      try {
        now = readFileSync(path.join(dir, name), 'utf8');
      } catch {
        continue; // between unlink and rename there is nothing to read on some systems
      }
      if (now !== before.get(name)) return fire();
    }
  }, 2);
  const timer = typeof when === 'number' ? setTimeout(fire, when) : undefined;
  const run = await runBuiltCli(['.'], { cwd: dir, timeoutMs: 300_000, onSpawn: (p) => (pid = p) });
  clearInterval(poll);
  clearTimeout(timer);
  return { run, fired };
}

/** Every file is fully old or fully new; returns how many are new. */
function oldOrNew(dir: string): number {
  let fresh = 0;
  for (const name of names) {
    const now = readFileSync(path.join(dir, name), 'utf8');
    if (now === complete.get(name)) fresh++;
    else expect(now, `${name} is neither its original nor its migrated version`).toBe(before.get(name));
  }
  return fresh;
}

const leftovers = (dir: string) => readdirSync(path.join(dir, 'src')).filter((f) => !names.includes(`src/${f}`));

describe('interrupting a run', () => {
  it('SIGINT while files are being written: each file fully old or fully new, no temporary file left', async () => {
    const dir = copy();
    const { run, fired } = await interrupted(dir, 'SIGINT', 'first-write');
    expect(fired, 'the signal was sent during the writes').toBe(true);
    expect(crashOf(run) ?? '', run.stderr).not.toMatch(/internal error|stack/);
    // ds-migrate holds SIGINT until the write loop ends (all files new, exit 0); stopping between two
    // files would be fine too. Either way, no file is half-written.
    expect(oldOrNew(dir)).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([150, 400, 800, 1500])('SIGINT after %i ms (reading, analysing or writing): each file fully old or fully new', async (delay) => {
    const dir = copy();
    const { run } = await interrupted(dir, 'SIGINT', delay);
    expect(run.stderr).not.toMatch(/internal error/);
    oldOrNew(dir);
    expect(leftovers(dir)).toEqual([]);
  });

  it('even SIGKILL mid-write leaves each file fully old or fully new (writes are a rename)', async () => {
    const dir = copy();
    const { run, fired } = await interrupted(dir, 'SIGKILL', 'first-write');
    expect(fired).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(oldOrNew(dir), 'the kill landed mid-write').toBeLessThan(COUNT);
    // A temporary file may remain after SIGKILL (nothing can clean up); it is never one of the user's files.
    for (const file of leftovers(dir)) expect(file).toMatch(/^\.f\d{3}\.ts\.ds-migrate-\d+-\d+\.tmp$/);
  });
});

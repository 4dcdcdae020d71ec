/**
 * What every robustness test needs: the built CLI run as a user runs it (a separate process, so a
 * crash, a stack overflow or a hang shows as what it is), git to apply `--dry` patches, and an
 * independent re-parse of what the codemod wrote.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, fchmodSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/typescript-estree';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(REPO, 'dist/src/cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

export interface RunOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Called with the child once it runs (the SIGINT test signals it). */
  readonly onSpawn?: (pid: number) => void;
  /** Run as this user (root only): permission tests drop to `nobody`, since root reads mode-000 files. */
  readonly uid?: number;
}

/**
 * Runs `node dist/src/cli.js ...args`. Output goes through files, not pipes, so a large patch or lint
 * report cannot fill a pipe buffer, and it is read only when the process is gone.
 */
export function runBuiltCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-cli-'));
  const out = openSync(path.join(dir, 'stdout'), 'w');
  const err = openSync(path.join(dir, 'stderr'), 'w');
  const start = Date.now();
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  if (options.uid !== undefined) {
    chmodSync(dir, 0o777);
    for (const fd of [out, err]) fchmodSync(fd, 0o666);
  }
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', out, err], uid: options.uid, gid: options.uid });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
      resolve({ code, signal, stdout: read('stdout'), stderr: read('stderr'), ms: Date.now() - start, timedOut });
      rmSync(dir, { recursive: true, force: true });
    });
  });
}

/**
 * Why a run counts as a crash, or null. Exit 0 and exit 1 (per-file errors, findings) are answers;
 * exit 2 is a usage error, which a robustness run never provokes; a signal, a timeout or an internal
 * error is a crash.
 */
export function crashOf(run: CliRun): string | null {
  if (run.timedOut) return `no exit within ${Math.round(run.ms / 1000)} s (hang)`;
  if (run.signal) return `killed by ${run.signal}`;
  // An internal error, an uncaught exception (Node prints it and exits 1) and V8's fatal errors all
  // print a stack trace or a FATAL line; a per-file error never does.
  const lines = run.stderr.split('\n');
  const fatal = lines.findIndex((line) => /internal error|FATAL ERROR|heap out of memory|^\s+at .+:\d+:\d+\)?$/.test(line));
  if (fatal >= 0) return lines.slice(Math.max(0, fatal - 3), fatal + 6).join('\n');
  if (run.code !== 0 && run.code !== 1) return `exit ${run.code}: ${firstLines(run.stderr, 6)}`;
  return null;
}

const firstLines = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function commitAll(dir: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'corpus', '--no-verify');
}

/** Paths changed in the work tree since the commit. */
export function changedPaths(dir: string): string[] {
  return git(dir, 'diff', '--name-only', '-z').split('\0').filter(Boolean);
}

/**
 * Re-parses a file as ESLint would see it (typescript-estree, JSX for every extension except
 * `.ts/.mts/.cts`): independent of the product's own safety net, which uses TypeScript's scanner.
 * Returns the parser's message, or null.
 */
export function parseProblem(file: string, text: string): string | null {
  try {
    parse(text.replace(/^\uFEFF/, ''), { filePath: file, jsx: !/\.[mc]?ts$/.test(file), range: true, comment: false, loc: false });
    return null;
  } catch (error) {
    // Too deep for this thread's stack is not a syntax error: ds-migrate's workers parse such files
    // with oxc on a 512 MB stack, and so does this check.
    if (error instanceof RangeError) return deepParseProblem(file, text);
    return String((error as Error).message).split('\n')[0];
  }
}

/** The same check as the analysis workers make (oxc, on a big stack), in a child process. */
function deepParseProblem(file: string, text: string): string | null {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', DEEP_CHECK, path.join(REPO, 'dist/src/parse/oxc-parse.js'), file], {
    input: text.replace(/^\uFEFF/, ''),
    encoding: 'utf8',
  });
  if (run.status !== 0) return `the deep-nesting check failed: ${run.stderr.split('\n')[0]}`;
  return JSON.parse(run.stdout) as string | null;
}

const DEEP_CHECK = `
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const [module, file] = process.argv.slice(1);
const code = "import('" + module + "').then(async ({ loadOxc, oxcSyntaxError }) => { await loadOxc(); const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage(oxcSyntaxError(workerData.file, workerData.text)?.reason ?? null); });";
const worker = new Worker(code, { eval: true, execArgv: [], resourceLimits: { stackSizeMb: 512 }, workerData: { file, text: readFileSync(0, 'utf8') } });
worker.on('message', (message) => process.stdout.write(JSON.stringify(message)));
`;

/** Code that could be SDK code: the only files a migration may touch. */
export function mentionsSdk(text: string): boolean {
  return /openai|deepseek|OPENAI_|DEEPSEEK_/i.test(text) || /['"`](?:gpt-|o[1-9][-'"`]|chatgpt-|davinci|text-davinci|deepseek-)/.test(text);
}

/** A per-file error message without positions, names or numbers: the key to count errors by. */
export function reasonOf(message: string): string {
  return message
    .replace(/\s*\(\d+:\d+\)$/, '')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "'…'")
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 120);
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
}

const temps: string[] = [];

/** A fresh folder outside the repository, removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ds-migrate-${prefix}-`));
  temps.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

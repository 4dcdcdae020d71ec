/**
 * Runs per-file jobs (parse and analyse, or check syntax) in worker threads, in the main thread only
 * where no worker can run (from TypeScript sources, in the tests, or when `DS_MIGRATE_WORKERS=0`).
 *
 * The workers parse with oxc, about 8× faster than typescript-estree, which needs a stack the main
 * thread does not have (see `OXC`). So even a small run is faster with one worker: it loads oxc while
 * the main thread reads files, and the main thread never loads typescript-estree. Measured on 2 cores
 * with generated SDK-dense code, one worker against the main thread alone: 0.49 s vs 0.52 s for 5 files,
 * 0.61 s vs 0.75 s for 40, 1.01 s vs 1.52 s for 250. A worker per core pays off from about 1 MB (2.2 MB:
 * 2.23–2.30 s with two workers, 2.45 s with one). The main thread only feeds the workers (with
 * typescript-estree it would be slower than they are), except for files over the oxc bound.
 */
import { availableParallelism } from 'node:os';
import { COMPILED, TimedWorkerPool } from '../workers/timed-pool.js';
import type { AnalyseOutcome, Job } from './analyse-one.js';

export interface PoolOptions {
  /** Worker threads to use; 0 runs in the main thread. Default: decided by the batch (see `workersFor`). */
  readonly workers?: number;
  /** Per-file limit in milliseconds (`--file-timeout`). When set, files over the oxc bound stay in workers too, under the limit. */
  readonly timeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** From this many bytes of code to parse, one worker per core; below it, one worker. */
const WORKER_PER_CORE_BYTES = 1_000_000;

/**
 * The workers parse with oxc, which recurses on the native stack: a file nested deeper than the stack
 * holds kills the whole process (SIGSEGV) instead of throwing. Every nesting level takes at least one
 * character, so a bound on characters per MB of stack is safe whatever the code. Measured in a worker
 * with a 64 MB stack (oxc-parser 0.159), the cheapest shape was unclosed `(`: fine at 40,000
 * characters, a crash at 60,000. Taking 40,000 per 64 MB, a 512 MB stack (address space, committed only
 * as it is used) holds at least 320,000 characters; 150,000 leaves a margin over 2. Longer files are
 * parsed by typescript-estree in the main thread (see `runJobs`).
 */
export const OXC = { stackMb: 512, maxChars: 150_000 } as const;

/** Wall-clock: generous, since a loaded machine slows a big file down; the limit is for hangs. */
export const DEFAULT_FILE_TIMEOUT_MS = 120_000;

/** The compiled worker, bundled into one file by `npm run build` (scripts/bundle-worker.mjs); absent when running from TypeScript sources (tests), where jobs stay in-process. */
const WORKER_URL = new URL('./analyse-worker.bundle.js', import.meta.url);

function forcedWorkers(env: NodeJS.ProcessEnv): number | null {
  const forced = env.DS_MIGRATE_WORKERS;
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : null;
}

/** Workers worth starting for this many bytes on this many cores: one, or one per core for a big batch. */
export function workersWorthStarting(bytes: number, cores: number): number {
  if (bytes === 0) return 0;
  return bytes < WORKER_PER_CORE_BYTES ? 1 : Math.max(1, cores);
}

/** This machine's core count, asked once (the reading loop asks for every file). */
let cores: number | undefined;

/** Workers for a batch of this many bytes on this machine (`DS_MIGRATE_WORKERS` overrides). */
export function workersForBytes(bytes: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!COMPILED) return 0;
  cores ??= availableParallelism();
  return forcedWorkers(env) ?? workersWorthStarting(bytes, cores);
}

export function workersFor(jobs: readonly Job[], env: NodeJS.ProcessEnv = process.env): number {
  return workersForBytes(jobs.reduce((n, j) => n + j.text.length, 0), env);
}

/**
 * The in-process analysis (typescript-estree, the analysis), loaded only when a job runs in this thread:
 * with workers, the main thread never needs it, and loading it would delay the start of every run.
 */
const inProcess = () => import('./analyse-one.js');

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<AnalyseOutcome[]> {
  if (jobs.length === 0) return [];
  const workers = COMPILED ? (options.workers ?? workersFor(jobs)) : 0;
  if (workers === 0) {
    const { runJob } = await inProcess();
    return jobs.map((job, i) => {
      const outcome = runJob(job);
      options.onProgress?.(i + 1, jobs.length);
      return outcome;
    });
  }
  const runHere = options.timeoutMs === undefined && jobs.some((job) => !fitsOxcBound(job)) ? (await inProcess()).runJob : null;
  const outcomes = pool(workers).run({
    jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    sizeOf: (job) => job.text.length,
    onTimeout: (_, limit) => ({ ok: false, problem: { message: `took longer than ${limit} to analyse; skipped (see --file-timeout)` } }),
    onCrash: (_, error) => ({ ok: false, problem: { message: `analysis crashed: ${error.message}` } }),
    onProgress: options.onProgress,
    // Files too long for the workers' oxc bound are parsed by typescript-estree. In a worker its deep
    // recursion meets the huge stack and runs on (quadratic in depth: minutes for 100,000 nested `+`);
    // the main thread's small stack ends it with a RangeError in milliseconds. Such files are rare, so
    // they run there, unless a time limit was asked for (which only a worker can enforce).
    inMainThread: runHere ? { takes: (job) => !fitsOxcBound(job), run: runHere } : undefined,
  });
  return outcomes.catch((error: Error) => {
    throw new Error(
      `ds-migrate could not start its analysis worker (${error.message}). Reinstall ds-migrate (from a clone: npm run build, which bundles the worker), or set DS_MIGRATE_WORKERS=0 to analyse in the main thread.`,
    );
  });
}

function fitsOxcBound(job: Job): boolean {
  return job.text.length <= OXC.maxChars;
}

/** Starts the workers a run of this size will need, so they load while files are still being read. */
export function warmUp(workers: number): void {
  if (COMPILED && workers > 0) pool(workers);
}

let shared: TimedWorkerPool<Job, AnalyseOutcome> | null = null;

function pool(size: number): TimedWorkerPool<Job, AnalyseOutcome> {
  shared ??= new TimedWorkerPool(WORKER_URL, 0, { oxcMaxChars: OXC.maxChars }, { stackSizeMb: OXC.stackMb });
  shared.grow(size);
  return shared;
}

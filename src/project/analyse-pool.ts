/**
 * Runs per-file jobs on every core when the batch is worth it, in the main thread otherwise.
 *
 * Worker threads cost a second or so to start (each loads TypeScript), so small runs stay in-process,
 * a run that will need workers starts them early (`warmUp`, while files are still being read), and the
 * same workers serve every batch of the run (see `TimedWorkerPool`: the main thread helps, and in a
 * worker each file has a time limit, so one pathological file cannot hang a run).
 */
import { availableParallelism } from 'node:os';
import { COMPILED, TimedWorkerPool } from '../workers/timed-pool.js';
import { runJob, type AnalyseOutcome, type Job } from './analyse-one.js';

export interface PoolOptions {
  /** Worker threads to use; 0 runs in the main thread. Default: decided by the batch (see `workersFor`). */
  readonly workers?: number;
  /** Per-file limit in milliseconds (worker mode only). */
  readonly timeoutMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Only workers run jobs, so every file is under the time limit (the main thread cannot be interrupted). */
  readonly strictTimeout?: boolean;
}

/**
 * Below this many bytes of code to parse, starting workers costs more than it saves. A worker takes about
 * 1.4 s to load TypeScript and warm up its JIT, and the garbage collector already keeps part of a second
 * core busy. Measured on generated SDK-dense code with 2 cores, one worker beside the main thread was 12%
 * slower at 2.2 MB (1,000 files) and 11% faster at 9 MB (4,000 files): the break-even is near 4 MB. With
 * more cores each worker takes a smaller share, and the same model puts the break-even near 1 MB.
 */
const WORKER_THRESHOLD_BYTES = { twoCoresOrFewer: 4_000_000, more: 1_000_000 } as const;
/** Wall-clock: generous, since a loaded machine slows a big file down; the limit is for hangs. */
export const DEFAULT_FILE_TIMEOUT_MS = 120_000;

/** The compiled worker script; absent when running from TypeScript sources (tests), where jobs stay in-process. */
const WORKER_URL = new URL('./analyse-worker.js', import.meta.url);

function forcedWorkers(env: NodeJS.ProcessEnv): number | null {
  const forced = env.DS_MIGRATE_WORKERS;
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : null;
}

/** Workers worth starting for this many bytes on this many cores: none when small; else every core but the main thread's. */
export function workersWorthStarting(bytes: number, cores: number): number {
  const threshold = cores <= 2 ? WORKER_THRESHOLD_BYTES.twoCoresOrFewer : WORKER_THRESHOLD_BYTES.more;
  return bytes < threshold ? 0 : cores - 1;
}

/** Workers for a batch of this many bytes on this machine (`DS_MIGRATE_WORKERS` overrides). */
export function workersForBytes(bytes: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!COMPILED) return 0;
  return forcedWorkers(env) ?? workersWorthStarting(bytes, availableParallelism());
}

export function workersFor(jobs: readonly Job[], env: NodeJS.ProcessEnv = process.env): number {
  return workersForBytes(jobs.reduce((n, j) => n + j.text.length, 0), env);
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<AnalyseOutcome[]> {
  const workers = COMPILED ? (options.workers ?? workersFor(jobs)) : 0;
  if (workers === 0 || jobs.length === 0) {
    return jobs.map((job, i) => {
      const outcome = runJob(job);
      options.onProgress?.(i + 1, jobs.length);
      return outcome;
    });
  }
  return pool(workers).run({
    jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
    sizeOf: (job) => job.text.length,
    onTimeout: (_, limit) => ({ ok: false, problem: { message: `took longer than ${limit} to analyse; skipped (see --file-timeout)` } }),
    onCrash: (_, error) => ({ ok: false, problem: { message: `analysis crashed: ${error.message}` } }),
    onProgress: options.onProgress,
    mainThread: options.strictTimeout ? undefined : runJob,
  });
}

/** Starts the workers a run of this size will need, so they load while files are still being read. */
export function warmUp(workers: number): void {
  if (COMPILED && workers > 0) pool(workers);
}

let shared: TimedWorkerPool<Job, AnalyseOutcome> | null = null;

function pool(size: number): TimedWorkerPool<Job, AnalyseOutcome> {
  if (!shared || shared.size < size) {
    shared?.close();
    shared = new TimedWorkerPool(WORKER_URL, size);
  }
  return shared;
}

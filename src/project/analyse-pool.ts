/**
 * Runs per-file jobs on every core when the batch is worth it, in the main thread otherwise.
 *
 * Worker threads cost a few hundred milliseconds each to start (they load TypeScript), so small runs
 * stay in-process. In a worker, each file has a time limit: a file that takes longer is reported with
 * a clear error and its worker is replaced, so one pathological file cannot hang a run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** Below this many bytes of code to parse, starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 1_000_000;
export const DEFAULT_FILE_TIMEOUT_MS = 30_000;

/** The compiled worker script; absent when running from TypeScript sources (tests), where jobs stay in-process. */
const WORKER_URL = new URL('./analyse-worker.js', import.meta.url);
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

export function workersFor(jobs: readonly Job[], env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.DS_MIGRATE_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return CAN_USE_WORKERS ? Number(forced) : 0;
  if (!CAN_USE_WORKERS) return 0;
  const bytes = jobs.reduce((n, j) => n + j.text.length, 0);
  if (bytes < WORKER_THRESHOLD_BYTES) return 0;
  // The main thread works too, so one core is already busy.
  return Math.max(1, availableParallelism() - 1);
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<AnalyseOutcome[]> {
  const workers = options.workers ?? workersFor(jobs);
  if (workers === 0 || jobs.length === 0) {
    return jobs.map((job, i) => {
      const outcome = runJob(job);
      options.onProgress?.(i + 1, jobs.length);
      return outcome;
    });
  }
  return runWithWorkers(jobs, workers, options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS, options.onProgress, !options.strictTimeout);
}

/**
 * Workers take the largest files from the front of the queue (so the slowest start early, under the
 * time limit); the main thread takes the smallest from the back while the workers start up, instead
 * of waiting for them.
 */
function runWithWorkers(
  jobs: readonly Job[],
  count: number,
  timeoutMs: number,
  onProgress: ((done: number, total: number) => void) | undefined,
  mainThreadHelps: boolean,
): Promise<AnalyseOutcome[]> {
  const results: AnalyseOutcome[] = new Array(jobs.length);
  const queue = jobs.map((_, i) => i).sort((a, b) => jobs[b].text.length - jobs[a].text.length);
  let front = 0;
  let back = queue.length - 1;
  let done = 0;
  return new Promise((resolve) => {
    const finish = (index: number, outcome: AnalyseOutcome) => {
      if (results[index] !== undefined) return;
      results[index] = outcome;
      done++;
      onProgress?.(done, jobs.length);
      if (done === jobs.length) resolve(results);
    };

    const startWorker = () => {
      const worker = new Worker(WORKER_URL);
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (front > back) {
          void worker.terminate();
          return;
        }
        current = queue[front++];
        timer = setTimeout(() => {
          // A file that takes too long: report it, replace the worker, go on.
          worker.removeAllListeners();
          void worker.terminate();
          const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
          finish(current, { ok: false, problem: { message: `took longer than ${limit} to analyse; skipped (see --file-timeout)` } });
          if (front <= back) startWorker();
        }, timeoutMs);
        worker.postMessage({ id: current, job: jobs[current] });
      };
      worker.on('message', (message: { id: number; outcome: AnalyseOutcome }) => {
        clearTimeout(timer);
        finish(message.id, message.outcome);
        feed();
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        if (current >= 0) finish(current, { ok: false, problem: { message: `analysis crashed: ${error.message}` } });
        if (front <= back) startWorker();
      });
      feed();
    };

    for (let i = 0; i < count; i++) startWorker();
    const mainThread = () => {
      if (front > back) return;
      const index = queue[back--];
      finish(index, runJob(jobs[index]));
      // Yield between files so worker results are received as they come.
      setImmediate(mainThread);
    };
    if (mainThreadHelps) setImmediate(mainThread);
  });
}

/**
 * Runs per-file jobs on every core when the batch is worth it, in the main thread otherwise.
 *
 * Worker threads cost a second or so to start (each loads TypeScript), so small runs stay in-process,
 * a run that will need workers starts them early (`warmUp`, while files are still being read), and the
 * same workers serve every batch of the run. The main thread works too, taking the smallest files from
 * the back of the queue while workers take the largest from the front. In a worker each file has a time
 * limit: a file that takes longer is reported with a clear error and its worker replaced, so one
 * pathological file cannot hang a run.
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
const CAN_USE_WORKERS = import.meta.url.endsWith('.js');

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
  if (!CAN_USE_WORKERS) return 0;
  return forcedWorkers(env) ?? workersWorthStarting(bytes, availableParallelism());
}

export function workersFor(jobs: readonly Job[], env: NodeJS.ProcessEnv = process.env): number {
  return workersForBytes(jobs.reduce((n, j) => n + j.text.length, 0), env);
}

export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<AnalyseOutcome[]> {
  const workers = CAN_USE_WORKERS ? (options.workers ?? workersFor(jobs)) : 0;
  if (workers === 0 || jobs.length === 0) {
    return jobs.map((job, i) => {
      const outcome = runJob(job);
      options.onProgress?.(i + 1, jobs.length);
      return outcome;
    });
  }
  return pool(workers).run(jobs, options.timeoutMs ?? DEFAULT_FILE_TIMEOUT_MS, options.onProgress, !options.strictTimeout);
}

/** Starts the workers a run of this size will need, so they load while files are still being read. */
export function warmUp(workers: number): void {
  if (CAN_USE_WORKERS && workers > 0) pool(workers);
}

let shared: WorkerPool | null = null;

function pool(size: number): WorkerPool {
  if (!shared || shared.size < size) {
    shared?.close();
    shared = new WorkerPool(size);
  }
  return shared;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Resolves when the worker has loaded its modules (its first message). */
  ready: Promise<void>;
}

class WorkerPool {
  private readonly slots: Slot[] = [];

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL);
    // Idle workers must not keep the process alive; a batch refs them while it runs.
    worker.unref();
    const ready = new Promise<void>((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.removeListener('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('error', () => resolve());
    });
    return { worker, busy: false, ready };
  }

  close(): void {
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.length = 0;
  }

  run(
    jobs: readonly Job[],
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

      const drive = (slot: Slot) => {
        slot.busy = true;
        slot.worker.ref();
        let current = -1;
        let timer: NodeJS.Timeout | undefined;
        const release = () => {
          clearTimeout(timer);
          slot.worker.removeListener('message', onMessage);
          slot.worker.removeListener('error', onError);
          slot.worker.unref();
          slot.busy = false;
        };
        const feed = () => {
          if (front > back) {
            release();
            return;
          }
          current = queue[front++];
          timer = setTimeout(() => {
            // A file that takes too long: report it, replace the worker, go on.
            release();
            void slot.worker.terminate();
            const fresh = this.spawn();
            this.slots[this.slots.indexOf(slot)] = fresh;
            const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
            finish(current, { ok: false, problem: { message: `took longer than ${limit} to analyse; skipped (see --file-timeout)` } });
            drive(fresh);
          }, timeoutMs);
          slot.worker.postMessage({ id: current, job: jobs[current] });
        };
        const onMessage = (message: { id: number; outcome: AnalyseOutcome; ready?: boolean }) => {
          if (message.ready) return;
          clearTimeout(timer);
          finish(message.id, message.outcome);
          feed();
        };
        const onError = (error: Error) => {
          release();
          if (current >= 0) finish(current, { ok: false, problem: { message: `analysis crashed: ${error.message}` } });
          const fresh = this.spawn();
          this.slots[this.slots.indexOf(slot)] = fresh;
          drive(fresh);
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        // Jobs (and their timers) start once the worker is loaded, so start-up never counts as a file's time.
        void slot.ready.then(feed);
      };

      for (const slot of this.slots) if (!slot.busy) drive(slot);
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
}

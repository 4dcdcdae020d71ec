/**
 * A pool of worker threads that runs one job per file under a time limit: a job that takes longer is
 * answered by `onTimeout` and its worker replaced, a worker that crashes is answered by `onCrash` and
 * replaced, so one pathological file can neither hang nor end a run. Used by the analysis (parse and
 * analyse) and by `ds-migrate lint --file-timeout`. The worker side is `serveJobs` (serve-jobs.ts).
 *
 * Jobs go largest first to the workers; when the main thread may help (its work cannot be interrupted,
 * so only when no strict limit was asked for) it takes the smallest from the back of the queue.
 */
import { Worker } from 'node:worker_threads';

export interface PoolBatch<J, O> {
  readonly jobs: readonly J[];
  readonly timeoutMs: number;
  /** Orders the queue: larger jobs first, so the longest ones start early. */
  readonly sizeOf: (job: J) => number;
  /** The outcome of a job that took longer than the limit (`limit` reads "500 ms" or "30 s"). */
  readonly onTimeout: (job: J, limit: string) => O;
  /** The outcome of a job whose worker crashed. */
  readonly onCrash: (job: J, error: Error) => O;
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs a job in the main thread too (uninterruptible: only when no strict limit is wanted). */
  readonly mainThread?: (job: J) => O;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Resolves when the worker has loaded its modules (its first message). */
  ready: Promise<void>;
}

export class TimedWorkerPool<J, O> {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly script: URL,
    readonly size: number,
    private readonly workerData?: unknown,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.workerData });
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

  run(batch: PoolBatch<J, O>): Promise<O[]> {
    const { jobs, timeoutMs } = batch;
    const results: O[] = new Array(jobs.length);
    const settled: boolean[] = new Array(jobs.length).fill(false);
    if (jobs.length === 0) return Promise.resolve(results);
    const queue = jobs.map((_, i) => i).sort((a, b) => batch.sizeOf(jobs[b]) - batch.sizeOf(jobs[a]));
    let front = 0;
    let back = queue.length - 1;
    let done = 0;
    return new Promise((resolve) => {
      const finish = (index: number, outcome: O) => {
        if (settled[index]) return;
        settled[index] = true;
        results[index] = outcome;
        done++;
        batch.onProgress?.(done, jobs.length);
        if (done === jobs.length) resolve(results);
      };

      const replace = (slot: Slot): Slot => {
        const fresh = this.spawn();
        this.slots[this.slots.indexOf(slot)] = fresh;
        return fresh;
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
            finish(current, batch.onTimeout(jobs[current], formatLimit(timeoutMs)));
            drive(replace(slot));
          }, timeoutMs);
          slot.worker.postMessage({ id: current, job: jobs[current] });
        };
        const onMessage = (message: { id: number; outcome: O; ready?: boolean }) => {
          if (message.ready) return;
          clearTimeout(timer);
          finish(message.id, message.outcome);
          feed();
        };
        const onError = (error: Error) => {
          release();
          if (current >= 0) finish(current, batch.onCrash(jobs[current], error));
          drive(replace(slot));
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        // Jobs (and their timers) start once the worker is loaded, so start-up never counts as a file's time.
        void slot.ready.then(feed);
      };

      for (const slot of this.slots) if (!slot.busy) drive(slot);
      const { mainThread } = batch;
      if (!mainThread) return;
      const helpOnce = () => {
        if (front > back) return;
        const index = queue[back--];
        finish(index, mainThread(jobs[index]));
        // Yield between files so worker results are received as they come.
        setImmediate(helpOnce);
      };
      setImmediate(helpOnce);
    });
  }
}

export function formatLimit(timeoutMs: number): string {
  return timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
}

/**
 * Worker scripts exist only in the compiled package (dist/). Run from TypeScript sources (the tests),
 * jobs stay in the main thread, where no time limit can be enforced.
 */
export const COMPILED = import.meta.url.endsWith('.js');

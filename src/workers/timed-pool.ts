/**
 * A pool of worker threads that runs one job per file under a time limit: a job that takes longer is
 * answered by `onTimeout` and its worker replaced, a worker that crashes is answered by `onCrash` and
 * replaced, so one pathological file can neither hang nor end a run. Used by the analysis (parse and
 * analyse) and by `ds-migrate lint --file-timeout`. The worker side is `serveJobs` (serve-jobs.ts).
 *
 * Jobs go largest first to the workers, a few at a time each. A batch may keep some jobs for the main
 * thread (`inMainThread`): they run there between messages, without a time limit.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

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
  /** Jobs the main thread runs itself (no time limit applies there), one at a time between messages. */
  readonly inMainThread?: { readonly takes: (job: J) => boolean; readonly run: (job: J) => O };
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Resolves when the worker has loaded its modules (its first message), or with the error that ended it first. */
  ready: Promise<Error | null>;
}

export class TimedWorkerPool<J, O> {
  private readonly slots: Slot[] = [];

  constructor(
    private readonly script: URL,
    size: number,
    private readonly workerData?: unknown,
    /** Thread limits, e.g. a larger stack (`stackSizeMb` also sizes the thread's native stack). */
    private readonly resourceLimits?: ResourceLimits,
  ) {
    this.grow(size);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts more workers, up to `size` in all (a run that turns out bigger than it looked). */
  grow(size: number): void {
    while (this.slots.length < size) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.workerData, resourceLimits: this.resourceLimits });
    // Idle workers must not keep the process alive; a batch refs them while it runs.
    worker.unref();
    const ready = new Promise<Error | null>((resolve) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.removeListener('message', onReady);
        resolve(null);
      };
      worker.on('message', onReady);
      // A worker that cannot load (a missing or broken script) never answers: say so instead of waiting.
      worker.once('error', (error) => resolve(error));
      worker.once('exit', (code) => resolve(new Error(`the worker thread exited with code ${code} before it was ready`)));
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
    const main = batch.inMainThread;
    const mainQueue = main ? jobs.flatMap((job, i) => (main.takes(job) ? [i] : [])) : [];
    const queue = jobs
      .map((_, i) => i)
      .filter((i) => !main?.takes(jobs[i]))
      .sort((a, b) => batch.sizeOf(jobs[b]) - batch.sizeOf(jobs[a]));
    let front = 0;
    const back = queue.length - 1;
    let done = 0;
    return new Promise((resolve, reject) => {
      const finish = (index: number, outcome: O) => {
        if (settled[index]) return;
        settled[index] = true;
        results[index] = outcome;
        done++;
        batch.onProgress?.(done, jobs.length);
        if (done === jobs.length) resolve(results);
      };

      /** Jobs a replaced worker had not reached go back to the front of the queue. */
      const requeue = (indexes: readonly number[]) => {
        for (let i = indexes.length - 1; i >= 0; i--) queue[--front] = indexes[i];
      };

      const replace = (slot: Slot): Slot => {
        const fresh = this.spawn();
        this.slots[this.slots.indexOf(slot)] = fresh;
        return fresh;
      };

      const drive = (slot: Slot) => {
        slot.busy = true;
        slot.worker.ref();
        // Jobs sent and not yet answered, in the order the worker runs them: the first is running.
        const inFlight: number[] = [];
        let timer: NodeJS.Timeout | undefined;
        const release = () => {
          clearTimeout(timer);
          slot.worker.removeListener('message', onMessage);
          slot.worker.removeListener('error', onError);
          slot.worker.unref();
          slot.busy = false;
        };
        // The running job's clock starts when the worker reaches it (when the one before it was answered).
        const startClock = () => {
          clearTimeout(timer);
          if (inFlight.length === 0) return;
          timer = setTimeout(() => {
            // A file that takes too long: report it, replace the worker, give the jobs queued behind it back, go on.
            release();
            void slot.worker.terminate();
            const [running, ...waiting] = inFlight;
            requeue(waiting);
            finish(running, batch.onTimeout(jobs[running], formatLimit(timeoutMs)));
            drive(replace(slot));
          }, timeoutMs);
        };
        const fill = () => {
          while (inFlight.length < JOBS_IN_FLIGHT && front <= back) {
            const index = queue[front++];
            inFlight.push(index);
            slot.worker.postMessage({ id: index, job: jobs[index] });
          }
          if (inFlight.length === 0) release();
        };
        const onMessage = (message: { id: number; outcome: O; ready?: boolean }) => {
          if (message.ready) return;
          inFlight.shift();
          finish(message.id, message.outcome);
          fill();
          startClock();
        };
        let started = false;
        const onError = (error: Error) => {
          // Before the worker is loaded, its failure is the batch's (below), not a file's: no replacement.
          if (!started) return;
          release();
          const [running, ...waiting] = inFlight;
          requeue(waiting);
          if (running !== undefined) finish(running, batch.onCrash(jobs[running], error));
          drive(replace(slot));
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        // Jobs (and their timers) start once the worker is loaded, so start-up never counts as a file's time.
        void slot.ready.then((failure) => {
          if (failure) {
            // Every replacement would fail the same way: end the batch with the reason.
            release();
            void slot.worker.terminate();
            this.slots.splice(this.slots.indexOf(slot), 1);
            reject(new Error(`a worker thread could not start: ${failure.message}`));
            return;
          }
          started = true;
          fill();
          startClock();
        });
      };

      if (queue.length > 0) for (const slot of this.slots) if (!slot.busy) drive(slot);
      if (!main) return;
      const runInMain = () => {
        const index = mainQueue.shift();
        if (index === undefined) return;
        finish(index, main.run(jobs[index]));
        // Yield between files so worker results are received as they come.
        setImmediate(runInMain);
      };
      setImmediate(runInMain);
    });
  }
}

/**
 * Jobs sent ahead to each worker, so it never waits for the main thread between two files (the main
 * thread is often busy reading files or helping). Only the first is running; the time limit applies to
 * one job at a time.
 */
const JOBS_IN_FLIGHT = 4;

export function formatLimit(timeoutMs: number): string {
  return timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
}

/**
 * Worker scripts exist only in the compiled package (dist/). Run from TypeScript sources (the tests),
 * jobs stay in the main thread, where no time limit can be enforced.
 */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * The worker side of `TimedWorkerPool`: runs jobs strictly one at a time, in the order they arrive
 * (the pool sends a few ahead and times the first one), and posts plain results back.
 */
import { parentPort } from 'node:worker_threads';

export function serveJobs<J, O>(handle: (job: J) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (message: { id: number; job: J }) => {
    previous = previous.then(async () => port.postMessage({ id: message.id, outcome: await handle(message.job) }));
  });
  // Modules are loaded: from now on a job's time is the file's, not the worker's start-up.
  port.postMessage({ ready: true });
}

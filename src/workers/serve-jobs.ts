/** The worker side of `TimedWorkerPool`: runs jobs one at a time and posts plain results back. */
import { parentPort } from 'node:worker_threads';

export function serveJobs<J, O>(handle: (job: J) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (message: { id: number; job: J }) => {
    void Promise.resolve(handle(message.job)).then((outcome) => port.postMessage({ id: message.id, outcome }));
  });
  // Modules are loaded: from now on a job's time is the file's, not the worker's start-up.
  port.postMessage({ ready: true });
}

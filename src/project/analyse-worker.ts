/** Worker thread entry: runs jobs sent by the pool, one at a time, and posts plain results back. */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './analyse-one.js';

parentPort?.on('message', (message: { id: number; job: Job }) => {
  parentPort!.postMessage({ id: message.id, outcome: runJob(message.job) });
});

// Modules are loaded: from now on a job's time is the file's, not the worker's start-up.
parentPort?.postMessage({ ready: true });

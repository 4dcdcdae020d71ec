/**
 * Worker thread entry of the analysis pool: parses and analyses the files it is sent. The pool starts
 * it with a stack sized for oxc (see `OXC` in analyse-pool.ts), so it parses with oxc up to the size
 * that stack is known to hold.
 */
import { workerData } from 'node:worker_threads';
import { useOxcUpTo } from '../parse/source-file.js';
import { serveJobs } from '../workers/serve-jobs.js';
import { runJob } from './analyse-one.js';

await useOxcUpTo((workerData as { oxcMaxChars: number }).oxcMaxChars);
serveJobs(runJob);

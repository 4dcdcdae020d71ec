/** Worker thread entry of the analysis pool: parses and analyses the files it is sent. */
import { serveJobs } from '../workers/serve-jobs.js';
import { runJob } from './analyse-one.js';

serveJobs(runJob);

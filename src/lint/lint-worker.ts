/** Worker thread entry for `ds-migrate lint --file-timeout`: lints the files it is sent, one at a time. */
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../workers/serve-jobs.js';
import { createLinter, lintOneFile, type LinterSetup, type LintJob } from './lint-one.js';

const eslint = createLinter(workerData as LinterSetup);
serveJobs((file: LintJob) => lintOneFile(eslint, file));

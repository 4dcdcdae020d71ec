// Preloaded into every Node.js process of a measured command (NODE_OPTIONS=--require, so forked
// children such as jscodeshift's workers get it too). At exit it appends one line to
// $BENCH_USAGE_FILE: this process's peak resident set size and the CPU time it used. Worker threads
// share their process's figures, so only the main thread writes.
'use strict';
const { appendFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_USAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = { pid: process.pid, maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}

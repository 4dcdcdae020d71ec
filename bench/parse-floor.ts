/**
 * The floor: parses every code file of a corpus once with ds-migrate's own parser, in one thread set
 * up as ds-migrate's analysis workers are (oxc up to their bound, on their stack; typescript-estree
 * beyond), and nothing else. Prints `{"files", "bytes", "errors"}` on stdout.
 *
 *   node .bench/out/parse-floor.js <corpus-dir>
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { codeFilesIn } from './corpus.js';
import { loadDsMigrateParser } from './ds-migrate-parser.js';

const parser = await loadDsMigrateParser();

if (isMainThread) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: parse-floor <corpus-dir>');
  const worker = new Worker(new URL(import.meta.url), { workerData: { dir }, resourceLimits: { stackSizeMb: parser.oxc.stackMb } });
  worker.once('message', (result) => process.stdout.write(`${JSON.stringify(result)}\n`));
  worker.once('error', (error) => {
    throw error;
  });
} else {
  await parser.useOxcUpTo(parser.oxc.maxChars);
  let bytes = 0;
  let errors = 0;
  const files = codeFilesIn((workerData as { dir: string }).dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    try {
      parser.parseText(file, text);
    } catch {
      errors++;
    }
  }
  parentPort!.postMessage({ files: files.length, bytes, errors });
}

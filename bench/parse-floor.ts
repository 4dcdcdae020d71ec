/**
 * The floor: parses every code file of a corpus once with ds-migrate's own typescript-estree parse
 * (`parseText`, src/parse/source-file.ts, from dist/), in one thread, and nothing else. Prints
 * `{"files", "bytes", "errors"}` on stdout.
 *
 *   node .bench/out/parse-floor.js <corpus-dir>
 */
import { readFileSync } from 'node:fs';
import { codeFilesIn } from './corpus.js';
import { loadParseText } from './ds-migrate-parser.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: parse-floor <corpus-dir>');

const parseText = await loadParseText();
let bytes = 0;
let errors = 0;
const files = codeFilesIn(dir);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  try {
    parseText(file, text);
  } catch {
    errors++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, errors })}\n`);

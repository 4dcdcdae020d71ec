/**
 * The floor: parses every code file of a corpus once with typescript-estree, with the options
 * ds-migrate's parser uses (src/parse/source-file.ts), in one thread, and nothing else. Prints
 * `{"files", "bytes", "errors"}` on stdout.
 *
 *   node .bench/out/parse-floor.js <corpus-dir>
 */
import { readFileSync } from 'node:fs';
import { parse } from '@typescript-eslint/typescript-estree';
import { codeFilesIn } from './corpus.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: parse-floor <corpus-dir>');

let bytes = 0;
let errors = 0;
const files = codeFilesIn(dir);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  try {
    parse(text, {
      filePath: file,
      jsx: !/\.[mc]?ts$/.test(file),
      range: true,
      loc: false,
      comment: false,
      tokens: false,
      errorOnUnknownASTType: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch {
    errors++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, errors })}\n`);

/**
 * What one parse costs with each parser on a corpus, in one process, after a warm-up pass (not part
 * of `npm run bench`'s targets; it explains them). Prints ms per pass and files/s for:
 * TypeScript's own parser, oxc and typescript-estree as ds-migrate calls them, the same plus a scope
 * analysis, @babel/parser with jscodeshift's tsx options, and jscodeshift's `j(source)` (babel + recast).
 * Everything runs in the main thread, oxc included: fine for ordinary code, not for deeply nested input.
 *
 *   node .bench/out/parsers.js <corpus-dir> [passes=3]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';
import { codeFilesIn } from './corpus.js';
import { loadDsMigrateParser } from './ds-migrate-parser.js';
import { median } from './measure.js';

const [dir, passesArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: parsers <corpus-dir> [passes]');
const passes = Number(passesArg ?? 3);
const files = codeFilesIn(dir).map((path) => ({ path, text: readFileSync(path, 'utf8'), jsx: !/\.[mc]?ts$/.test(path) }));

// jscodeshift is CommonJS and untyped: load it the way its CLI does.
const require = createRequire(join(process.cwd(), 'package.json'));
const babelParser = require('@babel/parser') as { parse(code: string, options: object): unknown };
const tsxOptions = { ...(require('jscodeshift/parser/tsOptions') as { plugins: string[] }) };
tsxOptions.plugins = ['jsx', ...tsxOptions.plugins];
const jscodeshift = (require('jscodeshift') as { withParser(p: string): (source: string) => unknown }).withParser('tsx');

const { parseText, parseWithOxc } = await loadDsMigrateParser();

const parsers: Record<string, (f: (typeof files)[number]) => unknown> = {
  'typescript createSourceFile': (f) => ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true, f.jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
  'oxc (ds-migrate options, as in its workers)': (f) => parseWithOxc(f.path, f.text),
  'oxc + scope-manager': (f) => analyze(parseWithOxc(f.path, f.text) as TSESTree.Program, { sourceType: 'module' }),
  'typescript-estree (ds-migrate options)': (f) => parseText(f.path, f.text),
  'typescript-estree + scope-manager': (f) => analyze(parseText(f.path, f.text) as TSESTree.Program, { sourceType: 'module' }),
  '@babel/parser (jscodeshift tsx options)': (f) => babelParser.parse(f.text, tsxOptions),
  'jscodeshift j(source) (babel + recast)': (f) => jscodeshift(f.text),
};

const bytes = files.reduce((n, f) => n + f.text.length, 0);
process.stdout.write(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, median of ${passes} passes after a warm-up\n`);
for (const [name, parse] of Object.entries(parsers)) {
  const times: number[] = [];
  for (let pass = 0; pass <= passes; pass++) {
    const started = performance.now();
    for (const file of files) {
      try {
        parse(file);
      } catch {
        // a file this parser rejects still cost its time
      }
    }
    if (pass > 0) times.push(performance.now() - started);
  }
  const ms = median(times);
  process.stdout.write(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(7)} ms  ${Math.round(files.length / (ms / 1000)).toLocaleString('en-US').padStart(7)} files/s\n`);
}

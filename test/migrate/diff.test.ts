/**
 * The --dry patch: applying it to the file as it was gives exactly the file ds-migrate would write.
 * Checked with jsdiff's own patch applier over every transform fixture and over edge cases (final
 * newlines, CRLF, empty files, edits at both ends, many scattered edits).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/migrate/diff.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/transforms/', import.meta.url));

function roundTrip(before: string, after: string): void {
  const patch = unifiedDiff('f.ts', before, after);
  if (before === after) {
    expect(patch).toBe('');
    return;
  }
  expect(patch.startsWith('diff --git a/f.ts b/f.ts\n--- a/f.ts\n+++ b/f.ts\n@@ ')).toBe(true);
  expect(applyPatch(before, patch)).toBe(after);
}

function fixturePairs(): [string, string, string][] {
  const pairs: [string, string, string][] = [];
  for (const concern of readdirSync(FIXTURES)) {
    const dir = path.join(FIXTURES, concern);
    if (!statSync(dir).isDirectory()) continue;
    for (const entry of readdirSync(dir)) {
      const match = /^(.+)\.input(\.[a-z]+)$/.exec(entry);
      const output = match && path.join(dir, `${match[1]}.output${match[2]}`);
      if (output && statSync(path.join(dir, entry)).isFile() && readdirSync(dir).includes(path.basename(output))) {
        pairs.push([`${concern}/${match![1]}`, readFileSync(path.join(dir, entry), 'utf8'), readFileSync(output, 'utf8')]);
      }
    }
  }
  return pairs;
}

describe('unified diffs', () => {
  it.each(fixturePairs())('%s: the patch turns the input into the output', (_name, input, output) => roundTrip(input, output));

  it.each([
    ['a final newline added', 'a\nb', 'a\nb\n'],
    ['a final newline removed', 'a\nb\n', 'a\nb'],
    ['last line changed without a final newline', 'a\nb\nc', 'a\nb\nC'],
    ['from empty', '', 'a\n'],
    ['to empty', 'a\nb\n', ''],
    ['lines inserted at the top', 'a\nb\nc\n', '// note\n// more\na\nb\nc\n'],
    ['lines inserted at the end', 'a\nb\n', 'a\nb\nc\nd\n'],
    ['CRLF kept', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\nd\r\n'],
    ['repeated blank lines around a change', '\n\n\nx\n\n\n', '\n\n\ny\n\n\nz\n'],
  ])('%s', (_name, before, after) => roundTrip(before, after));

  it('every line changed, lines inserted and removed throughout, in linear time', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `export const r${i} = call('gpt-4o', ${i});`).join('\n') + '\n';
    const after = before
      .split('\n')
      .flatMap((line, i) => (i % 7 === 0 ? [`// marker ${i}`, line.replace('gpt-4o', 'deepseek-flash')] : i % 11 === 0 ? [] : [line.replace('gpt-4o', 'deepseek-flash')]))
      .join('\n');
    roundTrip(before, after);
  });
});

/**
 * Unified diffs that `git apply` accepts: `diff --git a/<path> b/<path>` headers, three lines of context.
 * Colour only when asked (a terminal).
 *
 * ds-migrate's edits never move lines: they change lines in place and insert or remove a few. So the
 * line alignment is a linear walk with a short lookahead, not a general minimal diff (Myers' algorithm
 * is O(N·D), and in a file where every line changes it cost 8 of 12 seconds). Any alignment is a
 * correct patch; this one is small for the edits ds-migrate makes.
 */
import type { Palette } from '../cli/palette.js';

type Op = { kind: ' ' | '-' | '+'; line: string };

const LOOKAHEAD = 64;
const CONTEXT = 3;

export function unifiedDiff(path: string, before: string, after: string, colors?: Palette): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = align(a, b);
  const out: string[] = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  for (const hunk of hunks(ops)) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    for (const op of hunk.ops) {
      const text = `${op.kind}${op.line}`;
      out.push(!colors ? text : op.kind === '+' ? colors.green(text) : op.kind === '-' ? colors.red(text) : text);
      // A last line without a final newline says so (for context lines too: both sides lack it then).
      const noNewline = op.kind === '+' ? op.b === b.lines.length - 1 && !b.finalNewline : op.a === a.lines.length - 1 && !a.finalNewline;
      if (noNewline) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

interface Lines {
  readonly lines: string[];
  /** What alignment compares: the lines, with the last one marked when the file has no final newline. */
  readonly keys: string[];
  readonly finalNewline: boolean;
}

function splitLines(text: string): Lines {
  const lines = text.split('\n');
  const finalNewline = text.endsWith('\n');
  if (finalNewline || text === '') lines.pop();
  const keys = [...lines];
  if (!finalNewline && keys.length > 0) keys[keys.length - 1] += '\u0000no-newline';
  return { lines, keys, finalNewline };
}

type Aligned = Op & { a: number; b: number };

/** Equal lines pass; otherwise a one-line change, a short run of inserted or removed lines, or a change. */
function align(left: Lines, right: Lines): Aligned[] {
  const a = left.keys;
  const b = right.keys;
  const ops: Aligned[] = [];
  let i = 0;
  let j = 0;
  const keep = () => ops.push({ kind: ' ', line: left.lines[i], a: i++, b: j++ });
  const remove = () => ops.push({ kind: '-', line: left.lines[i], a: i++, b: j });
  const add = () => ops.push({ kind: '+', line: right.lines[j], a: i, b: j++ });
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      keep();
      continue;
    }
    // The next lines agree again: one line changed.
    if (i + 1 < a.length && j + 1 < b.length && a[i + 1] === b[j + 1]) {
      remove();
      add();
      continue;
    }
    let inserted = -1;
    let removed = -1;
    for (let d = 1; d <= LOOKAHEAD && inserted < 0 && removed < 0; d++) {
      if (j + d < b.length && a[i] === b[j + d]) inserted = d;
      else if (i + d < a.length && a[i + d] === b[j]) removed = d;
    }
    if (inserted > 0) for (let k = 0; k < inserted; k++) add();
    else if (removed > 0) for (let k = 0; k < removed; k++) remove();
    else {
      remove();
      add();
    }
  }
  while (i < a.length) remove();
  while (j < b.length) add();
  return ops;
}

interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  ops: Aligned[];
}

/** Groups changes with CONTEXT equal lines around them; changes closer than 2·CONTEXT share a hunk. */
function hunks(ops: readonly Aligned[]): Hunk[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const out: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - CONTEXT);
    let end = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * CONTEXT) end = changed[++k];
    k++;
    const slice = ops.slice(start, Math.min(ops.length, end + CONTEXT + 1));
    out.push({
      oldStart: slice[0].a + 1,
      oldLines: slice.filter((op) => op.kind !== '+').length,
      newStart: slice[0].b + 1,
      newLines: slice.filter((op) => op.kind !== '-').length,
      ops: slice,
    });
  }
  return out;
}

/** `start,count` as in unified diff hunks (`start` is the line before an empty range). */
function range(start: number, count: number): string {
  const shown = count === 0 ? start - 1 : start;
  return count === 1 ? `${shown}` : `${shown},${count}`;
}

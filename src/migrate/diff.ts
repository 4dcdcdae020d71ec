/**
 * Unified diffs that `git apply` accepts: `diff --git a/<path> b/<path>` headers with paths relative
 * to the repository root (or the working directory outside a repository), three lines of context.
 * Colour only when asked (a terminal).
 */
import { structuredPatch } from 'diff';
import type { Palette } from '../cli/palette.js';

export function unifiedDiff(path: string, before: string, after: string, colors?: Palette): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  const out: string[] = [`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`];
  for (const hunk of patch.hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    for (const line of hunk.lines) {
      if (!colors) out.push(line);
      else if (line.startsWith('+')) out.push(colors.green(line));
      else if (line.startsWith('-')) out.push(colors.red(line));
      else out.push(line);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `start,count` as in unified diff hunks (`start` is 0 for an empty range). */
function range(start: number, count: number): string {
  const shown = count === 0 ? start - 1 : start;
  return count === 1 ? `${shown}` : `${shown},${count}`;
}

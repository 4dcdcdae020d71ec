/**
 * Text edits: the one currency of change. Findings describe fixes as edits; the codemod applies them
 * to files and ESLint applies them through its fixer. Only the edited ranges change, so formatting,
 * comments and quote style elsewhere are untouched by construction.
 */
export interface Edit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ApplyResult {
  readonly text: string;
  /** Edits applied, in text order. */
  readonly applied: readonly Edit[];
  /** Edits dropped because they overlap an earlier one; a later pass re-derives them on the new text. */
  readonly conflicts: readonly Edit[];
}

/** Sorts edits, drops exact duplicates, and keeps the first of any overlapping pair. */
export function planEdits(edits: readonly Edit[]): { accepted: Edit[]; conflicts: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: Edit[] = [];
  const conflicts: Edit[] = [];
  for (const edit of sorted) {
    const previous = accepted[accepted.length - 1];
    if (previous && previous.start === edit.start && previous.end === edit.end && previous.text === edit.text) continue;
    // Insertions at the same point both apply (in order); anything else that overlaps conflicts.
    const overlaps =
      previous !== undefined &&
      edit.start < previous.end &&
      !(previous.start === previous.end && edit.start === edit.end);
    const touchesInsideRemoval = previous !== undefined && edit.start === edit.end && edit.start > previous.start && edit.start < previous.end;
    if (overlaps || touchesInsideRemoval) conflicts.push(edit);
    else accepted.push(edit);
  }
  return { accepted, conflicts };
}

export function applyEdits(text: string, edits: readonly Edit[]): ApplyResult {
  const { accepted, conflicts } = planEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of accepted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = Math.max(cursor, edit.end);
  }
  out += text.slice(cursor);
  return { text: out, applied: accepted, conflicts };
}

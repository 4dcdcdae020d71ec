/**
 * One `// TODO(ds-migrate:<rule>): <why> <docs>` comment on each statement that needs a person: never
 * twice (a marker already above the statement is kept), never commenting out code, never inside JSX
 * (markers go on statements, whose line starts are in JavaScript).
 */
import type { Edit } from '../edits/edit.js';
import { indentAt, lineBreakOf, lineStartOf } from '../edits/layout.js';
import type { Finding } from '../findings/types.js';

export const MARKER_PREFIX = 'TODO(ds-migrate:';

export function markerText(rule: string, message: string, docs: string): string {
  // A line comment: no newlines; keep it readable in an editor.
  const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
  return `// ${MARKER_PREFIX}${rule}): ${oneLine} ${docs}`;
}

/**
 * A person already decided: `// eslint-disable-next-line ds-migrate/<rule> -- why` above the statement
 * (the form ESLint honours too) turns the item into a note, with no marker, so a call kept on OpenAI on
 * purpose stops failing `ds-migrate --check` and `ds-migrate lint` alike.
 */
export function isAcknowledged(source: string, statementStart: number, rule: string): boolean {
  const lineStart = lineStartOf(source, statementStart);
  return commentLinesAbove(source, lineStart).some((line) => /eslint-disable-next-line\b/.test(line) && line.includes(`ds-migrate/${rule}`));
}

export function markerEdits(findings: readonly Finding[], text: (file: string) => string): (Edit & { readonly rule: string })[] {
  const out: (Edit & { rule: string })[] = [];
  const placed = new Set<string>();
  for (const finding of findings) {
    if (!finding.manual) continue;
    const file = finding.statementFile;
    const source = text(file);
    if (isAcknowledged(source, finding.statementSpan.start, finding.rule)) continue;
    const lineStart = lineStartOf(source, finding.statementSpan.start);
    const key = `${file}\0${lineStart}\0${finding.rule}`;
    if (placed.has(key)) continue;
    placed.add(key);
    if (hasMarkerAbove(source, lineStart, finding.rule)) continue;
    const eol = lineBreakOf(source);
    const indent = indentAt(source, finding.statementSpan.start);
    out.push({ file, start: lineStart, end: lineStart, text: `${indent}${markerText(finding.rule, finding.message, finding.docs)}${eol}`, rule: finding.rule });
  }
  return out;
}

/** The comment lines directly above a statement already carry this rule's marker. */
function hasMarkerAbove(source: string, lineStart: number, rule: string): boolean {
  return commentLinesAbove(source, lineStart).some((line) => line.includes(`${MARKER_PREFIX}${rule})`));
}

/** The run of `//` (or one-line `/* *\/`) comment lines directly above a line. */
function commentLinesAbove(source: string, lineStart: number): string[] {
  const lines: string[] = [];
  let end = lineStart - 1;
  while (end > 0) {
    const start = source.lastIndexOf('\n', end - 1) + 1;
    const line = source.slice(start, end).trim();
    if (!line.startsWith('//') && !(line.startsWith('/*') && line.endsWith('*/'))) break;
    lines.push(line);
    end = start - 1;
  }
  return lines;
}

/**
 * Property-level edits on object literals that touch only the lines they must: a removed property
 * takes its own line (or its comma) with it; an added property follows the object's layout (one line
 * or one property per line, trailing comma or not) instead of re-flowing the literal.
 */
import type { PropertyShape, ValueShape } from '../analysis/types.js';
import type { Edit } from './edit.js';
import { indentAt, indentUnit, lineBreakOf, lineStartOf, skipTrivia } from './layout.js';

type ObjectShape = Extract<ValueShape, { kind: 'object' }>;

export function removePropertyEdit(text: string, object: ObjectShape, property: PropertyShape): Edit {
  const file = property.span.file;
  let start = property.span.start;
  let end = property.span.end;
  const afterProperty = skipSpaces(text, end);
  const hasComma = text[afterProperty] === ',';
  if (hasComma) end = afterProperty + 1;

  const lineStart = lineStartOf(text, start);
  const ownLine = text.slice(lineStart, start).trim() === '';
  const lineEnd = text.indexOf('\n', end);
  const restOfLine = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (ownLine && restOfLine.trim() === '' && lineEnd !== -1) {
    // The property has its own line(s): remove them whole.
    return { file, start: lineStart, end: lineEnd + 1, text: '' };
  }
  if (hasComma) {
    return { file, start, end: skipSpaces(text, end), text: '' };
  }
  // The last property on a shared line: take the comma before it instead.
  const before = previousNonSpace(text, start);
  if (before > object.span.start && text[before] === ',') start = before;
  return { file, start, end, text: '' };
}

export function renameKeyEdit(property: PropertyShape, newKey: string, text: string): Edit {
  const { file } = property.span;
  if (property.shorthand) {
    // `{ max_completion_tokens }` → `{ max_tokens: max_completion_tokens }`
    return { file, start: property.span.start, end: property.span.end, text: `${newKey}: ${text.slice(property.span.start, property.span.end)}` };
  }
  const keyText = text.slice(property.keySpan.start, property.keySpan.end);
  const quoted = /^['"]/.test(keyText) ? `${keyText[0]}${newKey}${keyText[0]}` : newKey;
  return { file, start: property.keySpan.start, end: property.keySpan.end, text: quoted };
}

/** Inserts several properties at the end of an object as one edit (separate inserts would collide on `{}`). */
export function insertPropertiesEdit(text: string, object: ObjectShape, properties: readonly string[]): Edit {
  return insertPropertyEdit(text, object, properties);
}

/**
 * Inserts properties (e.g. `thinking: { type: 'disabled' }`) after the object's last element, following
 * its layout: on the same line for a one-line object, one per line otherwise. A comment that ends the
 * last element's line stays with that element (the new line goes after it).
 */
export function insertPropertyEdit(text: string, object: ObjectShape, property: string | readonly string[]): Edit {
  const properties = typeof property === 'string' ? [property] : property;
  const file = object.span.file;
  const eol = lineBreakOf(text);
  if (object.lastElementEnd === null) {
    const inner = text.slice(object.span.start + 1, object.span.end - 1);
    if (inner.includes('\n')) {
      const indent = indentAt(text, object.span.start) + indentUnit(text);
      const body = properties.map((p) => `${eol}${indent}${p}`).join(',');
      return { file, start: object.span.start + 1, end: object.span.end - 1, text: `${body}${eol}${indentAt(text, object.span.start)}` };
    }
    return { file, start: object.span.start + 1, end: object.span.end - 1, text: ` ${properties.join(', ')} ` };
  }
  const last = object.lastElementEnd;
  const afterLast = skipTrivia(text, last);
  const trailingComma = text[afterLast] === ',';
  const multiline = text.slice(object.span.start, last).includes('\n') || text.slice(last, object.span.end).includes('\n');
  if (!multiline) {
    if (trailingComma) return { file, start: afterLast + 1, end: afterLast + 1, text: ` ${properties.join(', ')},` };
    return { file, start: last, end: last, text: `, ${properties.join(', ')}` };
  }
  // The line where the last element ends is indented like the object's properties (a closing `]` or
  // `}` of a nested value lines up with its key in every common style).
  const onOpeningLine = lineStartOf(text, last) === lineStartOf(text, object.span.start);
  const indent = onOpeningLine ? indentAt(text, object.span.start) + indentUnit(text) : indentAt(text, last);
  const lines = properties.map((p) => `${eol}${indent}${p}`);
  const from = trailingComma ? afterLast + 1 : last;
  const lineEnd = endOfLine(text, from);
  const rest = text.slice(from, lineEnd);
  const commentEndsLine = rest.trim() !== '' && /^\s*(\/\/.*|\/\*.*\*\/\s*)$/.test(rest);
  if (trailingComma) {
    return { file, start: commentEndsLine ? lineEnd : from, end: commentEndsLine ? lineEnd : from, text: `${lines.join(',')},` };
  }
  if (commentEndsLine) {
    // `apiKey: x // note` → `apiKey: x, // note` + the new lines: the comment is rewritten as it was.
    return { file, start: last, end: lineEnd, text: `,${rest}${lines.join(',')}` };
  }
  return { file, start: last, end: last, text: `,${lines.join(',')}` };
}

/** The offset of the end of the line containing `offset` (before `\r\n` or `\n`). */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/** Reading a file's layout conventions, so inserted code looks like the code around it. */

/** The line break inserted text uses: CRLF when the file has any, LF otherwise. */
export function lineBreakOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

let lastQuoteText: string | null = null;
let lastQuote: "'" | '"' = "'";

/**
 * The quote character the file prefers for strings (by count; single quotes when tied). Asked once per
 * edit, so the last answer is kept: a file with thousands of calls is counted once, not once per call.
 */
export function preferredQuote(text: string): "'" | '"' {
  if (text === lastQuoteText) return lastQuote;
  lastQuote = countQuotes(text);
  lastQuoteText = text;
  return lastQuote;
}

function countQuotes(text: string): "'" | '"' {
  let single = 0;
  let double = 0;
  // Count string openings after common syntax positions; a rough count is enough to pick a style.
  for (const match of text.matchAll(/[=(,:[{\s]\s*(['"])/g)) {
    if (match[1] === "'") single++;
    else double++;
  }
  return double > single ? '"' : "'";
}

/** A string literal in the given quote style. */
export function quote(value: string, q: "'" | '"' | '`'): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`);
  return `${q}${escaped}${q}`;
}

/** The whitespace that starts the line containing `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart));
  return match ? match[0] : '';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** One indentation step as the file uses it (two spaces, four spaces or a tab). */
export function indentUnit(text: string): string {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
    const ws = match[1];
    if (ws.startsWith('\t')) counts.set('\t', (counts.get('\t') ?? 0) + 1);
    else if (ws.length % 4 === 0 && ws.length > 0) counts.set('    ', (counts.get('    ') ?? 0) + 1);
    else if (ws.length % 2 === 0) counts.set('  ', (counts.get('  ') ?? 0) + 1);
  }
  if ((counts.get('\t') ?? 0) > Math.max(counts.get('  ') ?? 0, counts.get('    ') ?? 0)) return '\t';
  // Files indented in multiples of four have many "two-space-compatible" lines too; prefer 2 only when it dominates.
  return (counts.get('  ') ?? 0) > (counts.get('    ') ?? 0) ? '  ' : (counts.get('    ') ? '    ' : '  ');
}

/** Skips whitespace and comments forward from `offset`. */
export function skipTrivia(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

/**
 * Occurrences of `name` as an identifier: not inside another identifier, a member access (`x.name`),
 * a path or a model string (`'../lib/openai'`, `'deepseek-flash'`). Textual, so a comment mentioning
 * the name counts: callers use it to decide whether a binding is still used, where counting a comment
 * only makes them keep an import.
 */
export function identifierOccurrences(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\w$'"\`/.-])${escaped}(?![\\w$'"\`/-])`, 'g')) ?? []).length;
}

import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { LineIndex } from './line-index.js';
import { usesJsx } from './language.js';

/** A code file's text. `text` is the file without its byte-order mark; offsets index into it. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** The file started with a UTF-8 byte-order mark, to restore on write. */
  readonly bom: boolean;
  /** The file's dominant line ending, for text that ds-migrate inserts. */
  readonly eol: '\n' | '\r\n';
  readonly lines: LineIndex;
}

/** A parsed code file: its text and its AST. */
export interface SourceFile extends SourceText {
  readonly ast: TSESTree.Program;
}

export function sourceText(path: string, raw: string): SourceText {
  const { text, bom } = stripBom(raw);
  return { path, text, bom, eol: detectEol(text), lines: new LineIndex(text) };
}

/** A file the parser rejects: reported with its position and left untouched. */
export class ParseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? `${path}: ${reason}` : `${path}:${line}:${column}: ${reason}`);
    this.name = 'ParseError';
  }
}

const BOM = '\uFEFF';

export function stripBom(raw: string): { text: string; bom: boolean } {
  return raw.startsWith(BOM) ? { text: raw.slice(1), bom: true } : { text: raw, bom: false };
}

export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

export function parseSourceFile(path: string, raw: string): SourceFile {
  const { text, bom } = stripBom(raw);
  const ast = parseText(path, text);
  return { path, text, bom, eol: detectEol(text), ast, lines: new LineIndex(text) };
}

/** Parses text without a byte-order mark (what the analysis and the syntax check need). */
export function parseText(path: string, text: string): TSESTree.Program {
  let ast: TSESTree.Program;
  try {
    ast = parse(text, {
      filePath: path,
      jsx: usesJsx(path),
      range: true,
      // Locations are computed on demand from `LineIndex`: building `loc` for every node costs ~25%.
      loc: false,
      comment: false,
      tokens: false,
      errorOnUnknownASTType: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (error) {
    throw toParseError(path, error);
  }
  return ast;
}

export function toParseError(path: string, error: unknown): ParseError {
  if (error instanceof RangeError) return new ParseError(path, 'too deeply nested for the parser (maximum call stack size exceeded); left untouched');
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const reason = String(e?.message ?? error).split('\n')[0];
  // typescript-estree reports a 1-based line and a 0-based column.
  if (typeof e?.lineNumber === 'number') {
    return new ParseError(path, reason, e.lineNumber, (e.column ?? 0) + 1);
  }
  return new ParseError(path, reason);
}

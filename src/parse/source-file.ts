import { createRequire } from 'node:module';
import type * as TSEstree from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { LineIndex } from './line-index.js';
import { usesJsx } from './language.js';
import { loadOxc, parseWithOxc } from './oxc-parse.js';

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

/**
 * Files up to this many characters are parsed with oxc (0: never). Set only by threads started with a
 * stack sized for it (the analysis workers); everywhere else typescript-estree parses, which fails on
 * deep nesting with a RangeError that is reported per file.
 */
let oxcCharLimit = 0;

/** Makes this thread parse with oxc up to `chars` characters, if oxc loads here (see `loadOxc`). */
export async function useOxcUpTo(chars: number): Promise<void> {
  oxcCharLimit = chars > 0 && (await loadOxc()) ? chars : 0;
}

export function oxcParses(text: string): boolean {
  return text.length <= oxcCharLimit;
}

/** Parses text without a byte-order mark (what the analysis and the syntax check need). */
export function parseText(path: string, text: string): TSESTree.Program {
  return oxcParses(text) ? parseWithOxc(path, text) : parseWithTypeScriptEstree(path, text);
}

function parseWithTypeScriptEstree(path: string, text: string): TSESTree.Program {
  let ast: TSESTree.Program;
  try {
    ast = typescriptEstree().parse(text, {
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

/** Loaded on first use: it loads TypeScript (about 0.2 s), which a thread that parses with oxc never needs. */
let estree: typeof TSEstree | null = null;
function typescriptEstree(): typeof TSEstree {
  estree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as typeof TSEstree;
  return estree;
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

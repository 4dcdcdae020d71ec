/**
 * oxc's parser (native, about 8× faster than typescript-estree here), producing the same TS-ESTree
 * shapes the analysis reads. Used only where the thread's stack is known to be big enough: oxc
 * recurses on the native stack and a file nested deeper than the stack allows kills the whole process
 * (SIGSEGV) instead of throwing. See `oxcCharLimit` in source-file.ts.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OxcError, ParseResult } from 'oxc-parser';
import { LineIndex } from './line-index.js';
import { ParseError } from './source-file.js';

let oxc: typeof import('oxc-parser') | null = null;

/**
 * Loads oxc's native binding; false where it is not available for this platform (npm installs the one
 * that matches), and typescript-estree then parses everything.
 */
export async function loadOxc(): Promise<boolean> {
  try {
    oxc ??= await import('oxc-parser');
    return true;
  } catch {
    return false;
  }
}

/** `.ts/.mts/.cts` without JSX (as tsc reads them), `.tsx` with; every JavaScript extension with JSX. */
function languageOf(path: string): 'jsx' | 'ts' | 'tsx' {
  if (/\.[mc]?ts$/.test(path)) return 'ts';
  return path.endsWith('.tsx') ? 'tsx' : 'jsx';
}

/**
 * typescript-estree accepts ES imports and top-level `return` in any file (TypeScript reports misuse
 * later, as a type error), so oxc reads a file as a module when it imports or exports and as a script
 * otherwise, and as CommonJS (top-level `return` allowed) if that fails.
 */
const SOURCE_TYPES = ['unambiguous', 'commonjs'] as const;

function run(path: string, text: string): ParseResult {
  if (!oxc) throw new Error('ds-migrate: oxc is not loaded (call loadOxc first)');
  let first: ParseResult | undefined;
  for (const sourceType of SOURCE_TYPES) {
    // astType 'ts' gives JavaScript files the TS-ESTree fields too; no ParenthesizedExpression nodes,
    // as in typescript-estree.
    const result = oxc.parseSync(path, text, { lang: languageOf(path), sourceType, astType: 'ts', range: true, preserveParens: false });
    if (!result.errors.some(isError)) return result;
    first ??= result;
  }
  // Broken either way: the error of the first reading is the one that names the real problem.
  return first!;
}

const isError = (error: OxcError) => error.severity === 'Error';

function firstError(path: string, text: string, result: ParseResult): ParseError | null {
  const error = result.errors.find(isError);
  if (!error) return null;
  const at = error.labels[0]?.start;
  if (at === undefined) return new ParseError(path, error.message);
  const { line, column } = new LineIndex(text).position(at);
  return new ParseError(path, error.message, line, column);
}

export function parseWithOxc(path: string, text: string): TSESTree.Program {
  const result = run(path, text);
  const error = firstError(path, text, result);
  if (error) throw error;
  return result.program as unknown as TSESTree.Program;
}

/** Whether the text parses, without building the AST on the JavaScript side. */
export function oxcSyntaxError(path: string, text: string): ParseError | null {
  return firstError(path, text, run(path, text));
}

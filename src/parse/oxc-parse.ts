/**
 * oxc's parser (native, about 8× faster than typescript-estree here), producing the same TS-ESTree
 * shapes the analysis reads. Used only where the thread's stack is known to be big enough: oxc
 * recurses on the native stack and a file nested deeper than the stack allows kills the whole process
 * (SIGSEGV) instead of throwing. See `oxcCharLimit` in source-file.ts.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { OxcError } from 'oxc-parser';
import type { NativeParseResult } from 'oxc-parser/src-js/bindings';
import { LineIndex } from './line-index.js';
import { ParseError } from './source-file.js';

/**
 * oxc-parser's native binding and its AST decoder, called directly rather than through its
 * `parseSync`: that wrapper also converts the module record (every import and export, through
 * N-API calls) into JavaScript, which ds-migrate never reads. Skipping it makes a parse with its AST
 * about 25% faster and a syntax check about 40% faster (1,000 dense files: 570 → 430 ms, 135 → 85 ms).
 * The module record stays in native memory until the result is collected.
 */
let oxc: { parseSync: typeof import('oxc-parser/src-js/bindings').parseSync; jsonParseAst: typeof import('oxc-parser/src-js/wrap.js').jsonParseAst } | null = null;

/**
 * Loads oxc's native binding; false where it is not available for this platform (npm installs the one
 * that matches), and typescript-estree then parses everything.
 */
export async function loadOxc(): Promise<boolean> {
  try {
    if (!oxc) {
      const [binding, wrap] = await Promise.all([import('oxc-parser/src-js/bindings'), import('oxc-parser/src-js/wrap.js')]);
      oxc = { parseSync: binding.parseSync, jsonParseAst: wrap.jsonParseAst };
    }
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

/** One reading's outcome: its errors and its AST as JSON (decoded only by `parseWithOxc`). */
interface Reading {
  readonly errors: OxcError[];
  readonly program: string;
}

/**
 * How the AST comes back. For the analysis: astType 'ts' gives JavaScript files the TS-ESTree fields
 * too, and no ParenthesizedExpression nodes, as in typescript-estree; offsets as `start`/`end` only
 * (the analysis reads them through `startOf`/`endOf`), since `range` on every node as well makes the
 * JSON a fifth bigger and its decoding, the largest cost of a worker, ~20% slower. For a syntax check,
 * which never reads the AST: the smallest one oxc writes (the language, and so the syntax accepted,
 * is set by `lang` either way), which makes the check about 30% faster.
 */
const FOR_ANALYSIS = { astType: 'ts', range: false, preserveParens: false } as const;
const FOR_CHECK = { astType: 'js', range: false, preserveParens: false } as const;

function run(path: string, text: string, shape: typeof FOR_ANALYSIS | typeof FOR_CHECK): Reading {
  if (!oxc) throw new Error('ds-migrate: oxc is not loaded (call loadOxc first)');
  let first: Reading | undefined;
  for (const sourceType of SOURCE_TYPES) {
    const result: NativeParseResult = oxc.parseSync(path, text, { lang: languageOf(path), sourceType, ...shape });
    // Read both now: each read moves the field out of native memory, which V8 cannot see.
    const reading = { errors: result.errors, program: result.program };
    if (!reading.errors.some(isError)) return reading;
    first ??= reading;
  }
  // Broken either way: the error of the first reading is the one that names the real problem.
  return first!;
}

const isError = (error: OxcError) => error.severity === 'Error';

function firstError(path: string, text: string, result: Reading): ParseError | null {
  const error = result.errors.find(isError);
  if (!error) return null;
  const at = error.labels[0]?.start;
  if (at === undefined) return new ParseError(path, error.message);
  const { line, column } = new LineIndex(text).position(at);
  return new ParseError(path, error.message, line, column);
}

export function parseWithOxc(path: string, text: string): TSESTree.Program {
  const result = run(path, text, FOR_ANALYSIS);
  const error = firstError(path, text, result);
  if (error) throw error;
  return oxc!.jsonParseAst(result.program) as TSESTree.Program;
}

/** Whether the text parses, without building the AST on the JavaScript side. */
export function oxcSyntaxError(path: string, text: string): ParseError | null {
  return firstError(path, text, run(path, text, FOR_CHECK));
}

/**
 * Types for the two oxc-parser modules ds-migrate calls directly (see oxc-parse.ts). The package ships
 * no declarations for them; these match oxc-parser 0.159.0, the version package.json pins exactly.
 */
declare module 'oxc-parser/src-js/bindings' {
  import type { Comment, OxcError, ParserOptions } from 'oxc-parser';

  /** The native result: each getter moves its field out of Rust memory on first read. */
  export interface NativeParseResult {
    /** The AST as oxc's JSON (decoded by `jsonParseAst`). */
    readonly program: string;
    readonly errors: OxcError[];
    readonly comments: Comment[];
  }

  export function parseSync(filename: string, sourceText: string, options?: ParserOptions): NativeParseResult;
}

declare module 'oxc-parser/src-js/wrap.js' {
  /** Decodes oxc's AST JSON, with BigInt and RegExp literal values restored. */
  export function jsonParseAst(json: string): unknown;
}

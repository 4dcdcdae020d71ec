/** Which files ds-migrate reads as code, and with which grammar. */

export const CODE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isCodeFile(path: string): boolean {
  if (isDeclarationFile(path)) return false;
  return CODE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/** `.d.ts` (and `.d.mts`, `.d.cts`) describe types only: never analysed, never rewritten. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[mc]?ts$/.test(path);
}

/**
 * `.ts/.mts/.cts` are parsed as TypeScript without JSX, so `<T>value` assertions and generic arrows
 * parse as they do for tsc (parsing `.ts` as TSX is a classic codemod bug). `.tsx` and every JavaScript
 * extension are parsed with JSX.
 */
export function usesJsx(path: string): boolean {
  return !/\.[mc]?ts$/.test(path);
}

export function isTypeScriptFile(path: string): boolean {
  return /\.[mc]?tsx?$/.test(path);
}

/**
 * TypeScript, loaded with require() on first use. Importing its 9 MB CommonJS file as an ES module
 * makes Node scan it for named exports first (about 0.5 s, in every thread); require() does not
 * (measured: 757 ms vs 193 ms on the benchmark machine). Loading it only when needed keeps it off the
 * start of a run: the main thread loads it while the workers parse. Types come from `import type`.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

let typescript: typeof TS | null = null;

export function loadTypeScript(): typeof TS {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return typescript;
}

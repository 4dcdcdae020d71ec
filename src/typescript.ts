/**
 * TypeScript, loaded with require(). Importing its 9 MB CommonJS file as an ES module makes Node scan
 * it for named exports first (about 0.5 s, in every thread); require() does not (measured: 757 ms vs
 * 193 ms on the benchmark machine). Types still come from `import type`.
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

export const ts: typeof TS = createRequire(import.meta.url)('typescript');

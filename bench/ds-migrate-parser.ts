/**
 * ds-migrate's own parse from the built package (dist/), so the bench cannot drift from the tool:
 * `parseText` (src/parse/source-file.ts) and the bound its analysis workers parse with oxc under
 * (`OXC`, src/project/analyse-pool.ts). `npm run bench` builds first.
 */
const SOURCE_FILE = new URL('../../dist/src/parse/source-file.js', import.meta.url); // from .bench/out/
const ANALYSE_POOL = new URL('../../dist/src/project/analyse-pool.js', import.meta.url);
const OXC_PARSE = new URL('../../dist/src/parse/oxc-parse.js', import.meta.url);

export type ParseText = (path: string, text: string) => unknown;

export interface DsMigrateParser {
  readonly parseText: ParseText;
  /** oxc alone, with ds-migrate's options (no stack bound: only for corpora of ordinary code). */
  readonly parseWithOxc: ParseText;
  /** Makes this thread parse with oxc up to `chars`, as an analysis worker does (0: typescript-estree only). */
  readonly useOxcUpTo: (chars: number) => Promise<void>;
  /** The analysis workers' stack and oxc bound. */
  readonly oxc: { readonly stackMb: number; readonly maxChars: number };
}

export async function loadDsMigrateParser(): Promise<DsMigrateParser> {
  const source = (await import(SOURCE_FILE.href)) as { parseText: ParseText; useOxcUpTo: (chars: number) => Promise<void> };
  const pool = (await import(ANALYSE_POOL.href)) as { OXC: DsMigrateParser['oxc'] };
  const oxc = (await import(OXC_PARSE.href)) as { parseWithOxc: ParseText; loadOxc: () => Promise<boolean> };
  if (!(await oxc.loadOxc())) throw new Error('bench: oxc-parser does not load on this machine');
  return { parseText: source.parseText, parseWithOxc: oxc.parseWithOxc, useOxcUpTo: source.useOxcUpTo, oxc: pool.OXC };
}

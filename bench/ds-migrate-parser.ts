/**
 * ds-migrate's own parse (`parseText` from the built package, dist/), so the bench's parse floor uses
 * exactly the parser options the tool uses and cannot drift from them. `npm run bench` builds first.
 */
const SOURCE_FILE = new URL('../../dist/src/parse/source-file.js', import.meta.url); // from .bench/out/

export type ParseText = (path: string, text: string) => unknown;

export async function loadParseText(): Promise<ParseText> {
  return ((await import(SOURCE_FILE.href)) as { parseText: ParseText }).parseText;
}

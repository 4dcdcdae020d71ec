/**
 * The cheap test that decides which files are parsed at all. A file that mentions none of the SDK's
 * names, OpenAI/DeepSeek env variables or model-name strings cannot hold anything ds-migrate changes
 * (clients imported from other modules are found by the import scan below, not by parsing everything).
 */
const SDK_HINT = /openai|deepseek|OPENAI_|DEEPSEEK_/i;

/** A quoted model-like string: a constant defined in a file that never imports the SDK. */
const MODEL_STRING = /['"`](?:gpt-|o[1-9](?:-|['"`])|chatgpt-|davinci|text-davinci|deepseek-)/;

export function mentionsSdk(text: string): boolean {
  return SDK_HINT.test(text) || MODEL_STRING.test(text);
}

/** Static import, re-export, `require()` and `import()` specifiers, found without parsing. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

export function importSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) out.push(match[2]);
  return out;
}

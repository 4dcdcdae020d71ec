/**
 * The cheap test that decides which files are parsed at all. A file that mentions none of the SDK's
 * names, OpenAI/DeepSeek env variables or model-name strings cannot hold anything ds-migrate changes
 * (clients imported from other modules are found by the import scan below, not by parsing everything).
 */
import { CLIENT_PASSTHROUGH_METHODS, SDK_RESOURCE_ROOTS } from '../analysis/sdk-resources.js';

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

/**
 * An SDK resource or client method reached as a member (`x.chat`, `x?.embeddings`, `x['responses']`,
 * `x.withOptions`): every call the analysis judges on a client that was built elsewhere (an imported
 * client, `settings.deepseek.clientModules`, a typed parameter) goes through one of these names.
 */
const SDK_MEMBER = new RegExp(
  `(?:\\.\\s*|\\[\\s*['"\`])(?:${[...SDK_RESOURCE_ROOTS, ...CLIENT_PASSTHROUGH_METHODS].join('|')})\\b`,
);

/**
 * True unless the text can hold nothing any ds-migrate rule reports, whatever the settings: it
 * neither mentions the SDK (see `mentionsSdk`) nor reaches an SDK resource through a member. Wider
 * than `mentionsSdk`, because it must also let through files that only call a client imported from
 * another module, which the rules judge when `settings.deepseek.clientModules` names that module.
 */
export function mayReachSdk(text: string): boolean {
  return mentionsSdk(text) || SDK_MEMBER.test(text);
}

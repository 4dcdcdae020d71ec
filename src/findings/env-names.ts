/**
 * DeepSeek names for OpenAI env variables, keeping framework prefixes (`VITE_OPENAI_API_KEY` →
 * `VITE_DEEPSEEK_API_KEY`) so a bundler that only exposes prefixed variables still sees them.
 */
import { ENV } from '../compat/index.js';

const FRAMEWORK_PREFIXES = ['NEXT_PUBLIC_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'REACT_APP_', 'VITE_', 'PUBLIC_', 'NUXT_'];

export const DEEPSEEK_API_KEY_ENV = ENV.apiKey;
export const DEEPSEEK_BASE_URL_ENV = ENV.baseUrl[0];

function splitPrefix(name: string): [string, string] {
  const prefix = FRAMEWORK_PREFIXES.find((p) => name.startsWith(p) && name.length > p.length) ?? '';
  return [prefix, name.slice(prefix.length)];
}

/**
 * The DeepSeek variable for an OpenAI one: `undefined` when the name is not an OpenAI variable,
 * `null` when it has no DeepSeek equivalent (organisation, project, API version).
 */
export function deepseekEnvName(name: string): string | null | undefined {
  const [prefix, core] = splitPrefix(name);
  if (!Object.hasOwn(ENV.fromOpenAI, core)) return undefined;
  const mapped = ENV.fromOpenAI[core];
  return mapped === null ? null : `${prefix}${mapped}`;
}

/** What a client's option should read after conversion, whatever the variable was called. */
export function deepseekEnvFor(name: string, role: 'apiKey' | 'baseURL'): string {
  const [prefix] = splitPrefix(name);
  return `${prefix}${role === 'apiKey' ? DEEPSEEK_API_KEY_ENV : DEEPSEEK_BASE_URL_ENV}`;
}

export function isDeepSeekEnv(name: string): boolean {
  return /DEEPSEEK/i.test(name);
}

/** Renames the variable an env shape reads, keeping a destructured binding's local name. */
export function envRenameEdit(value: { name: string; nameSpan: { file: string; start: number; end: number }; shorthandKey?: boolean }, to: string) {
  const { file, start, end } = value.nameSpan;
  return { file, start, end, text: value.shorthandKey ? `${to}: ${value.name}` : to };
}

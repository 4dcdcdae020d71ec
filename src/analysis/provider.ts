/**
 * Which API a client talks to, from its constructor options. Only OpenAI and Azure clients are
 * migration targets; clients of other providers built with the OpenAI SDK must never be touched.
 */
import type { Provider, SdkClass, ValueShape } from './types.js';
import { propertyOf } from './values.js';

export interface ProviderVerdict {
  readonly provider: Provider;
  readonly evidence: string;
}

export function classifyProvider(className: SdkClass, options: ValueShape | null): ProviderVerdict {
  if (className === 'AzureOpenAI') return { provider: 'azure', evidence: 'AzureOpenAI client' };
  if (options === null) {
    return { provider: 'openai', evidence: 'no options: the SDK reads OPENAI_API_KEY and calls api.openai.com' };
  }
  if (options.kind !== 'object') {
    return { provider: 'unknown', evidence: `options come from ${describe(options)}` };
  }
  // `provider: bedrock({...})`: the SDK talks to another cloud, and refuses apiKey/baseURL beside it.
  if (propertyOf(options, 'provider')) return { provider: 'other', evidence: 'a `provider` option (another cloud through the OpenAI SDK)' };
  const baseURL = propertyOf(options, 'baseURL') ?? propertyOf(options, 'baseUrl');
  if (!baseURL) {
    if (options.hasSpread) return { provider: 'unknown', evidence: 'options are spread from another object' };
    return { provider: 'openai', evidence: 'no baseURL: the SDK calls api.openai.com' };
  }
  return fromBaseUrl(baseURL.value);
}

function fromBaseUrl(value: ValueShape): ProviderVerdict {
  if (value.kind === 'string') return fromUrl(value.value);
  if (value.kind === 'env') {
    const byName = fromEnvName(value.name);
    if (byName) return byName;
    if (value.fallback?.kind === 'string') {
      const byFallback = fromUrl(value.fallback.value);
      // An unrelated env variable with an OpenAI fallback may point anywhere in production.
      if (byFallback.provider === 'other') return byFallback;
    }
    return { provider: 'unknown', evidence: `baseURL from process.env.${value.name}` };
  }
  return { provider: 'unknown', evidence: `baseURL from ${describe(value)}` };
}

export function fromUrl(url: string): ProviderVerdict {
  const evidence = `baseURL '${url}'`;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return { provider: 'unknown', evidence };
  }
  if (host === 'api.deepseek.com' || host.endsWith('.deepseek.com')) return { provider: 'deepseek', evidence };
  if (host === 'api.openai.com') return { provider: 'openai', evidence };
  if (host.endsWith('.openai.azure.com') || host.endsWith('.azure.com')) return { provider: 'azure', evidence };
  return { provider: 'other', evidence };
}

function fromEnvName(name: string): ProviderVerdict | null {
  const evidence = `baseURL from process.env.${name}`;
  if (/DEEPSEEK/i.test(name)) return { provider: 'deepseek', evidence };
  if (/AZURE/i.test(name)) return { provider: 'azure', evidence };
  if (/^OPENAI_(BASE_URL|API_BASE|API_URL)$/i.test(name)) return { provider: 'openai', evidence };
  return null;
}

function describe(value: ValueShape): string {
  switch (value.kind) {
    case 'env':
      return `process.env.${value.name}`;
    case 'import':
      return `'${value.imported}' imported from '${value.source}'`;
    case 'unknown':
      return `\`${value.text}\``;
    default:
      return `a ${value.kind}`;
  }
}

/**
 * Where DeepSeek is reached, and which environment variables hold the key and the base URL
 * (reference §2.1, §11, §13).
 */
import type { BaseUrlEntry, EnvConvention } from './types.js';

export const CANONICAL_BASE_URL = 'https://api.deepseek.com';
export const BETA_BASE_URL = 'https://api.deepseek.com/beta';

export const BASE_URLS: readonly BaseUrlEntry[] = [
  // reference §2.1: canonical OpenAI-format base.
  {
    url: CANONICAL_BASE_URL,
    role: 'canonical',
    note: 'The base URL for the openai SDK: /chat/completions, /models, /responses, /files, /user/balance.',
    source: { ref: 'reference §2.1 base URLs', confidence: 'documented' },
  },
  // reference §2.1, §13: /v1 works, not canonical; no DeepSeek source calls it deprecated.
  {
    url: 'https://api.deepseek.com/v1',
    role: 'alias',
    note: 'Works (an OpenAI-compatibility alias; the v1 is not a model version), but newer DeepSeek docs drop it. Prefer https://api.deepseek.com.',
    source: { ref: 'reference §2.1 base URLs; §13 base URL', confidence: 'documented' },
  },
  // reference §2.1: beta features (FIM, prefix completion, strict tools).
  {
    url: BETA_BASE_URL,
    role: 'beta',
    note: 'Beta features: FIM (/beta/completions), Chat Prefix Completion, strict function tools.',
    source: { ref: 'reference §2.1 base URLs', confidence: 'documented' },
  },
  // reference §2.1: Anthropic Messages format.
  {
    url: 'https://api.deepseek.com/anthropic',
    role: 'anthropic',
    note: 'Anthropic Messages format, for the Anthropic SDK (not the openai SDK). Claude model names are mapped to DeepSeek models.',
    source: { ref: 'reference §2.1 base URLs', confidence: 'documented' },
  },
  // reference §13: WebSocket streaming is false; streaming is SSE over HTTPS.
  {
    url: 'wss://api.deepseek.com/v1/stream',
    role: 'never-existed',
    note: 'Never existed: DeepSeek streams over HTTPS (SSE) with stream: true. There is no WebSocket endpoint.',
    source: { ref: 'reference §13 WebSocket streaming', confidence: 'documented' },
  },
  // reference §6, §12 #18: Codex's wss Responses URLs returned 404.
  {
    url: 'wss://api.deepseek.com/v1/responses',
    role: 'never-existed',
    note: 'Returns 404: DeepSeek has no WebSocket transport. Use POST https://api.deepseek.com/responses.',
    source: { ref: 'reference §6 streaming; §12 #18', confidence: 'observed' },
  },
  {
    url: 'wss://api.deepseek.com/responses',
    role: 'never-existed',
    note: 'Returns 404: DeepSeek has no WebSocket transport. Use POST https://api.deepseek.com/responses.',
    source: { ref: 'reference §6 streaming', confidence: 'observed' },
  },
];

// reference §11. Only DEEPSEEK_API_KEY is DeepSeek's own ([D]); the base-URL variables come from
// DeepSeek's harness adapter, LiteLLM and LangChain ([3P-code]), so the entry as a whole is 'observed'.
export const ENV: EnvConvention = {
  apiKey: 'DEEPSEEK_API_KEY',
  baseUrl: ['DEEPSEEK_BASE_URL', 'DEEPSEEK_API_BASE'],
  fromOpenAI: {
    OPENAI_API_KEY: 'DEEPSEEK_API_KEY',
    OPENAI_BASE_URL: 'DEEPSEEK_BASE_URL',
    OPENAI_API_BASE: 'DEEPSEEK_BASE_URL',
    AZURE_OPENAI_API_KEY: 'DEEPSEEK_API_KEY',
    AZURE_OPENAI_ENDPOINT: 'DEEPSEEK_BASE_URL',
    // No DeepSeek equivalent: organisations, projects, API versions, admin keys and webhooks do not exist there.
    OPENAI_ORG_ID: null,
    OPENAI_ORGANIZATION: null,
    OPENAI_PROJECT_ID: null,
    OPENAI_API_VERSION: null,
    OPENAI_ADMIN_KEY: null,
    OPENAI_WEBHOOK_SECRET: null,
  },
  source: { ref: 'reference §11 environment variable conventions', confidence: 'observed' },
};

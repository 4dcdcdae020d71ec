/**
 * No rule ever reports code that does not talk to DeepSeek or OpenAI through the openai SDK: clients of
 * other providers built with the SDK (by their base URL), look-alike classes (LangChain's `ChatOpenAI`,
 * LlamaIndex's `OpenAI`), hand-written mocks, and shadowed names. Every snippet below would be reported
 * if `client` were a DeepSeek client.
 */
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/findings/rule-catalog.js';
import plugin from '../../rules/index.js';
import { rules } from '../../rules/rules.js';
import { DEEPSEEK, runRuleTests } from './rule-tester.js';

/** Everything the rules can report, in one request and its surroundings. */
const EVERYTHING = `({
  model: 'gpt-4o',
  max_completion_tokens: 100,
  presence_penalty: 1,
  seed: 1,
  reasoning_effort: 'medium',
  functions: [{ name: 'f', parameters: {} }],
  function_call: 'auto',
  response_format: { type: 'json_object' },
  tools: [],
  messages: [
    { role: 'developer', content: 'Answer briefly.' },
    { role: 'assistant', content: null, tool_calls: [] },
  ],
})`;

const withClient = (setup: string, receiver = 'client') =>
  `${setup}
await ${receiver}.chat.completions.create${EVERYTHING};
await ${receiver}.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
await ${receiver}.images.generate({ prompt: 'a cat' });
`;

const NEGATIVES = [
  // Groq, OpenRouter, Together, a local Ollama server: another provider by base URL.
  withClient("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });"),
  withClient("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });"),
  withClient("import { OpenAI } from 'openai';\nconst TOGETHER = 'https://api.together.xyz/v1';\nconst client = new OpenAI({ baseURL: TOGETHER, apiKey: process.env.TOGETHER_API_KEY });"),
  withClient("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });"),
  // A server ops configure through an unrelated env variable: unknown, so not judged.
  withClient("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: process.env.LLM_BASE_URL, apiKey: 'none' });"),
  // Look-alikes: same names, other packages.
  withClient("import { ChatOpenAI } from '@langchain/openai';\nconst client = new ChatOpenAI({ model: 'gpt-4o' });"),
  withClient("import { OpenAI } from 'llamaindex';\nconst client = new OpenAI({ model: 'gpt-4o' });"),
  withClient("import OpenAI from '@azure/openai';\nconst client = new OpenAI();"),
  // A hand-written mock with the SDK's shape.
  withClient('const client = { chat: { completions: { create: async (p: unknown) => p } }, embeddings: { create: async () => [] }, images: { generate: async () => [] } };'),
  // A local class that shadows the SDK's name.
  withClient("import OpenAI from 'openai';\nfunction run() {\n  class OpenAI { chat = { completions: { create: async (p: unknown) => p } }; embeddings = { create: async () => [] }; images = { generate: async () => [] } }\n  const client = new OpenAI();\n  return client;\n}\nconst client = run();"),
  // A client whose construction this file cannot see, in syntactic mode: not judged.
  withClient("import type OpenAI from 'openai';\ndeclare const client: OpenAI;"),
  withClient("import { client } from './lib/llm';"),
];

for (const id of RULE_IDS) {
  runRuleTests(`${id}: other providers and look-alikes`, rules[id], {
    valid: [
      ...NEGATIVES.map((code) => ({ code })),
      ...NEGATIVES.map((code) => ({ code: code.replace(/: unknown/g, ''), filename: 'file.js' })).filter((c) => !/import type|declare const/.test(c.code)),
    ],
    invalid: [],
  });
}

// The control: the same code on a DeepSeek client is reported, so the silence above means something.
describe('control: the same code on a DeepSeek client', () => {
  it('is reported by the rules that judge requests', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, ...plugin.configs.all }] as Linter.Config[];
    const reported = new Set(linter.verify(withClient(DEEPSEEK.trimEnd()), config, 'file.ts').map((m) => m.ruleId));
    expect([...reported].sort()).toEqual(
      [
        'no-ignored-param',
        'no-legacy-function-calling',
        'no-rejected-param',
        'no-unsupported-endpoint',
        'no-unverified-param',
        'valid-model',
      ].map((id) => `ds-migrate/${id}`),
    );
  });
});

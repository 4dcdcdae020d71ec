/**
 * Type-aware detection on the same snippets in both modes: syntactic detection cannot see clients
 * built in another module or injected, so it reports nothing; with `detection: 'type-aware'` and a
 * TypeScript program, calls on receivers typed as the openai SDK's client are judged, except clients
 * the checker shows to be another provider's and look-alike classes from other packages.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../rules/rules.js';
import { runRuleTests } from './rule-tester.js';

const dir = fileURLToPath(new URL('./fixtures/type-aware/', import.meta.url));
const filename = path.join(dir, 'file.ts');
const typed = { parserOptions: { projectService: true, tsconfigRootDir: dir } };
const typeAware = { deepseek: { detection: 'type-aware' } };

const IMPORTED = `import { deepseek } from './deepseek-client.js';
await deepseek.chat.completions.create({ model: 'deepseek-flash', max_completion_tokens: 100, messages: [] });
`;
const INJECTED = `import OpenAI from 'openai';
export class Agent {
  constructor(private readonly client: OpenAI) {}
  run() {
    return this.client.chat.completions.create({ model: 'deepseek-flash', max_completion_tokens: 100, messages: [] });
  }
}
`;
const FACTORY = `import { getClient } from './deepseek-client.js';
await getClient().embeddings.create({ model: 'text-embedding-3-small', input: 'x' });
`;
const OTHER_PROVIDERS = `import { groq, local } from './groq-client.js';
import { OpenAI } from 'llamaindex';
await groq.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 100, messages: [] });
await local.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 100, messages: [] });
const lookAlike = new OpenAI();
await lookAlike.chat.completions.create({ model: 'gpt-4o', max_completion_tokens: 100, messages: [] });
`;

const IGNORED = '`max_completion_tokens` is ignored by deepseek-flash in thinking mode. Silently ignored: the output cap disappears and the server default applies. DeepSeek reads `max_tokens`.';

runRuleTests('type-aware detection (no-ignored-param)', rules['no-ignored-param'], {
  valid: [
    // Syntactic mode (the default), with and without a program: the clients are out of sight.
    { code: IMPORTED, filename, languageOptions: typed },
    { code: INJECTED, filename, languageOptions: typed },
    { code: IMPORTED, filename },
    // Type-aware requested but no program (a file outside any project): detection stays syntactic.
    { code: IMPORTED, filename, settings: typeAware },
    // Other providers and look-alikes stay unjudged in type-aware mode too.
    { code: OTHER_PROVIDERS, filename, languageOptions: typed, settings: typeAware },
  ],
  invalid: [
    {
      code: IMPORTED,
      filename,
      languageOptions: typed,
      settings: typeAware,
      errors: [{ message: IGNORED, line: 2, column: 67 }],
      output: IMPORTED.replace('max_completion_tokens', 'max_tokens'),
    },
    {
      code: INJECTED,
      filename,
      languageOptions: typed,
      settings: typeAware,
      errors: [{ message: IGNORED, line: 5 }],
      output: INJECTED.replace('max_completion_tokens', 'max_tokens'),
    },
  ],
});

runRuleTests('type-aware detection (no-unsupported-endpoint)', rules['no-unsupported-endpoint'], {
  valid: [{ code: FACTORY, filename, languageOptions: typed }],
  invalid: [
    {
      code: FACTORY,
      filename,
      languageOptions: typed,
      settings: typeAware,
      errors: [{ message: '`embeddings.create` is not served by DeepSeek: DeepSeek has no embeddings API. Keep another provider for embeddings.', line: 2, column: 7 }],
    },
  ],
});

import { rules } from '../../rules/rules.js';
import { DEEPSEEK, runRuleTests } from './rule-tester.js';

runRuleTests('no-openai-base-url', rules['no-openai-base-url'], {
  valid: [
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [] });` },
    // A client used only for what DeepSeek lacks stays on OpenAI on purpose.
    { code: "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });" },
    // A shared client called only from other modules: what it serves is decided there (the codemod
    // keeps a client that serves only embeddings on OpenAI), so one file cannot judge it.
    { code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });" },
    { code: "const OpenAI = require('openai');\nfunction createClient() {\n  return new OpenAI();\n}\nmodule.exports = { createClient };", filename: 'file.js' },
    // Injected: constructed where this file cannot see.
    { code: "import OpenAI from 'openai';\nexport async function ask(client: OpenAI) {\n  return client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n}" },
  ],
  invalid: [
    {
      // Exported, but also called here: this file shows what it serves.
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI();\nexport const ask = () => openai.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
      errors: [
        {
          messageId: 'finding',
          line: 2,
          column: 23,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`openai` → DeepSeek client' },
              output:
                "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\nexport const ask = () => openai.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
            },
          ],
        },
      ],
    },
    {
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
      errors: [
        {
          message:
            "`openai` calls OpenAI's API (no options: the SDK reads OPENAI_API_KEY and calls api.openai.com); DeepSeek needs baseURL 'https://api.deepseek.com' and DEEPSEEK_API_KEY.",
          line: 2,
          column: 16,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`openai` → DeepSeek client' },
              output:
                "import OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\nawait openai.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
            },
          ],
        },
      ],
    },
    {
      // OpenAI's env variables move to DeepSeek's, in JavaScript.
      code: "const OpenAI = require('openai');\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: process.env.OPENAI_BASE_URL });\nclient.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
      filename: 'file.js',
      errors: [
        {
          message:
            "`client` calls OpenAI's API (baseURL from process.env.OPENAI_BASE_URL); DeepSeek needs baseURL 'https://api.deepseek.com' and DEEPSEEK_API_KEY.",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`client` → DeepSeek client' },
              output:
                "const OpenAI = require('openai');\nconst client = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: process.env.DEEPSEEK_BASE_URL ?? 'https://api.deepseek.com' });\nclient.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
            },
          ],
        },
      ],
    },
    {
      // Chat and embeddings on one client: the suggestion adds a DeepSeek client for chat.
      code: "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });\nawait client.chat.completions.create({ model: 'deepseek-flash', messages: [] });\nawait client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });",
      errors: [
        {
          message:
            "`client` calls OpenAI's API (baseURL 'https://api.openai.com/v1') for chat.completions and embeddings. DeepSeek serves only chat.completions: those calls move to a new `deepseek` client; embeddings stay on OpenAI.",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'add `deepseek` beside `client` and move chat.completions calls to it' },
              output:
                "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });\nconst deepseek = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\nawait deepseek.chat.completions.create({ model: 'deepseek-flash', messages: [] });\nawait client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });",
            },
          ],
        },
      ],
    },
    {
      // Azure: a person must choose the DeepSeek settings.
      code: "import { AzureOpenAI } from 'openai';\nconst client = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiVersion: '2024-10-21' });\nawait client.chat.completions.create({ model: 'deepseek-flash', messages: [] });",
      errors: [{ messageId: 'finding' }],
    },
  ],
});

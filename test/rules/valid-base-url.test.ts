import { rules } from '../../rules/rules.js';
import { runRuleTests } from './rule-tester.js';

const client = (options: string) => `import OpenAI from 'openai';\nexport const client = new OpenAI({ ${options} });`;
const KEY = 'apiKey: process.env.DEEPSEEK_API_KEY';

runRuleTests('valid-base-url', rules['valid-base-url'], {
  valid: [
    { code: client(`baseURL: 'https://api.deepseek.com', ${KEY}`) },
    // The OpenAI-style alias and the beta base URL both work with the SDK.
    { code: client(`baseURL: 'https://api.deepseek.com/v1', ${KEY}`) },
    { code: client(`baseURL: 'https://api.deepseek.com/beta/', ${KEY}`) },
    { code: client(`baseURL: process.env.DEEPSEEK_BASE_URL ?? 'https://api.deepseek.com', ${KEY}`) },
    // Not a DeepSeek client: another rule's business (or nobody's).
    { code: client("baseURL: 'https://api.groq.com/openai/v1/chat/completions'") },
  ],
  invalid: [
    {
      // The SDK appends /chat/completions itself.
      code: client(`baseURL: 'https://api.deepseek.com/chat/completions', ${KEY}`),
      errors: [
        {
          message:
            "'https://api.deepseek.com/chat/completions' is not a DeepSeek API base URL: the OpenAI SDK appends paths such as /chat/completions to 'https://api.deepseek.com'.",
          line: 2,
          column: 45,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "base URL → 'https://api.deepseek.com'" },
              output: client(`baseURL: 'https://api.deepseek.com', ${KEY}`),
            },
          ],
        },
      ],
    },
    {
      // No WebSocket transport; in an env default, in JavaScript.
      code: `const { OpenAI } = require('openai');\nconst client = new OpenAI({ baseURL: process.env.DEEPSEEK_BASE_URL || "wss://api.deepseek.com/responses", ${KEY} });`,
      filename: 'file.js',
      errors: [
        {
          message:
            "'wss://api.deepseek.com/responses' is not a base URL for the OpenAI SDK: Returns 404: DeepSeek has no WebSocket transport. Use POST https://api.deepseek.com/responses.",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "base URL → 'https://api.deepseek.com'" },
              output: `const { OpenAI } = require('openai');\nconst client = new OpenAI({ baseURL: process.env.DEEPSEEK_BASE_URL || "https://api.deepseek.com", ${KEY} });`,
            },
          ],
        },
      ],
    },
  ],
});

import { rules } from '../../rules/rules.js';
import { runRuleTests } from './rule-tester.js';

const client = (options: string) => `import OpenAI from 'openai';\nexport const client = new OpenAI({ ${options} });`;

runRuleTests('no-openai-env', rules['no-openai-env'], {
  valid: [
    { code: client("baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY") },
    { code: client("baseURL: 'https://api.deepseek.com', apiKey: secrets.deepseek") },
    // Groq reading its own key, and a client of another provider that sets none.
    { code: client("baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY") },
    { code: client("baseURL: 'http://localhost:11434/v1'") },
  ],
  invalid: [
    {
      // A DeepSeek client reading OpenAI's key sends it to DeepSeek (401).
      code: client("baseURL: 'https://api.deepseek.com', apiKey: process.env.OPENAI_API_KEY"),
      errors: [
        {
          message: '`client` points at DeepSeek but reads OPENAI_API_KEY: DeepSeek answers 401 to an OpenAI key. Read DEEPSEEK_API_KEY.',
          line: 2,
          column: 81,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'OPENAI_API_KEY → DEEPSEEK_API_KEY' },
              output: client("baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY"),
            },
          ],
        },
      ],
    },
    {
      // No apiKey: the SDK falls back to OPENAI_API_KEY.
      code: `const OpenAI = require('openai');\nmodule.exports = new OpenAI({ baseURL: 'https://api.deepseek.com' });`,
      filename: 'file.cjs',
      errors: [
        {
          message: 'this OpenAI client points at DeepSeek but sets no apiKey, so the SDK sends OPENAI_API_KEY. Read DEEPSEEK_API_KEY.',
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'add apiKey: process.env.DEEPSEEK_API_KEY' },
              output: `const OpenAI = require('openai');\nmodule.exports = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });`,
            },
          ],
        },
      ],
    },
  ],
});

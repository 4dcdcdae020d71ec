import { rules } from '../../rules/rules.js';
import { DEEPSEEK, runRuleTests } from './rule-tester.js';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;

runRuleTests('model-from-env', rules['model-from-env'], {
  valid: [
    { code: call("model: 'deepseek-flash', messages: []") },
    // Another provider's client: never judged.
    { code: `import OpenAI from 'openai';\nconst groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });\nawait groq.chat.completions.create({ model: process.env.GROQ_MODEL, messages: [] });` },
  ],
  invalid: [
    {
      code: call("model: process.env.CHAT_MODEL ?? 'deepseek-flash', messages: []"),
      errors: [{ message: "The model comes from CHAT_MODEL (its default 'deepseek-flash' is in the code): set CHAT_MODEL to a DeepSeek model (deepseek-flash or deepseek-v4-pro) wherever it is configured." }],
    },
    {
      code: call('model: process.env.CHAT_MODEL, messages: []'),
      errors: [{ message: 'The model comes from CHAT_MODEL: set CHAT_MODEL to a DeepSeek model (deepseek-flash or deepseek-v4-pro) wherever it is configured.' }],
    },
  ],
});

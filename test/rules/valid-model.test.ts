import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, OPENAI, runRuleTests } from './rule-tester.js';

const call = (body: string, setup = DEEPSEEK) => `${setup}await client.chat.completions.create({ ${body} });`;

runRuleTests('valid-model', rules['valid-model'], {
  valid: [
    // A model read from an env variable is model-from-env's business.
    { code: call("model: process.env.LLM_MODEL ?? 'deepseek-flash', messages: []") },
    { code: call("model: 'deepseek-flash', messages: []") },
    { code: call("model: 'deepseek-v4-pro', messages: []") },
    // Followed through a constant.
    { code: `${DEEPSEEK}const MODEL = 'deepseek-flash';\nawait client.chat.completions.create({ model: MODEL, messages: [] });` },
    // Not statically known: nothing to judge.
    { code: `${DEEPSEEK}export const ask = (model: string) => client.chat.completions.create({ model, messages: [] });` },
  ],
  invalid: [
    {
      // An OpenAI model: the suggestion maps it and turns thinking off, as the codemod does.
      code: call("model: 'gpt-4o-mini', messages: []", OPENAI),
      errors: [
        {
          message:
            "'gpt-4o-mini' is not a DeepSeek model: DeepSeek answers 400 `Model Not Exist`. Use 'deepseek-flash' with thinking disabled (a non-reasoning model: deepseek-flash with thinking off keeps latency, cost and temperature as they were).",
          line: 3,
          column: 47,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "model 'gpt-4o-mini' → 'deepseek-flash' with thinking disabled" },
              output: call("model: 'deepseek-flash', messages: [], ...{ thinking: { type: 'disabled' } }", OPENAI),
            },
          ],
        },
      ],
    },
    {
      // A retired DeepSeek name, in JavaScript (no spread needed there), through a constant.
      code: `${DEEPSEEK_CJS}const MODEL = "deepseek-chat";\nclient.chat.completions.create({ model: MODEL, messages });`,
      filename: 'file.js',
      errors: [
        {
          message:
            "'deepseek-chat' was retired on 2026-07-24: DeepSeek answers 400. Use 'deepseek-flash' with thinking disabled (Retired on 2026-07-24 15:59 UTC; calls now fail with HTTP 400. It was the non-thinking mode: use deepseek-flash with thinking: { type: \"disabled\" }.).",
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "model 'deepseek-chat' → 'deepseek-flash' with thinking disabled" },
              output: `${DEEPSEEK_CJS}const MODEL = "deepseek-flash";\nclient.chat.completions.create({ model: MODEL, messages, thinking: { type: 'disabled' } });`,
            },
          ],
        },
      ],
    },
    {
      // A name that never existed on DeepSeek's API.
      code: call("model: 'deepseek-v3', messages: []"),
      errors: [
        {
          message:
            "'deepseek-v3' never existed on DeepSeek's API: it answers 400 `Model Not Exist`. Use 'deepseek-flash' with thinking disabled (Not a DeepSeek API id (V3 was served as deepseek-chat): calls fail with 400 Model Not Exist. Use deepseek-flash with thinking: { type: \"disabled\" }.).",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "model 'deepseek-v3' → 'deepseek-flash' with thinking disabled" },
              output: call("model: 'deepseek-flash', messages: [], ...{ thinking: { type: 'disabled' } }"),
            },
          ],
        },
      ],
    },
    {
      // The project's model map decides where a model goes.
      code: call("model: 'gpt-4o', messages: []", OPENAI),
      settings: { deepseek: { modelMap: { 'gpt-4o': 'deepseek-v4-pro' } } },
      errors: [
        {
          message: "'gpt-4o' is not a DeepSeek model: DeepSeek answers 400 `Model Not Exist`. Use 'deepseek-v4-pro' with thinking disabled (project override).",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "model 'gpt-4o' → 'deepseek-v4-pro' with thinking disabled" },
              output: call("model: 'deepseek-v4-pro', messages: [], ...{ thinking: { type: 'disabled' } }", OPENAI),
            },
          ],
        },
      ],
    },
    {
      // No DeepSeek equivalent: nothing to suggest.
      code: `${OPENAI}await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\nawait client.chat.completions.create({ model: 'my-finetune', messages: [] });`,
      errors: [
        {
          message:
            "'my-finetune' is not a DeepSeek model and ds-migrate has no mapping for it: choose deepseek-flash or deepseek-v4-pro (or pass --model-map my-finetune=<model>).",
          line: 4,
        },
      ],
    },
  ],
});

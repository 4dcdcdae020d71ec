import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, runRuleTests } from './rule-tester.js';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;

runRuleTests('no-unverified-param', rules['no-unverified-param'], {
  valid: [
    { code: call("model: 'deepseek-flash', max_tokens: 256, stream: true, messages: []") },
    // n = 1 is what DeepSeek has always done.
    { code: call("model: 'deepseek-flash', n: 1, messages: []") },
    // DeepSeek's own fields.
    { code: call("model: 'deepseek-flash', user_id: 'u-1', thinking: { type: 'enabled' }, messages: []") },
  ],
  invalid: [
    {
      code: call("model: 'deepseek-flash', seed: 42, messages: []"),
      errors: [
        {
          message:
            '`seed` is not documented for deepseek-flash in thinking mode: Not documented by DeepSeek (the Vercel AI SDK flags it unsupported): outputs are probably not reproducible. Check it with `ds-migrate conformance`.',
          line: 3,
          column: 65,
        },
      ],
    },
    {
      // Removing an OpenAI-side hint is offered, never applied: what DeepSeek does with it is unknown.
      code: `${DEEPSEEK_CJS}client.chat.completions.create({ model: 'deepseek-flash', thinking: { type: 'disabled' }, store: true, messages: [] });`,
      filename: 'file.js',
      errors: [
        {
          message:
            '`store` is not documented for deepseek-flash in non-thinking mode: Not documented for chat (the Responses API treats it as always false): nothing is stored for distillation or evals. Check it with `ds-migrate conformance`.',
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'remove `store`' },
              output: `${DEEPSEEK_CJS}client.chat.completions.create({ model: 'deepseek-flash', thinking: { type: 'disabled' }, messages: [] });`,
            },
          ],
        },
      ],
    },
    {
      code: call("model: 'deepseek-flash', n: 3, messages: []"),
      errors: [
        {
          message:
            '`n > 1` is not documented for deepseek-flash in thinking mode: Not documented; historically only n = 1 worked (n > 1 errored). V4 behaviour is not known. Check it with `ds-migrate conformance`.',
        },
      ],
    },
  ],
});

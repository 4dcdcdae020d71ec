import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, OPENAI, runRuleTests } from './rule-tester.js';

const MAX_COMPLETION = (target: string) =>
  `\`max_completion_tokens\` is ignored by ${target}. Silently ignored: the output cap disappears and the server default applies. DeepSeek reads \`max_tokens\`.`;
const TEMPERATURE =
  '`temperature` is ignored by deepseek-flash in thinking mode. Silently ignored in thinking mode (the default). It works only with thinking: { type: "disabled" }.';
const PENALTY =
  '`frequency_penalty` is ignored by deepseek-flash in thinking mode. Silently ignored: DeepSeek marks it deprecated ("no longer supported. It will not take effect").';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;

runRuleTests('no-ignored-param', rules['no-ignored-param'], {
  valid: [
    { code: call("model: 'deepseek-flash', max_tokens: 256, messages: []") },
    // temperature is honoured with thinking off, whether the request or the settings say so.
    { code: call("model: 'deepseek-flash', thinking: { type: 'disabled' }, temperature: 0.2, messages: []") },
    { code: call("model: 'deepseek-flash', temperature: 0.2, messages: []"), settings: { deepseek: { thinking: 'non-thinking' } } },
    // An OpenAI model that maps to deepseek-flash with thinking off keeps its temperature.
    { code: `${OPENAI}await client.chat.completions.create({ model: 'gpt-4o', temperature: 0.2, messages: [] });` },
    // A model nobody can read statically: only what holds in both modes is reported.
    { code: `${DEEPSEEK}export function ask(model: string) {\n  return client.chat.completions.create({ model, temperature: 0.2, messages: [] });\n}` },
  ],
  invalid: [
    {
      // A rename keeps what the code meant: an autofix.
      code: call("model: 'deepseek-flash', max_completion_tokens: 256, messages: []"),
      output: call("model: 'deepseek-flash', max_tokens: 256, messages: []"),
      errors: [{ message: MAX_COMPLETION('deepseek-flash in thinking mode'), line: 3, column: 65, endColumn: 91 }],
    },
    {
      // Both set: the ignored one goes (the rename would duplicate the key).
      code: call("model: 'deepseek-flash', max_tokens: 256, max_completion_tokens: 512, messages: []"),
      output: call("model: 'deepseek-flash', max_tokens: 256, messages: []"),
      errors: [{ message: MAX_COMPLETION('deepseek-flash in thinking mode') }],
    },
    {
      // JavaScript, params object built apart from the call, model from settings.
      code: `${DEEPSEEK_CJS}const params = { model, max_completion_tokens: 64, messages };\nclient.chat.completions.create(params);`,
      output: `${DEEPSEEK_CJS}const params = { model, max_tokens: 64, messages };\nclient.chat.completions.create(params);`,
      filename: 'file.js',
      settings: { deepseek: { model: 'deepseek-v4-pro', thinking: 'non-thinking' } },
      errors: [{ message: MAX_COMPLETION('deepseek-v4-pro in non-thinking mode'), line: 3 }],
    },
    {
      // Removing a param changes the code's intent even when DeepSeek ignores it: a suggestion.
      code: call("model: 'deepseek-flash', temperature: 0.2, frequency_penalty: 0.5, messages: []"),
      errors: [
        {
          message: TEMPERATURE,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'remove `temperature` (it has no effect)' },
              output: call("model: 'deepseek-flash', frequency_penalty: 0.5, messages: []"),
            },
          ],
        },
        {
          message: PENALTY,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'remove `frequency_penalty` (it has no effect)' },
              output: call("model: 'deepseek-flash', temperature: 0.2, messages: []"),
            },
          ],
        },
      ],
    },
  ],
});

import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, runRuleTests } from './rule-tester.js';

const MESSAGE =
  'JSON mode without the word "json" in any message: DeepSeek answers 400 "Prompt must contain the word \'json\' in some form to use \'response_format\' of type \'json_object\'." Say that the answer is JSON (with an example) in the system or user message.';

const call = (messages: string, setup = DEEPSEEK) =>
  `${setup}await client.chat.completions.create({ model: 'deepseek-flash', response_format: { type: 'json_object' }, messages: ${messages} });`;

runRuleTests('json-mode-requires-json-word', rules['json-mode-requires-json-word'], {
  valid: [
    { code: call("[{ role: 'system', content: 'Reply with a JSON object: {\"ok\": true}.' }, { role: 'user', content: q }]") },
    // Any case, in a text part.
    { code: call("[{ role: 'user', content: [{ type: 'text', text: 'List three colours as Json.' }] }]") },
    // A message we cannot read may say it: never guess.
    { code: call("[{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: 'Three colours.' }]") },
    { code: call('history') },
    // Not JSON mode.
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'Three colours.' }] });` },
  ],
  invalid: [
    {
      code: call("[{ role: 'system', content: 'You list colours.' }, { role: 'user', content: 'Three, please.' }]"),
      errors: [{ message: MESSAGE, line: 3, column: 65, endColumn: 105 }],
    },
    {
      code: `${DEEPSEEK_CJS}const messages = [{ role: 'user', content: 'Three colours.' }];\nclient.chat.completions.create({ model: 'deepseek-flash', response_format: { type: 'json_object' }, messages });`,
      filename: 'file.js',
      errors: [{ message: MESSAGE, line: 4 }],
    },
  ],
});

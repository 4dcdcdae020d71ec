import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, runRuleTests } from './rule-tester.js';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;

runRuleTests('prefer-deepseek-reasoning-effort', rules['prefer-deepseek-reasoning-effort'], {
  valid: [
    { code: call("model: 'deepseek-flash', reasoning_effort: 'high', messages: []") },
    { code: call("model: 'deepseek-v4-pro', reasoning_effort: 'max', messages: []") },
    // With thinking off the effort does nothing: that is no-unverified-param's business.
    { code: call("model: 'deepseek-flash', thinking: { type: 'disabled' }, reasoning_effort: 'medium', messages: []") },
  ],
  invalid: [
    {
      // DeepSeek runs 'medium' as 'high': writing 'high' changes nothing but the reader's picture.
      code: call("model: 'deepseek-flash', reasoning_effort: 'medium', messages: []"),
      output: call("model: 'deepseek-flash', reasoning_effort: 'high', messages: []"),
      errors: [{ message: "reasoning_effort 'medium' runs as 'high' on deepseek-flash in thinking mode: write 'high'.", line: 3, column: 83, endColumn: 91 }],
    },
    {
      code: `${DEEPSEEK_CJS}client.chat.completions.create({ model: "deepseek-v4-pro", reasoning_effort: "minimal", messages });`,
      output: `${DEEPSEEK_CJS}client.chat.completions.create({ model: "deepseek-v4-pro", reasoning_effort: "low", messages });`,
      filename: 'file.js',
      errors: [{ message: "reasoning_effort 'minimal' runs as 'low' on deepseek-v4-pro in thinking mode: write 'low'." }],
    },
  ],
});

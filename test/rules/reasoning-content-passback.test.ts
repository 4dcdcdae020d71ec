import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, runRuleTests } from './rule-tester.js';

const REBUILT =
  'This assistant turn is rebuilt without `reasoning_content`: with tools in thinking mode (the default), DeepSeek answers 400 "The reasoning_content in the thinking mode must be passed back to the API." Copy `reasoning_content` from the response message.';
const STRIPPED =
  'This strips `reasoning_content` from messages (the 2025 deepseek-reasoner rule). With tools in thinking mode (the default), DeepSeek now requires it on every assistant turn and answers 400 without it.';

const loop = (turn: string, extra = '') =>
  `${DEEPSEEK}const reply = res.choices[0].message;\nmessages.push(${turn});\n${extra}await client.chat.completions.create({ model: 'deepseek-flash', tools, messages });`;

runRuleTests('reasoning-content-passback', rules['reasoning-content-passback'], {
  valid: [
    // The turn carries reasoning_content back.
    { code: loop("{ role: 'assistant', content: reply.content ?? '', tool_calls: reply.tool_calls, reasoning_content: reply.reasoning_content }") },
    // The response message pushed as it is keeps every field.
    { code: loop('reply') },
    // Without tools, reasoning_content is not needed (and ignored if sent).
    { code: `${DEEPSEEK}messages.push({ role: 'assistant', content: '', tool_calls: calls });\nawait client.chat.completions.create({ model: 'deepseek-flash', messages });` },
    // Thinking off: no reasoning to pass back.
    {
      code: `${DEEPSEEK}messages.push({ role: 'assistant', content: '', tool_calls: calls });\nawait client.chat.completions.create({ model: 'deepseek-flash', thinking: { type: 'disabled' }, tools, messages });`,
    },
  ],
  invalid: [
    {
      code: loop("{ role: 'assistant', content: reply.content ?? '', tool_calls: reply.tool_calls }"),
      errors: [{ message: REBUILT, line: 4, column: 15 }],
    },
    {
      // R1-era code that strips it, in JavaScript.
      code: `${DEEPSEEK_CJS}for (const m of messages) delete m.reasoning_content;\nclient.chat.completions.create({ model: 'deepseek-flash', tools, messages });`,
      filename: 'file.js',
      errors: [{ message: STRIPPED, line: 3, column: 27 }],
    },
    {
      // Destructured away.
      code: `${DEEPSEEK}const history = messages.map(({ reasoning_content, ...rest }) => rest);\nawait client.chat.completions.create({ model: 'deepseek-v4-pro', tools, messages: history });`,
      errors: [{ message: STRIPPED }],
    },
  ],
});

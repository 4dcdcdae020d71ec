import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, runRuleTests } from './rule-tester.js';

const FUNCTIONS =
  '`functions` is legacy OpenAI function calling: DeepSeek implements only `tools`/`tool_choice`, so no function is ever called. Rewrite `functions` to `tools` of type "function".';
const FUNCTION_CALL =
  '`function_call` is legacy OpenAI function calling: DeepSeek implements only `tools`/`tool_choice`, so no function is ever called. Rewrite `function_call` to `tool_choice`.';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;
const callCjs = (body: string) => `${DEEPSEEK_CJS}client.chat.completions.create({ ${body} });`;

runRuleTests('no-legacy-function-calling', rules['no-legacy-function-calling'], {
  valid: [
    { code: call("model: 'deepseek-flash', tools: [{ type: 'function', function: weather }], tool_choice: 'auto', messages: []") },
    // Reading tool calls is the DeepSeek way.
    { code: `${call("model: 'deepseek-flash', tools, messages: []")}\nconst fn = res.choices[0].message.tool_calls?.[0]?.function;` },
    // A `function_call` read in a file that never talks to the SDK is someone else's business.
    { code: 'export const name = event.function_call.name;' },
  ],
  invalid: [
    {
      // The same rewrite as the codemod, offered as suggestions: it changes the request's shape.
      code: call("model: 'deepseek-flash', functions: [weather, stocks], function_call: 'auto', messages: []"),
      errors: [
        {
          message: FUNCTIONS,
          line: 3,
          column: 65,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`functions` → `tools`' },
              output: call(
                "model: 'deepseek-flash', tools: [{ type: 'function', function: weather }, { type: 'function', function: stocks }], function_call: 'auto', messages: []",
              ),
            },
          ],
        },
        {
          message: FUNCTION_CALL,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`function_call` → `tool_choice`' },
              output: call("model: 'deepseek-flash', functions: [weather, stocks], tool_choice: 'auto', messages: []"),
            },
          ],
        },
      ],
    },
    {
      // A functions list from elsewhere is wrapped (with `as const` in TypeScript).
      code: call("model: 'deepseek-flash', functions: FUNCTIONS, function_call: { name: 'lookup' }, messages: []"),
      errors: [
        {
          message: FUNCTIONS,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`functions` → `tools`' },
              output: call(
                "model: 'deepseek-flash', tools: FUNCTIONS.map((fn) => ({ type: 'function' as const, function: fn })), function_call: { name: 'lookup' }, messages: []",
              ),
            },
          ],
        },
        {
          message: FUNCTION_CALL,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`function_call` → `tool_choice`' },
              output: call("model: 'deepseek-flash', functions: FUNCTIONS, tool_choice: { type: 'function', function: { name: 'lookup' } }, messages: []"),
            },
          ],
        },
      ],
    },
    {
      // JavaScript: the response read is rewritten too.
      code: `${callCjs("model: 'deepseek-flash', tools, messages")}\nconst call = res.choices[0].message.function_call;`,
      filename: 'file.js',
      errors: [
        {
          message: '`res.choices[0].message.function_call` reads a legacy function call: DeepSeek answers with `tool_calls`.',
          line: 4,
          column: 14,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`res.choices[0].message.function_call` → `res.choices[0].message.tool_calls?.[0]?.function`' },
              output: `${callCjs("model: 'deepseek-flash', tools, messages")}\nconst call = res.choices[0].message.tool_calls?.[0]?.function;`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript: that expression does not type-check against openai >= 5, so no suggestion.
      code: `${call("model: 'deepseek-flash', tools, messages")}\nconst call = res.choices[0].message.function_call;`,
      errors: [
        {
          message:
            "`res.choices[0].message.function_call` reads a legacy function call: DeepSeek answers with `tool_calls`. Read the function call from `tool_calls` (check `type === 'function'`).",
        },
      ],
    },
    {
      // A role: 'function' result message answering a visible call.
      code: `${callCjs("model: 'deepseek-flash', tools, messages")}\nmessages.push({ role: 'function', name: reply.function_call.name, content: JSON.stringify(result) });`,
      filename: 'file.js',
      errors: [
        {
          message: "`role: 'function'` messages are legacy function calling: DeepSeek accepts `role: 'tool'` with a `tool_call_id`.",
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: "`role: 'function'` → `role: 'tool'` with `tool_call_id`" },
              output: `${callCjs("model: 'deepseek-flash', tools, messages")}\nmessages.push({ role: 'tool', tool_call_id: reply.tool_calls?.[0]?.id, content: JSON.stringify(result) });`,
            },
          ],
        },
        {
          message: '`reply.function_call` reads a legacy function call: DeepSeek answers with `tool_calls`.',
          line: 4,
          column: 41,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: '`reply.function_call` → `reply.tool_calls?.[0]?.function`' },
              output: `${callCjs("model: 'deepseek-flash', tools, messages")}\nmessages.push({ role: 'function', name: reply.tool_calls?.[0]?.function.name, content: JSON.stringify(result) });`,
            },
          ],
        },
      ],
    },
  ],
});

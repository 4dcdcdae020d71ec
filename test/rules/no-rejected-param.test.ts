import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, OPENAI, runRuleTests } from './rule-tester.js';

const DEVELOPER =
  '`role: \'developer\'` is rejected by DeepSeek (HTTP 400: "Failed to deserialize the JSON body into the target type: messages[0].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`"). Rejected with HTTP 400 (422 in some eras): DeepSeek chat knows no developer role. Use system. (Its Responses API treats developer as user.)';
const JSON_SCHEMA =
  "`json_schema` is rejected by deepseek-flash in thinking mode (HTTP 400: \"This response_format type is unavailable now\"). Use { type: 'json_object' }, put the schema and the word 'json' in the prompt, and validate the output yourself.";
const REQUIRED =
  '`\'required\'` is rejected by deepseek-flash in thinking mode (HTTP 400: "Thinking mode does not support this tool_choice"). Thinking mode cannot force a tool call: drop `tool_choice` (the model decides) or turn thinking off with thinking: { type: "disabled" }.';

const call = (body: string) => `${DEEPSEEK}await client.chat.completions.create({ ${body} });`;

const structured = `${DEEPSEEK}await client.chat.completions.create({
  model: 'deepseek-flash',
  messages: [{ role: 'user', content: 'Extract the invoice.' }],
  response_format: { type: 'json_schema', json_schema: { name: 'invoice', schema: invoiceSchema } },
});`;

runRuleTests('no-rejected-param', rules['no-rejected-param'], {
  valid: [
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'system', content: 'Be brief.' }] });` },
    // JSON mode (json_object) is supported; json_schema is what DeepSeek rejects.
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'Answer in json.' }] });` },
    // tool_choice 'required' works with thinking off.
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', thinking: { type: 'disabled' }, tools, tool_choice: 'required', messages: [] });` },
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', tools, tool_choice: 'required', messages: [] });`, settings: { deepseek: { thinking: 'non-thinking' } } },
    // Images are accepted by deepseek-flash, in user messages.
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });` },
    // An assistant turn with tool calls and string content.
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'assistant', content: '', tool_calls: calls }] });` },
    // A user record with a `role`, not a chat message, in a file that talks to DeepSeek.
    { code: `${DEEPSEEK}const admin = { role: 'developer', name: 'Ada' };` },
  ],
  invalid: [
    {
      // Only function tools exist on DeepSeek's chat API (reference §4, §12 #19).
      code: call("model: 'deepseek-flash', tools: [{ type: 'custom', custom: { name: 'grep' } }], messages: []"),
      errors: [{ message: `A \`custom\` tool is rejected by deepseek-flash in thinking mode (HTTP 400: "unknown variant 'custom', expected 'function'"): DeepSeek's chat API takes function tools only. Describe it as a function tool, or drop it.` }],
    },
    {
      // TypeScript's CommonJS import form is the SDK too.
      code: "import OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\nclient.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'web_search' }] });",
      errors: [{ message: /A `web_search` tool is rejected/ }],
    },
    {
      // The developer role keeps its meaning as system: an autofix.
      code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'developer', content: 'Be brief.' }] });`,
      output: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'system', content: 'Be brief.' }] });`,
      errors: [{ message: DEVELOPER, line: 3, column: 84, endColumn: 95 }],
    },
    {
      // Messages built apart from the call, in JavaScript, with double quotes kept.
      code: `${DEEPSEEK_CJS}const messages = [{ role: "developer", content: "Be brief." }];\nclient.chat.completions.create({ model: "deepseek-flash", messages });`,
      output: `${DEEPSEEK_CJS}const messages = [{ role: "system", content: "Be brief." }];\nclient.chat.completions.create({ model: "deepseek-flash", messages });`,
      filename: 'file.js',
      errors: [{ message: DEVELOPER, line: 3 }],
    },
    {
      // json_schema needs a person: no fix by default...
      code: structured,
      errors: [{ message: JSON_SCHEMA, line: 6, column: 3 }],
    },
    {
      // ...and a suggestion when settings.deepseek.jsonSchema is 'inline'.
      code: structured,
      settings: { deepseek: { jsonSchema: 'inline' } },
      errors: [
        {
          message: JSON_SCHEMA,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'json_schema → json_object with the schema in a system message (--json-schema=inline)' },
              output: `${DEEPSEEK}await client.chat.completions.create({
  model: 'deepseek-flash',
  messages: [{ role: 'system', content: 'Respond only with JSON that conforms to this JSON schema: ' + JSON.stringify(invoiceSchema) }, { role: 'user', content: 'Extract the invoice.' }],
  response_format: { type: 'json_object' },
});`,
            },
          ],
        },
      ],
    },
    {
      // Thinking is the default mode: tool_choice 'required' is rejected there.
      code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', tools, tool_choice: 'required', messages: [] });`,
      errors: [{ message: REQUIRED }],
    },
    {
      // An OpenAI client whose model maps to a reasoning model keeps thinking on.
      code: `${OPENAI}await client.chat.completions.create({ model: 'o4-mini', tools, tool_choice: { type: 'function', function: { name: 'lookup' } }, messages: [] });`,
      errors: [
        {
          message:
            '`a named tool` is rejected by deepseek-flash in thinking mode (HTTP 400: "Thinking mode does not support this tool_choice"). Thinking mode cannot force a tool call: drop `tool_choice` (the model decides) or turn thinking off with thinking: { type: "disabled" }.',
        },
      ],
    },
    {
      // An assistant tool-call turn needs non-null content: '' keeps the meaning.
      code: `${DEEPSEEK}const turn = { role: 'assistant', content: null, tool_calls: calls };\nawait client.chat.completions.create({ model: 'deepseek-flash', messages: [turn] });`,
      output: `${DEEPSEEK}const turn = { role: 'assistant', content: '', tool_calls: calls };\nawait client.chat.completions.create({ model: 'deepseek-flash', messages: [turn] });`,
      errors: [{ message: 'DeepSeek needs non-null `content` on assistant messages with tool calls: send an empty string.' }],
    },
    {
      // Only user content may be an array of parts.
      code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }] });`,
      errors: [
        {
          message:
            'DeepSeek accepts an array of content parts only in user messages; `system` content must be a string (HTTP 400: "invalid type: sequence, expected a string").',
        },
      ],
    },
  ],
});

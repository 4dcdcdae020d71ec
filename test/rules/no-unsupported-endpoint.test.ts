import { rules } from '../../rules/rules.js';
import { DEEPSEEK, DEEPSEEK_CJS, OPENAI, runRuleTests } from './rule-tester.js';

/** The limits list of a partial endpoint comes from the compat data; the test pins its shape, not its wording. */
const ignoredByResponses = (param: string) =>
  new RegExp(`^\`${param}\` is silently ignored by DeepSeek's responses endpoint \\(stateless: .+\\)\\. Code that relies on it needs another way\\.$`);

runRuleTests('no-unsupported-endpoint', rules['no-unsupported-endpoint'], {
  valid: [
    { code: `${DEEPSEEK}await client.chat.completions.create({ model: 'deepseek-flash', messages: [] });` },
    { code: `${DEEPSEEK}await client.models.list();` },
    // The Responses API is served (stateless); only the state-keeping fields are ignored.
    { code: `${DEEPSEEK}await client.responses.create({ model: 'deepseek-flash', input: 'Hello' });` },
    // Files are served (images only, purpose user_data).
    { code: `${DEEPSEEK}await client.files.create({ file, purpose: 'user_data' });` },
    { code: `${DEEPSEEK_CJS}client.chat.completions.create({ model: 'deepseek-flash', messages: [] });`, filename: 'file.cjs' },
    // Not a client: a local object with the same shape.
    { code: "const client = { embeddings: { create: async () => [] } };\nawait client.embeddings.create();" },
  ],
  invalid: [
    {
      code: `${DEEPSEEK}await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });`,
      errors: [
        {
          message: '`embeddings.create` is not served by DeepSeek: DeepSeek has no embeddings API. Keep another provider for embeddings.',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 80,
        },
      ],
    },
    {
      code: `${DEEPSEEK_CJS}async function draw() {\n  return client.images.generate({ prompt: 'a cat' });\n}`,
      filename: 'file.js',
      errors: [{ message: '`images.generate` is not served by DeepSeek: DeepSeek has no image generation, edit or variation API.', line: 4, column: 10 }],
    },
    {
      // The code that is being migrated: an OpenAI client is judged against DeepSeek too.
      code: `${OPENAI}await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Hi' });\nawait client.beta.assistants.create({ model: 'gpt-4o' });`,
      errors: [
        { message: '`audio.speech.create` is not served by DeepSeek: DeepSeek has no text-to-speech.', line: 3 },
        { message: '`beta.assistants.create` is not served by DeepSeek: DeepSeek has no Assistants API. Use chat completions with tools.', line: 4 },
      ],
    },
    {
      // A partial endpoint: stateless Responses API.
      code: `${DEEPSEEK}await client.responses.create({ model: 'deepseek-flash', input: 'Next', previous_response_id: last.id, store: true });`,
      errors: [
        {
          message: ignoredByResponses('previous_response_id'),
          line: 3,
          column: 73,
        },
        { message: ignoredByResponses('store'), line: 3, column: 104 },
      ],
    },
  ],
});

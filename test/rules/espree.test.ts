/**
 * The plugin works under ESLint's default parser (espree) and scope analysis (eslint-scope), as plain
 * JavaScript projects use it: no TypeScript parser, no type information.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';

const CODE = `const OpenAI = require('openai');
const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });
async function ask(question) {
  return client.chat.completions.create({
    model: 'deepseek-flash',
    max_completion_tokens: 256,
    messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: question }],
  });
}
module.exports = { ask };
`;

describe('under espree', () => {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, plugin.configs.recommended];

  it('reports with the recommended levels', () => {
    const messages = linter.verify(CODE, config, 'bot.js');
    expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column])).toEqual([
      ['ds-migrate/no-ignored-param', 1, 6, 5],
      ['ds-migrate/no-rejected-param', 2, 7, 24],
    ]);
  });

  it('applies the autofixes', () => {
    const { output, messages } = linter.verifyAndFix(CODE, config, 'bot.js');
    expect(messages).toEqual([]);
    expect(output).toBe(CODE.replace('max_completion_tokens', 'max_tokens').replace("role: 'developer'", "role: 'system'"));
  });
});

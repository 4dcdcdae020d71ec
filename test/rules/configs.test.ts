/**
 * The plugin object and its presets agree with the catalog, and work as flat configs through ESLint's
 * own API, exactly as a user writes them: `export default [deepseek.configs.recommended]`.
 */
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { rules } from '../../rules/rules.js';
import { RULE_IDS, RULES } from '../../src/findings/rule-catalog.js';
import { ruleDocsUrl, TOOL_VERSION } from '../../src/meta.js';

// Type-level: the presets are ESLint config objects (eslint.config.ts users get no type errors).
const typed: Linter.Config[] = defineConfig([plugin.configs.recommended, plugin.configs.strict, plugin.configs.all]);
void typed;

describe('plugin meta', () => {
  it('names itself and its version', () => {
    expect(plugin.meta).toEqual({ name: 'ds-migrate', version: TOOL_VERSION, namespace: 'ds-migrate' });
  });

  it('has exactly one rule per catalog entry', () => {
    expect(Object.keys(plugin.rules)).toEqual(RULE_IDS);
  });

  for (const id of RULE_IDS) {
    it(`${id}: meta comes from the catalog`, () => {
      const meta = rules[id].meta;
      expect(meta.docs).toEqual({
        description: RULES[id].description,
        url: ruleDocsUrl(id),
        recommended: RULES[id].recommended,
        strict: RULES[id].strict,
        requiresTypeChecking: false,
      });
      expect(Boolean(meta.fixable)).toBe(RULES[id].fixable);
      expect(Boolean(meta.hasSuggestions)).toBe(RULES[id].hasSuggestions);
      expect(meta.schema).toEqual([]);
      expect(meta.messages).toEqual({ finding: '{{message}}', suggestion: '{{description}}' });
    });
  }
});

describe('presets', () => {
  const expectedRules = (level: (id: (typeof RULE_IDS)[number]) => string) =>
    Object.fromEntries(RULE_IDS.filter((id) => level(id) !== 'off').map((id) => [`ds-migrate/${id}`, level(id)]));

  it('recommended: the catalog levels', () => {
    expect(plugin.configs.recommended.rules).toEqual(expectedRules((id) => RULES[id].recommended));
  });
  it('strict: the catalog levels', () => {
    expect(plugin.configs.strict.rules).toEqual(expectedRules((id) => RULES[id].strict));
  });
  it('all: every rule an error', () => {
    expect(plugin.configs.all.rules).toEqual(expectedRules(() => 'error'));
  });
  it('strict is at least as strict as recommended', () => {
    const rank = { off: 0, warn: 1, error: 2 } as const;
    for (const id of RULE_IDS) expect(rank[RULES[id].strict], id).toBeGreaterThanOrEqual(rank[RULES[id].recommended]);
  });
  it('each registers the plugin under its namespace and is named', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`ds-migrate/${name}`);
      expect(config.plugins).toEqual({ 'ds-migrate': plugin });
    }
  });
});

describe('as a flat config through the ESLint API', () => {
  const code = `import OpenAI from 'openai';
const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });
await client.chat.completions.create({ model: 'deepseek-flash', seed: 7, max_completion_tokens: 64, messages: [{ role: 'developer', content: 'Be brief.' }] });
`;
  const lint = async (config: Linter.Config, fix = false) => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, config],
      fix,
    });
    const [result] = await eslint.lintText(code, { filePath: 'src/chat.ts' });
    return result;
  };

  it('recommended: errors and warnings at the preset levels', async () => {
    const result = await lint(plugin.configs.recommended);
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['ds-migrate/no-ignored-param', 1],
      ['ds-migrate/no-rejected-param', 2],
    ]);
  });

  it('strict: adds the undocumented param, ignored params become errors', async () => {
    const result = await lint(plugin.configs.strict);
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['ds-migrate/no-unverified-param', 1],
      ['ds-migrate/no-ignored-param', 2],
      ['ds-migrate/no-rejected-param', 2],
    ]);
  });

  it('positions and fixes are right in a file with a byte-order mark', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
      fix: true,
    });
    const [withBom] = await eslint.lintText(`\uFEFF${code}`, { filePath: 'src/chat.ts' });
    const [without] = await eslint.lintText(code, { filePath: 'src/chat.ts' });
    expect(withBom.output).toBe(`\uFEFF${without.output}`);
    const [unfixed] = await new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.strict],
    }).lintText(`\uFEFF${code}`, { filePath: 'src/chat.ts' });
    const line3 = code.split('\n')[2];
    expect(unfixed.messages.map((m) => [m.line, m.column])).toEqual([
      [3, line3.indexOf('seed') + 1],
      [3, line3.indexOf('max_completion_tokens') + 1],
      [3, line3.indexOf("'developer'") + 1],
    ]);
  });

  it('--fix applies the autofixes only', async () => {
    const result = await lint(plugin.configs.all, true);
    expect(result.output).toBe(code.replace('max_completion_tokens', 'max_tokens').replace("role: 'developer'", "role: 'system'"));
    expect(result.messages.map((m) => m.ruleId)).toEqual(['ds-migrate/no-unverified-param']);
  });
});

/** `settings.deepseek` is validated strictly and read once per settings object. */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { readPluginSettings, SettingsError } from '../../src/lint/plugin-settings.js';

describe('readPluginSettings', () => {
  it('defaults to syntactic detection and no target', () => {
    expect(readPluginSettings(undefined)).toEqual({ target: {}, detection: 'syntactic' });
    expect(readPluginSettings({ other: 1 })).toEqual({ target: {}, detection: 'syntactic' });
  });

  it('reads every setting', () => {
    const deepseek = {
      model: 'deepseek-v4-pro',
      thinking: 'non-thinking',
      modelMap: { 'gpt-4o*': 'deepseek-flash', o3: { model: 'deepseek-v4-pro', thinking: 'thinking' } },
      clientModules: ['@/lib/openai'],
      detection: 'type-aware',
      jsonSchema: 'inline',
    };
    expect(readPluginSettings({ deepseek })).toEqual({
      target: {
        model: 'deepseek-v4-pro',
        thinking: 'non-thinking',
        modelMap: deepseek.modelMap,
        clientModules: ['@/lib/openai'],
        jsonSchema: 'inline',
      },
      detection: 'type-aware',
    });
  });

  it('validates once per settings object', () => {
    const deepseek = { model: 'deepseek-flash' };
    expect(readPluginSettings({ deepseek })).toBe(readPluginSettings({ deepseek }));
  });

  it.each([
    [{ thinkng: 'thinking' }, 'ds-migrate: settings.deepseek: unknown setting "thinkng" (known: model, thinking, modelMap, clientModules, detection, jsonSchema)'],
    [{ model: 'gpt-4o' }, 'ds-migrate: settings.deepseek.model must be a current DeepSeek model (deepseek-flash, deepseek-v4-pro), got "gpt-4o"'],
    [{ model: 'deepseek-chat' }, 'ds-migrate: settings.deepseek.model must be a current DeepSeek model (deepseek-flash, deepseek-v4-pro), got "deepseek-chat"'],
    [{ thinking: 'off' }, 'ds-migrate: settings.deepseek.thinking must be "thinking" or "non-thinking", got "off"'],
    [{ detection: 'types' }, 'ds-migrate: settings.deepseek.detection must be "syntactic" or "type-aware", got "types"'],
    [{ modelMap: { 'gpt-4o': 'deepseek-v3' } }, 'ds-migrate: settings.deepseek.modelMap["gpt-4o"] must map to a current DeepSeek model (deepseek-flash, deepseek-v4-pro), got "deepseek-v3"'],
    [{ modelMap: { o3: { model: 'deepseek-flash', thinking: 'yes' } } }, 'ds-migrate: settings.deepseek.modelMap["o3"].thinking must be "thinking" or "non-thinking"'],
    [{ clientModules: '@/lib/openai' }, 'ds-migrate: settings.deepseek.clientModules must be an array of module specifiers (strings)'],
    [{ jsonSchema: 'strict' }, 'ds-migrate: settings.deepseek.jsonSchema must be "marker" or "inline", got "strict"'],
    ['deepseek-flash', 'ds-migrate: settings.deepseek must be an object'],
  ])('rejects %j', (deepseek, message) => {
    expect(() => readPluginSettings({ deepseek })).toThrow(new SettingsError(message.replace(/^ds-migrate: settings\.deepseek/, '')));
    expect(() => readPluginSettings({ deepseek })).toThrow(message);
  });

  it('surfaces a settings error when ESLint runs the rules', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, settings: { deepseek: { model: 'gpt-4o' } } },
      plugin.configs.recommended,
    ];
    expect(() => linter.verify("import OpenAI from 'openai';\n", config, 'a.ts')).toThrow(/settings\.deepseek\.model must be a current DeepSeek model/);
  });
});

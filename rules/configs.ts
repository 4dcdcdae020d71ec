/**
 * The flat-config presets, generated from the catalog so they cannot drift from rule meta:
 * `recommended` (definite breakage), `strict` (also silent changes and leftovers), `all` (every rule
 * as an error). Each registers the plugin itself, so `export default [deepseek.configs.recommended]`
 * is a complete config, and leaves out the files whose saved text cannot reach the SDK.
 */
import type { ESLint, Linter } from 'eslint';
import { RULE_IDS, RULES, type PresetLevel, type RuleId } from '../src/findings/rule-catalog.js';
import { savedFileCannotReachSdk } from './preset-gate.js';

export const PLUGIN_NAMESPACE = 'ds-migrate';

export const PRESETS = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof PRESETS)[number];

/** The level of a rule in a preset ('off': not in it). */
export function presetLevel(preset: PresetName, id: RuleId): PresetLevel {
  return preset === 'all' ? 'error' : RULES[id][preset];
}

/** `{ 'ds-migrate/<rule>': level }` for the rules a preset turns on. */
export function presetRules(preset: PresetName): Record<string, 'error' | 'warn'> {
  const out: Record<string, 'error' | 'warn'> = {};
  for (const id of RULE_IDS) {
    const level = presetLevel(preset, id);
    if (level !== 'off') out[`${PLUGIN_NAMESPACE}/${id}`] = level;
  }
  return out;
}

export function buildConfigs(plugin: ESLint.Plugin): Record<PresetName, Linter.Config> {
  const config = (preset: PresetName): Linter.Config => ({
    name: `${PLUGIN_NAMESPACE}/${preset}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    rules: presetRules(preset),
    // Not `files`: the preset applies to whatever files the user's config lints, minus those that
    // cannot use the SDK (see preset-gate.ts for why that matters to speed). ESLint's config arrays
    // take functions as matchers (@eslint/config-array's `FileMatcher`); `Linter.Config` only types
    // glob strings, hence the cast. test/rules/preset-gate.test.ts pins the behaviour.
    ignores: [savedFileCannotReachSdk] as unknown as string[],
  });
  return { recommended: config('recommended'), strict: config('strict'), all: config('all') };
}

/**
 * `ds-migrate/eslint-plugin`: ESLint rules that keep code on the DeepSeek API.
 *
 *   import deepseek from 'ds-migrate/eslint-plugin';
 *   export default [deepseek.configs.recommended];
 *
 * Rules, presets and docs are generated from one catalog (src/findings/rule-catalog.ts), and every
 * rule reports the same findings the codemod fixes and `ds-migrate scan` lists.
 */
import type { ESLint, Linter } from 'eslint';
import { TOOL_NAME, TOOL_VERSION } from '../src/meta.js';
import { buildConfigs, PLUGIN_NAMESPACE, type PresetName } from './configs.js';
import { rules } from './rules.js';

/** Typed with ESLint's own types, so `defineConfig([deepseek.configs.recommended])` type-checks in eslint.config.ts. */
export interface DeepSeekPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: NonNullable<ESLint.Plugin['rules']>;
  readonly configs: Readonly<Record<PresetName, Linter.Config>>;
}

const configs = {} as Record<PresetName, Linter.Config>;

const plugin: DeepSeekPlugin = {
  meta: { name: TOOL_NAME, version: TOOL_VERSION, namespace: PLUGIN_NAMESPACE },
  // The rules are built with @typescript-eslint/utils, whose rule types describe the same runtime
  // objects as ESLint's but are not assignable to them; the cast is that one boundary.
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs,
};

// The presets refer to the plugin object itself; filled in after it exists.
Object.assign(configs, buildConfigs(plugin));

export default plugin;
/** The rules with their typescript-eslint types (for RuleTester and tools). */
export { rules };
export type { PresetName };

/** The ESLint configuration `ds-migrate lint` runs, with no configuration from the user. */
import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import plugin from '../../rules/index.js';
import type { PresetName } from '../../rules/configs.js';
import type { TargetSettings } from '../findings/types.js';
import { CODE_EXTENSIONS } from '../parse/language.js';

export const CODE_GLOBS: readonly string[] = CODE_EXTENSIONS.map((ext) => `**/*${ext}`);

/**
 * The config `ds-migrate lint` runs: every code extension through the TypeScript parser (so `.mts`,
 * `.cts` and JSX in `.js` parse as they do for the codemod), the preset's rules, and the target
 * settings from `ds-migrate.config.json` and the command line.
 */
export function lintConfig(settings: TargetSettings, preset: PresetName): Linter.Config[] {
  const deepseek: Record<string, unknown> = {};
  for (const key of ['model', 'thinking', 'modelMap', 'clientModules', 'jsonSchema'] as const) {
    if (settings[key] !== undefined) deepseek[key] = settings[key];
  }
  const presetConfig = plugin.configs[preset];
  return [
    {
      name: 'ds-migrate/lint-command',
      files: [...CODE_GLOBS],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      // The project's own disable comments name rules that are not loaded here: not our business.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      settings: { deepseek },
    },
    // The preset's rules without its file gate: `lint-paths` has already chosen the files, with the
    // text in hand, so the gate would only read each of them again.
    { name: presetConfig.name, plugins: presetConfig.plugins, rules: presetConfig.rules, files: [...CODE_GLOBS] },
  ];
}

/**
 * Every ds-migrate rule is made here: `RuleCreator` gives each rule its documentation URL
 * (`docs/rules/<rule>.md`) and the plugin's own `docs` fields (the preset levels from the catalog).
 */
import { ESLintUtils } from '@typescript-eslint/utils';
import type { PresetLevel } from '../src/findings/rule-catalog.js';
import { ruleDocsUrl } from '../src/meta.js';

export interface DeepSeekRuleDocs {
  /** Level in `configs.recommended` ('off' when it is not in the preset). */
  readonly recommended: PresetLevel;
  /** Level in `configs.strict`. */
  readonly strict: PresetLevel;
  /** No rule needs type information; `settings.deepseek.detection: 'type-aware'` only widens detection. */
  readonly requiresTypeChecking: false;
}

export const createRule = ESLintUtils.RuleCreator<DeepSeekRuleDocs>(ruleDocsUrl);

/** Every rule of the plugin, one per catalog entry, in catalog order. */
import { RULE_IDS, type RuleId } from '../src/findings/rule-catalog.js';
import { findingRule } from './finding-rule.js';

export type DeepSeekRule = ReturnType<typeof findingRule>;

export const rules: Readonly<Record<RuleId, DeepSeekRule>> = Object.fromEntries(RULE_IDS.map((id) => [id, findingRule(id)])) as Record<
  RuleId,
  DeepSeekRule
>;

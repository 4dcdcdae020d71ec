/**
 * A rule is a thin adapter: the decision logic lives in src/findings (shared with the codemod and
 * `scan`), so the rule reports the findings of its own id and nothing else. Meta comes from the
 * catalog (src/findings/rule-catalog.ts), so presets, docs and the codemod name the same things.
 */
import { RULES, type RuleId } from '../src/findings/rule-catalog.js';
import { createRule } from './create-rule.js';
import { fileFindingsOf } from './file-findings-of.js';
import { MESSAGES, reportOf } from './finding-report.js';

/**
 * `problem`: the code misbehaves on DeepSeek (an error, or a silent change). `suggestion`: it works,
 * but could say what runs more plainly.
 */
const RULE_TYPES: Readonly<Record<RuleId, 'problem' | 'suggestion'>> = {
  'no-unsupported-endpoint': 'problem',
  'no-rejected-param': 'problem',
  'no-ignored-param': 'problem',
  'no-unverified-param': 'problem',
  'no-legacy-function-calling': 'problem',
  'valid-model': 'problem',
  'valid-base-url': 'problem',
  'no-openai-base-url': 'problem',
  'no-openai-env': 'problem',
  'json-mode-requires-json-word': 'problem',
  'reasoning-content-passback': 'problem',
  'model-from-env': 'suggestion',
  'prefer-deepseek-reasoning-effort': 'suggestion',
};

export function findingRule(id: RuleId) {
  const meta = RULES[id];
  return createRule({
    name: id,
    meta: {
      type: RULE_TYPES[id],
      docs: { description: meta.description, recommended: meta.recommended, strict: meta.strict, requiresTypeChecking: false },
      messages: MESSAGES,
      // Rules take no options: the target is shared by every rule, in `settings.deepseek`.
      schema: [],
      fixable: meta.fixable ? 'code' : undefined,
      hasSuggestions: meta.hasSuggestions,
    },
    create(context) {
      return {
        Program() {
          for (const finding of fileFindingsOf(context)) {
            if (finding.rule === id) context.report(reportOf(finding, context.sourceCode, meta));
          }
        },
      };
    },
  });
}

/**
 * One finding → one ESLint report. A fix that keeps what the code meant (`fix.safe`) is an autofix;
 * any other fix is a suggestion a person accepts in the editor. Spans are offsets into
 * `sourceCode.text` (without BOM), as ESLint's fixer ranges are.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { planEdits, type Edit } from '../src/edits/edit.js';
import type { RuleMeta } from '../src/findings/rule-catalog.js';
import type { Finding } from '../src/findings/types.js';

export type MessageIds = 'finding' | 'suggestion';

export const MESSAGES: Readonly<Record<MessageIds, string>> = {
  // The finding's message is complete: what, which target it was judged against, what to do.
  finding: '{{message}}',
  suggestion: '{{description}}',
};

export function reportOf(
  finding: Finding,
  sourceCode: Readonly<TSESLint.SourceCode>,
  meta: Pick<RuleMeta, 'fixable' | 'hasSuggestions'>,
): TSESLint.ReportDescriptor<MessageIds> {
  const loc = { start: sourceCode.getLocFromIndex(finding.span.start), end: sourceCode.getLocFromIndex(finding.span.end) };
  const report: TSESLint.ReportDescriptor<MessageIds> = { loc, messageId: 'finding', data: { message: finding.message } };
  const edits = finding.fix ? editsIn(finding.file, finding.fix.edits) : null;
  if (!finding.fix || !edits) return report;
  const fix: TSESLint.ReportFixFunction = (fixer) => edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.text));
  // The catalog declares what a rule may offer; ESLint rejects a report that offers more. A finding
  // that breaks this would be a catalog bug (test/rules/catalog-consistency.test.ts guards it), so it
  // degrades to the nearest thing the rule may offer instead of crashing the user's lint run.
  if (finding.fix.safe && meta.fixable) return { ...report, fix };
  if (meta.hasSuggestions) return { ...report, suggest: [{ messageId: 'suggestion', data: { description: finding.fix.description }, fix }] };
  return report;
}

/**
 * The edits, sorted and de-duplicated, when all of them are in this file and none overlap (ESLint
 * refuses overlapping fixes in one report); null otherwise.
 */
function editsIn(file: string, edits: readonly Edit[]): Edit[] | null {
  if (edits.length === 0 || edits.some((e) => e.file !== file)) return null;
  const { accepted, conflicts } = planEdits(edits);
  return conflicts.length === 0 ? accepted : null;
}

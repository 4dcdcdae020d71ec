import { isTypeScriptFile } from '../parse/language.js';
import { ruleDocsUrl } from '../meta.js';
import type { Span } from '../analysis/types.js';
import { RULES, type RuleId } from './rule-catalog.js';
import type { Finding, Fix, Severity, TargetSettings } from './types.js';

/** What finding functions may read besides the usage records: settings and file texts (for edits). */
export interface FindingContext {
  readonly settings: TargetSettings;
  /** The text of an analysed file (without BOM), for layout-aware edits. */
  text(file: string): string;
}

export function isTypeScript(file: string): boolean {
  return isTypeScriptFile(file);
}

export interface FindingInput {
  readonly rule: RuleId;
  readonly file: string;
  readonly span: Span;
  readonly statementSpan: Span;
  /** The file of `statementSpan`, when it is not `file`. */
  readonly statementFile?: string;
  readonly message: string;
  readonly fix?: Fix | null;
  /** Defaults from the rule: error where the rule is an error in `recommended`, else warning. */
  readonly severity?: Severity;
  /** Defaults to true when there is no fix. */
  readonly manual?: boolean;
}

export function finding(input: FindingInput): Finding {
  const meta = RULES[input.rule];
  const fix = input.fix ?? null;
  return {
    rule: input.rule,
    severity: input.severity ?? (meta.recommended === 'error' ? 'error' : 'warning'),
    file: input.file,
    span: { start: input.span.start, end: input.span.end },
    message: input.message,
    fix,
    manual: input.manual ?? fix === null,
    statementSpan: { start: input.statementSpan.start, end: input.statementSpan.end },
    statementFile: input.statementFile ?? input.file,
    docs: ruleDocsUrl(input.rule),
  };
}

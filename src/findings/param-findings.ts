/**
 * Request parameters judged against the call's target: rejected (`no-rejected-param`), ignored
 * (`no-ignored-param`), undocumented (`no-unverified-param`), legacy function calling
 * (`no-legacy-function-calling`). Fixes come from the compat data's fix descriptors.
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { PropertyShape, ValueShape } from '../analysis/types.js';
import { extensionParam, paramVerdict, THINKING_MODES, type ParamStatus, type ParamVerdict } from '../compat/index.js';
import { removePropertyEdit, renameKeyEdit } from '../edits/object-edits.js';
import { finding, type FindingContext } from './context.js';
import { legacyFunctionFix } from './legacy-functions.js';
import { jsonSchemaInlineFix } from './json-schema-inline.js';
import { partialValueOf } from './static-value.js';
import { describeTarget, type CallTarget } from './target.js';
import type { Finding, Fix } from './types.js';

/** Handled elsewhere: the model by model findings, messages by message findings. */
const SKIPPED = new Set(['model', 'messages']);

/** Milder first: for a call whose mode is unknown, report only what holds in every mode, at its mildest. */
const STATUS_ORDER: readonly ParamStatus[] = ['supported', 'unknown', 'ignored', 'beta-only', 'rejected'];

export function paramFindings(call: LinkedCall, target: CallTarget, ctx: FindingContext): Finding[] {
  const args = call.resolvedArgs;
  if (args?.kind !== 'object') return [];
  const out: Finding[] = [];
  for (const property of args.properties) {
    if (SKIPPED.has(property.key) || extensionParam(property.key)) continue;
    const verdict = verdictFor(property, target);
    if (!verdict || verdict.status === 'supported') continue;
    out.push(toFinding(call, args, property, verdict, target, ctx));
  }
  return out;
}

function verdictFor(property: PropertyShape, target: CallTarget): ParamVerdict | undefined {
  const value = partialValueOf(property.value);
  if (target.mode !== 'either') return paramVerdict(property.key, value, target.mode);
  const verdicts = THINKING_MODES.map((mode) => paramVerdict(property.key, value, mode)).filter((v) => v !== undefined);
  if (verdicts.length === 0) return undefined;
  return verdicts.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))[0];
}

function toFinding(
  call: LinkedCall,
  args: Extract<ValueShape, { kind: 'object' }>,
  property: PropertyShape,
  verdict: ParamVerdict,
  target: CallTarget,
  ctx: FindingContext,
): Finding {
  const where = describeTarget(target);
  const base = { file: property.span.file, span: property.span, statementSpan: call.statementSpan, statementFile: call.file };
  const fixKind = verdict.fix.kind;

  if (fixKind === 'replace') {
    return finding({
      ...base,
      rule: 'no-legacy-function-calling',
      message: `\`${property.key}\` is legacy OpenAI function calling: DeepSeek implements only \`tools\`/\`tool_choice\`, so no function is ever called. ${capitalise(verdict.fix.description)}.`,
      fix: legacyFunctionFix(args, property, ctx),
    });
  }

  const label = verdict.label === property.key ? `\`${property.key}\`` : `\`${verdict.label}\``;
  switch (verdict.status) {
    case 'rejected': {
      const error = verdict.error ? ` (HTTP 400: "${verdict.error}")` : ' (HTTP 400)';
      const inline = property.key === 'response_format' && ctx.settings.jsonSchema === 'inline' ? jsonSchemaInlineFix(args, property, ctx) : null;
      return finding({
        ...base,
        rule: 'no-rejected-param',
        message: `${label} is rejected by ${where}${error}. ${adviceOf(verdict)}`,
        fix: inline ?? simpleFix(args, property, verdict, ctx, false),
        manual: inline === null && fixKind !== 'rename',
      });
    }
    case 'ignored':
      return finding({
        ...base,
        rule: 'no-ignored-param',
        message: `${label} is ignored by ${where}. ${verdict.note}`,
        fix: simpleFix(args, property, verdict, ctx, true),
      });
    case 'beta-only':
      return finding({
        ...base,
        rule: 'no-rejected-param',
        message: `${label} works only on DeepSeek's beta base URL (https://api.deepseek.com/beta). ${verdict.note}`,
        manual: true,
      });
    default:
      return finding({
        ...base,
        rule: 'no-unverified-param',
        severity: 'info',
        message: `${label} is not documented for ${where}: ${verdict.note} Check it with \`ds-migrate conformance\`.`,
        fix: simpleFix(args, property, verdict, ctx, false),
        manual: false,
      });
  }
}

function adviceOf(verdict: ParamVerdict): string {
  return verdict.fix.kind === 'manual' ? verdict.fix.advice : verdict.note;
}

/** Rename or remove, per the data. Removing an ignored param keeps behaviour but drops the code's intent. */
function simpleFix(
  args: Extract<ValueShape, { kind: 'object' }>,
  property: PropertyShape,
  verdict: ParamVerdict,
  ctx: FindingContext,
  ignored: boolean,
): Fix | null {
  const text = ctx.text(property.span.file);
  if (verdict.fix.kind === 'rename') {
    const to = verdict.fix.to;
    const existing = args.properties.find((p) => p.key === to);
    // Both present: the renamed one would be a duplicate key; the old one has no effect, so drop it.
    const edit = existing ? removePropertyEdit(text, args, property) : renameKeyEdit(property, to, text);
    return {
      transform: 'params',
      description: existing ? `remove \`${property.key}\` (\`${to}\` is already set)` : `\`${property.key}\` → \`${to}\``,
      edits: [edit],
      safe: true,
    };
  }
  if (verdict.fix.kind === 'remove') {
    return {
      transform: 'params',
      description: `remove \`${property.key}\`${ignored ? ' (it has no effect)' : ''}`,
      edits: [removePropertyEdit(text, args, property)],
      safe: false,
    };
  }
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `valid-model` and `prefer-deepseek-reasoning-effort`: the model a call names, and the thinking mode it needs. */
import type { LinkedCall } from '../analysis/project/project-index.js';
import { propertyOf } from '../analysis/values.js';
import { findModel, mapReasoningEffort, noEquivalentFor } from '../compat/index.js';
import type { Edit } from '../edits/edit.js';
import { quote } from '../edits/layout.js';
import { finding, type FindingContext } from './context.js';
import { thinkingEdit } from './thinking-edit.js';
import { describeTarget, type CallTarget } from './target.js';
import type { Finding } from './types.js';

export function modelFindings(call: LinkedCall, target: CallTarget, ctx: FindingContext): Finding[] {
  const fromEnv = envModelNote(call, target);
  if (!target.written) return fromEnv;
  return [...fromEnv, ...writtenModelFindings(call, target, ctx)];
}

/**
 * A model read from an env variable runs as whatever deployments set: the code's default can be
 * migrated, the deployed value cannot. A note (not a marker): the report names the variable to set.
 */
function envModelNote(call: LinkedCall, target: CallTarget): Finding[] {
  const shape = target.modelShape;
  if (shape?.kind !== 'env') return [];
  const fallback = target.written ? ` (its default '${target.written.value}' is in the code)` : '';
  return [
    finding({
      rule: 'model-from-env',
      severity: 'info',
      file: shape.span.file,
      span: shape.span,
      statementSpan: call.statementSpan,
      statementFile: call.file,
      message: `The model comes from ${shape.name}${fallback}: set ${shape.name} to a DeepSeek model (deepseek-flash or deepseek-v4-pro) wherever it is configured.`,
      manual: false,
    }),
  ];
}

function writtenModelFindings(call: LinkedCall, target: CallTarget, ctx: FindingContext): Finding[] {
  const { written, mapping } = target;
  if (!written) return [];
  const at = written.shape.span;
  const base = { rule: 'valid-model' as const, file: at.file, span: at, statementSpan: call.statementSpan, statementFile: call.file };
  const known = findModel(written.value);
  if (mapping) {
    const edits: Edit[] = [{ file: at.file, start: at.start, end: at.end, text: quote(mapping.model, written.shape.quote) }];
    const thinking = mapping.thinking === 'non-thinking' && !target.explicitThinking ? thinkingEdit(call, ctx) : null;
    if (thinking) edits.push(thinking);
    const why = known
      ? known.status === 'legacy-alias'
        ? `'${written.value}' is a legacy DeepSeek name (still served by ${known.successor?.model ?? 'a current model'})`
        : known.status === 'retired'
          ? `'${written.value}' was retired on ${known.retiredOn ?? 'an earlier date'}: DeepSeek answers 400`
          : `'${written.value}' never existed on DeepSeek's API: it answers 400 \`Model Not Exist\``
      : `'${written.value}' is not a DeepSeek model: DeepSeek answers 400 \`Model Not Exist\``;
    const mode = mapping.thinking === 'non-thinking' ? ' with thinking disabled' : '';
    return [
      finding({
        ...base,
        severity: known?.status === 'legacy-alias' ? 'warning' : 'error',
        message: `${why}. Use '${mapping.model}'${mode} (${mapping.reason}).`,
        fix: {
          transform: 'models',
          description: `model '${written.value}' → '${mapping.model}'${mode}`,
          edits,
          safe: false,
        },
      }),
    ];
  }
  if (known?.status === 'current') return [];
  const noEquivalent = noEquivalentFor(written.value);
  const message = noEquivalent
    ? `'${written.value}' has no DeepSeek equivalent (${noEquivalent.reason}).`
    : call.client?.provider === 'azure'
      ? `'${written.value}' looks like an Azure deployment name, not a DeepSeek model: choose deepseek-flash or deepseek-v4-pro.`
      : `'${written.value}' is not a DeepSeek model and ds-migrate has no mapping for it: choose deepseek-flash or deepseek-v4-pro (or pass --model-map ${written.value}=<model>).`;
  return [finding({ ...base, message })];
}

/** DeepSeek maps OpenAI's effort values itself; writing its own value says what actually runs. */
export function reasoningEffortFindings(call: LinkedCall, target: CallTarget): Finding[] {
  if (target.mode !== 'thinking') return [];
  const property = propertyOf(call.resolvedArgs, 'reasoning_effort');
  const value = property?.value;
  if (value?.kind !== 'string') return [];
  const mapped = mapReasoningEffort(value.value);
  if (!mapped || mapped === value.value) return [];
  return [
    finding({
      rule: 'prefer-deepseek-reasoning-effort',
      severity: 'info',
      file: value.span.file,
      span: value.span,
      statementSpan: call.statementSpan,
          statementFile: call.file,
      message: `reasoning_effort '${value.value}' runs as '${mapped}' on ${describeTarget(target)}: write '${mapped}'.`,
      fix: {
        transform: 'models',
        description: `reasoning_effort '${value.value}' → '${mapped}'`,
        edits: [{ file: value.span.file, start: value.span.start, end: value.span.end, text: quote(mapped, value.quote) }],
        safe: true,
      },
    }),
  ];
}

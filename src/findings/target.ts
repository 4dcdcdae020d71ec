/**
 * What a call will run as on DeepSeek: the model (after the model map) and the thinking mode. Params
 * are judged against this, so a `gpt-4o` call (mapped to deepseek-flash with thinking disabled) keeps
 * its `temperature`, while a call left in thinking mode loses it.
 */
import type { ValueShape } from '../analysis/types.js';
import { findModel, mapModel, type ModelMapping, type ThinkingMode } from '../compat/index.js';
import { propertyOf } from '../analysis/values.js';
import { stringOf } from './static-value.js';
import type { TargetSettings } from './types.js';

export type Mode = ThinkingMode | 'either';

export interface CallTarget {
  /** The DeepSeek model the call runs on after migration; null when not statically known. */
  readonly model: string | null;
  readonly mode: Mode;
  /** The model as the code writes it, when statically known. */
  readonly written: { readonly value: string; readonly shape: Extract<ValueShape, { kind: 'string' }> } | null;
  /** The model value as traced (a string, an env read, unknown). */
  readonly modelShape: ValueShape | null;
  /** Set when the written model must change: the mapping to apply. */
  readonly mapping: ModelMapping | null;
  /** The request already says `thinking: { type: ... }`. */
  readonly explicitThinking: boolean;
}

export function callTarget(args: ValueShape | null, settings: TargetSettings): CallTarget {
  const modelShape = propertyOf(args, 'model')?.value ?? null;
  const written = stringOf(modelShape);
  const thinking = explicitThinking(args);

  let model: string | null = null;
  let mapping: ModelMapping | null = null;
  let mappedMode: ThinkingMode | null = null;
  if (written) {
    const known = findModel(written.value);
    mapping = mapModel(written.value, settings.modelMap) ?? null;
    if (mapping) {
      model = mapping.model;
      mappedMode = mapping.thinking;
    } else if (known?.status === 'current') {
      model = known.id;
    }
  } else if (settings.model) {
    model = settings.model;
  }

  let mode: Mode;
  if (thinking) mode = thinking;
  else if (mappedMode) mode = mappedMode;
  else if (settings.thinking) mode = settings.thinking;
  else if (model) mode = findModel(model)?.defaultThinking ?? 'thinking';
  else mode = 'either';

  return { model, mode, written, modelShape, mapping, explicitThinking: thinking !== null };
}

/** `thinking: { type: 'disabled' }` in the request, also in the `...{ thinking: ... }` form the codemod writes. */
function explicitThinking(args: ValueShape | null): ThinkingMode | null {
  const type = propertyOf(propertyOf(args, 'thinking')?.value, 'type')?.value;
  if (type?.kind !== 'string') return null;
  if (type.value === 'disabled') return 'non-thinking';
  if (type.value === 'enabled') return 'thinking';
  return null;
}

/** "deepseek-flash in thinking mode", "deepseek-flash in either mode", "DeepSeek in thinking mode". */
export function describeTarget(target: { model: string | null; mode: Mode }): string {
  const model = target.model ?? 'DeepSeek';
  if (target.mode === 'either') return `${model} (either thinking mode)`;
  return `${model} in ${target.mode} mode`;
}

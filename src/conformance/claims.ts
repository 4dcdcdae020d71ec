/**
 * What the compat data claims DeepSeek does with one feature of a request: a parameter value in a
 * mode, a role, a content part, a model id, and the few rules that are not per-field (JSON mode's
 * "json" word, reasoning_content passback). The probe generator turns claims into probes; the
 * emulator obeys them. One interpretation of the data, shared, so the two cannot drift apart.
 */
import {
  COMPAT,
  JSON_WORD_REQUIRED_ERROR,
  contentPart,
  findModel,
  isServedModel,
  paramVerdict,
  roleEntry,
  type CompatData,
  type ParamStatus,
  type StaticValue,
  type ThinkingMode,
} from '../compat/index.js';
import {
  JSON_WORD_REF,
  modelRef,
  paramRef,
  partRef,
  passbackRef,
  roleRef,
  type DataRef,
  type PassbackCase,
} from './data-refs.js';

export interface Claim extends DataRef {
  readonly status: ParamStatus;
  /** The exact error text the data says DeepSeek answers with, when rejected and known. */
  readonly error?: string;
  /** A name for messages: `temperature`, `'required'`, `role developer`. */
  readonly label: string;
  readonly note: string;
}

export function paramClaim(
  name: string,
  value: StaticValue | undefined,
  mode: ThinkingMode,
  data: CompatData = COMPAT,
): Claim | undefined {
  const verdict = paramVerdict(name, value, mode, data);
  if (!verdict) return undefined;
  const ref = paramRef(name, mode, verdict.rule?.label);
  return {
    ...ref,
    status: verdict.status,
    error: verdict.error,
    label: verdict.rule ? `${name} ${verdict.rule.label}` : name,
    note: verdict.note,
  };
}

/**
 * A message role. A role the data does not list is outside DeepSeek's role enum, so its status is
 * `unknown` (the enum is strict, but nobody has recorded the answer).
 */
export function roleClaim(role: string, data: CompatData = COMPAT): Claim {
  const entry = roleEntry(role, data);
  return {
    ...roleRef(role),
    status: entry?.status ?? 'unknown',
    error: entry?.status === 'rejected' ? entry.error : undefined,
    label: `role ${role}`,
    note: entry?.note ?? `The data does not list the role "${role}".`,
  };
}

/**
 * A content part of `type` in a `role` message sent to `model`. Parts the data allows are supported;
 * in a role the data does not allow, they are rejected (only user content may be an array); on a
 * model the data does not list for them, what happens is unknown (the data says so for images on
 * deepseek-v4-pro). Undefined for a type the data does not know.
 */
export function partClaim(type: string, role: string, model: string, data: CompatData = COMPAT): Claim | undefined {
  const part = contentPart(type, data);
  if (!part) return undefined;
  // The model matters only for a part that some models take; a rejected part is rejected everywhere.
  const perModel = part.status === 'supported' && part.models !== 'all';
  const ref = partRef(type, role, perModel ? model : undefined);
  const base = { ...ref, label: `${type} part in ${article(role)} ${role} message`, note: part.note };
  if (part.status !== 'supported') return { ...base, status: part.status, error: part.error };
  if (!part.roles.includes(role)) return { ...base, status: 'rejected', error: part.error };
  const modelOk = part.models === 'all' ? isServedModel(model, data) : part.models.includes(model);
  return modelOk ? { ...base, status: 'supported' } : { ...base, status: 'unknown' };
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

const MODEL_NOT_EXIST = (data: CompatData): string | undefined =>
  data.models.find((m) => m.status === 'never-existed' && m.error !== undefined)?.error;

/** A model id: served ids are supported; retired, never-existed and unlisted ones are rejected. */
export function modelClaim(id: string, data: CompatData = COMPAT): Claim {
  const model = findModel(id, data);
  const ref = modelRef(id, model !== undefined);
  if (!model) {
    return {
      ...ref,
      status: 'rejected',
      error: MODEL_NOT_EXIST(data),
      label: `model ${id}`,
      note: 'Not a DeepSeek model id: any other name fails with 400 Model Not Exist.',
    };
  }
  const served = model.status === 'current' || model.status === 'legacy-alias';
  return {
    ...ref,
    status: served ? 'supported' : 'rejected',
    error: served ? undefined : model.error,
    label: `model ${id} (${model.status})`,
    note: model.note ?? `${id} is ${model.status}.`,
  };
}

/** JSON mode without the word "json" anywhere in the prompt (reference §5, §12 #6). */
export function jsonWordClaim(): Claim {
  return {
    ...JSON_WORD_REF,
    status: 'rejected',
    error: JSON_WORD_REQUIRED_ERROR,
    label: "json_object without 'json' in the prompt",
    note: "JSON mode needs the word 'json' in the system or user prompt, or the call fails with 400.",
  };
}

/** The V4 passback error text, taken from the error-message data (the current, non-historical one). */
export function passbackError(data: CompatData = COMPAT): string | undefined {
  return data.errorMessages.find((e) => !e.historical && /reasoning_content.*passed back/.test(e.message))?.message;
}

/**
 * reasoning_content on earlier assistant turns, in thinking mode (reference §3): with tools, a turn
 * without it is rejected and an empty string is accepted as a placeholder; without tools it is ignored.
 */
export function passbackClaim(kind: PassbackCase, data: CompatData = COMPAT): Claim {
  const ref = passbackRef(kind);
  switch (kind) {
    case 'tools-missing':
      return {
        ...ref,
        status: 'rejected',
        error: passbackError(data),
        label: 'an assistant turn without reasoning_content, with tools, in thinking mode',
        note: 'With tools in thinking mode, every assistant turn must carry its reasoning_content, or the call fails with 400.',
      };
    case 'tools-placeholder':
      return {
        ...ref,
        status: 'supported',
        label: 'reasoning_content: "" as a placeholder, with tools, in thinking mode',
        note: 'An empty string is accepted where a turn had no reasoning (what the Vercel AI SDK sends).',
      };
    case 'no-tools':
      return {
        ...ref,
        status: 'ignored',
        label: 'reasoning_content passed back without tools',
        note: 'Without tools, reasoning_content on earlier turns is ignored.',
      };
  }
}

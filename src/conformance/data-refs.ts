/**
 * Names for the compat-data claims the conformance check tests. Each claim has two names:
 * - `id`: short and shell-friendly (`param:tool_choice=required:thinking`), used to select probes and
 *   by the emulator's `contradict:<id>` fault;
 * - `ref`: where a person fixes the data (`src/compat/chat-params.ts › tool_choice › 'required' › thinking`).
 * The emulator and the probe generator both build ids here, so a fault always hits exactly the probe
 * that tests the same claim.
 */
import type { ThinkingMode } from '../compat/index.js';

export interface DataRef {
  readonly id: string;
  readonly ref: string;
}

/** A value rule's label as an id segment: `'required'` → `required`, `n > 1` → `n-gt-1`. */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/>/g, '-gt-')
    .replace(/</g, '-lt-')
    .replace(/=/g, '-eq-')
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** A chat parameter's claim in one mode; `ruleLabel` when a value rule decided it. */
export function paramRef(name: string, mode: ThinkingMode, ruleLabel?: string): DataRef {
  // Labels often repeat the name (`n > 1`, `parallel_tool_calls: true`): the id says it once.
  const value = ruleLabel === undefined ? '' : slug(ruleLabel).replace(new RegExp(`^${slug(name)}-`), '');
  const rule = ruleLabel === undefined ? '' : `=${value}`;
  const refRule = ruleLabel === undefined ? '' : ` › ${ruleLabel}`;
  return { id: `param:${name}${rule}:${mode}`, ref: `src/compat/chat-params.ts › ${name}${refRule} › ${mode}` };
}

export function roleRef(role: string): DataRef {
  return { id: `role:${role}`, ref: `src/compat/messages.ts › ROLES › ${role}` };
}

/** A model id; ids the data does not list are judged by the `model` param's note ("any other name fails"). */
export function modelRef(id: string, listed: boolean): DataRef {
  return listed
    ? { id: `model:${id}`, ref: `src/compat/models.ts › ${id}` }
    : { id: 'model:unlisted', ref: 'src/compat/chat-params.ts › model (any other name fails with 400 Model Not Exist)' };
}

/** A content part in a message of `role`; `model` only for parts limited to some models. */
export function partRef(type: string, role: string, model?: string): DataRef {
  const where = model === undefined ? role : `${role}/${model}`;
  const a = /^[aeiou]/.test(role) ? 'an' : 'a';
  const refWhere = model === undefined ? `in ${a} ${role} message` : `in ${a} ${role} message to ${model}`;
  return { id: `part:${type}@${where}`, ref: `src/compat/messages.ts › CONTENT_PARTS › ${type} (${refWhere})` };
}

/** Claims about `reasoning_content` passed back on assistant turns (reference §3). */
export type PassbackCase = 'tools-missing' | 'tools-placeholder' | 'no-tools';

export function passbackRef(kind: PassbackCase): DataRef {
  return {
    id: `extension:reasoning_content:${kind}`,
    ref: 'src/compat/chat-params.ts › EXTENSION_PARAMS › reasoning_content',
  };
}

/** JSON mode needs the word "json" in the prompt. */
export const JSON_WORD_REF: DataRef = {
  id: 'param:response_format=json_object:json-word',
  ref: 'src/compat/chat-params.ts › response_format › json_object (the prompt must contain "json")',
};

/** The `/v1` alias of the base URL works. */
export const V1_ALIAS_REF: DataRef = {
  id: 'base-url:v1',
  ref: 'src/compat/connection.ts › BASE_URLS › https://api.deepseek.com/v1',
};

/** `GET /models` lists exactly the current models. */
export const MODELS_LIST_REF: DataRef = {
  id: 'endpoint:models.list',
  ref: 'src/compat/models.ts (current models) and src/compat/endpoints.ts › models',
};

/** `GET /models/{id}`: the data does not know whether it is served. */
export const MODELS_RETRIEVE_REF: DataRef = {
  id: 'endpoint:models.retrieve',
  ref: 'src/compat/endpoints.ts › models › unknownMethods',
};

/** A not-served endpoint answers with an error. */
export function notServedRef(path: string): DataRef {
  return { id: `endpoint:${path}`, ref: `src/compat/endpoints.ts › ${path}` };
}

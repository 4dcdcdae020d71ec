/**
 * A call site's feature profile: what it will send to DeepSeek after migration (the model and mode
 * from `callTarget`), which parameters, streaming or not, tools, response_format, the roles of its
 * messages. Call sites with the same profile are probed once. Pure: works on the analysis records.
 *
 * The probe body keeps the call's parameters as written (so a rejected one shows up), with statically
 * known values where the code has them and a sample value otherwise, and always a small output cap.
 */
import type { PropertyShape, ValueShape } from '../../analysis/types.js';
import { findModel, paramVerdict, type ThinkingMode } from '../../compat/index.js';
import { partialValueOf, staticValueOf } from '../../findings/static-value.js';
import { PARAM_SAMPLES } from '../catalog/samples.js';
import { JSON_PROMPT, PROBE_MAX_TOKENS, ROOMY_MAX_TOKENS, SYSTEM_PROMPT, USER_PROMPT, WEATHER_TOOL, thinkingField } from '../catalog/shared.js';

export type ProbedEndpoint = 'chat.completions' | 'responses' | 'completions';

export interface Profile {
  /** Equal keys, equal probes. */
  readonly key: string;
  readonly endpoint: ProbedEndpoint;
  readonly model: string;
  readonly mode: ThinkingMode;
  readonly streaming: boolean;
  /** Parameters as labels (`temperature`, `tool_choice='required'`, `n > 1`), then the roles when not only user. */
  readonly features: readonly string[];
  readonly body: Record<string, unknown>;
  /** What the probe sends differently from the code, and why. */
  readonly notes: readonly string[];
  /** Tool names sent, for validating tool calls. */
  readonly toolNames: readonly string[];
  readonly json: boolean;
}

export interface CallFacts {
  readonly endpoint: string;
  readonly method: string;
  readonly args: ValueShape | null;
  /** After migration (callTarget), with the run's default model filled in. */
  readonly model: string;
  readonly mode: ThinkingMode | 'either';
}

/** Set by the probe itself, never taken from the code. */
const CONTROLLED = new Set(['model', 'messages', 'stream', 'stream_options', 'thinking', 'max_tokens', 'max_completion_tokens', 'input', 'prompt', 'suffix', 'max_output_tokens', 'reasoning']);

const properties = (args: ValueShape | null): readonly PropertyShape[] => (args?.kind === 'object' ? args.properties : []);

/** Which endpoint a call is probed on; null for calls the check does not send (side effects, not served). */
export function probedEndpoint(endpoint: string, method: string): ProbedEndpoint | null {
  if (endpoint === 'chat.completions' && ['create', 'stream', 'parse', 'runTools'].includes(method)) return 'chat.completions';
  if (endpoint === 'beta.chat.completions' && ['stream', 'parse', 'runTools'].includes(method)) return 'chat.completions';
  if (endpoint === 'responses' && ['create', 'stream', 'parse'].includes(method)) return 'responses';
  if (endpoint === 'completions' && method === 'create') return 'completions';
  return null;
}

function messageFacts(args: ValueShape | null): { roles: string[]; jsonWord: boolean | null } {
  const shape = properties(args).find((p) => p.key === 'messages')?.value;
  if (!shape || shape.kind !== 'array' || shape.hasSpread) return { roles: ['user'], jsonWord: null };
  const roles: string[] = [];
  let json = false;
  let allKnown = true;
  for (const element of shape.elements) {
    if (element.kind !== 'object') {
      allKnown = false;
      continue;
    }
    const role = element.properties.find((p) => p.key === 'role')?.value;
    roles.push(role?.kind === 'string' ? role.value : 'user');
    const content = element.properties.find((p) => p.key === 'content')?.value;
    const text = content ? staticValueOf(content) : undefined;
    if (text === undefined) allKnown = false;
    else if (/json/i.test(JSON.stringify(text))) json = true;
  }
  return { roles: roles.length > 0 ? roles : ['user'], jsonWord: json ? true : allKnown ? false : null };
}

function sampleFor(name: string): unknown {
  const entry = PARAM_SAMPLES[name];
  return entry && 'samples' in entry ? entry.samples[0]?.value : undefined;
}

function chatMessages(roles: readonly string[], json: boolean): Record<string, unknown>[] {
  const user = json ? `${USER_PROMPT}. Answer in json: {"answer": "ok"}` : USER_PROMPT;
  const out: Record<string, unknown>[] = [];
  for (const role of roles) {
    if (role === 'user') out.push({ role, content: user });
    else if (role === 'assistant') out.push({ role, content: 'ok' });
    else if (role === 'tool' || role === 'function') continue; // needs a tool call before it: not reproduced
    else out.push({ role, content: SYSTEM_PROMPT });
  }
  if (out.length === 0 || out[out.length - 1].role !== 'user') out.push({ role: 'user', content: user });
  return out;
}

export function profileOf(call: CallFacts): Profile | null {
  const endpoint = probedEndpoint(call.endpoint, call.method);
  if (!endpoint) return null;
  const model = call.model;
  const mode: ThinkingMode = call.mode === 'either' ? (findModel(model)?.defaultThinking ?? 'thinking') : call.mode;
  const props = properties(call.args);
  const notes: string[] = [];
  if (call.mode === 'either') notes.push(`the thinking mode is not known statically: probed in ${mode} mode, ${model}'s default`);
  if (call.args?.kind === 'object' && call.args.hasSpread) notes.push('the params object has a spread: only the fields written out are probed');
  if (call.args && call.args.kind !== 'object') notes.push('the params are not an object literal: probed with a plain request');

  const cap = mode === 'thinking' ? ROOMY_MAX_TOKENS : PROBE_MAX_TOKENS;
  const streamProp = props.find((p) => p.key === 'stream');
  const streaming = call.method === 'stream' || (streamProp !== undefined && staticValueOf(streamProp.value) !== false);
  const features: string[] = [];
  const params: Record<string, unknown> = {};
  let toolNames: string[] = [];
  let json = false;

  for (const property of props) {
    if (CONTROLLED.has(property.key)) {
      if (property.key === 'max_tokens' || property.key === 'max_completion_tokens') {
        features.push(property.key);
        params[property.key] = cap;
        if (property.key === 'max_completion_tokens') notes.push(`max_completion_tokens sent as ${cap} (a small cap; the code's value does not matter to the verdict)`);
      }
      continue;
    }
    const partial = partialValueOf(property.value);
    const verdict = endpoint === 'chat.completions' ? paramVerdict(property.key, partial, mode) : undefined;
    const label = verdict?.rule?.label;
    features.push(label === undefined ? property.key : label.startsWith(property.key) ? label : `${property.key}=${label}`);
    let value: unknown = staticValueOf(property.value);
    if (value === undefined) {
      value = property.key === 'tools' ? [WEATHER_TOOL] : sampleFor(property.key);
      if (value === undefined) {
        notes.push(`${property.key}: its value is not known statically and there is no sample: not sent`);
        continue;
      }
      notes.push(`${property.key}: its value is not known statically: a sample value was sent`);
    }
    params[property.key] = value;
  }
  if (call.method === 'runTools' && params.tools === undefined) {
    params.tools = [WEATHER_TOOL];
    features.push('tools');
    notes.push('runTools: its tools are functions in the code: a sample tool was sent');
  }
  if (Array.isArray(params.tools)) {
    toolNames = (params.tools as { function?: { name?: unknown } }[]).map((t) => String(t?.function?.name ?? ''));
    const choice = params.tool_choice as { function?: { name?: unknown } } | undefined;
    const named = typeof choice === 'object' && choice !== null ? choice.function?.name : undefined;
    if (typeof named === 'string' && !toolNames.includes(named)) params.tool_choice = { type: 'function', function: { name: toolNames[0] } };
  }
  const format = params.response_format as { type?: unknown } | undefined;
  json = typeof format === 'object' && format !== null && format.type === 'json_object';

  let body: Record<string, unknown>;
  let jsonWord: boolean | null = null;
  let roles: string[] = [];
  if (endpoint === 'chat.completions') {
    const facts = messageFacts(call.args);
    roles = facts.roles;
    jsonWord = facts.jsonWord;
    if (json && jsonWord === null) notes.push("the prompt is not known statically: assumed to contain 'json'");
    const withJsonWord = json && jsonWord !== false;
    body = { model, ...thinkingField(mode), messages: chatMessages(roles, withJsonWord), max_tokens: cap, ...params };
    if (streaming) {
      body.stream = true;
      body.stream_options = { include_usage: true };
    }
  } else if (endpoint === 'responses') {
    body = { model, input: json ? JSON_PROMPT : USER_PROMPT, max_output_tokens: cap, ...params };
    if (mode === 'non-thinking') body.reasoning = { effort: 'none' };
    if (streaming) body.stream = true;
  } else {
    body = { model, prompt: 'function add(a, b) {\n  return', suffix: '\n}', max_tokens: PROBE_MAX_TOKENS, ...params };
  }

  const key = JSON.stringify({ endpoint, model, mode, streaming, features: [...features].sort(), roles, jsonWord });
  // Roles are part of the profile (a developer message is rejected): shown when there is more than a user.
  if (roles.some((role) => role !== 'user')) features.push(`roles ${roles.join(', ')}`);
  return { key, endpoint, model, mode, streaming, features, body, notes, toolNames, json };
}

/**
 * The building blocks probes share: tiny prompts, a sample tool, request bodies with a small output
 * cap, and the plumbing of a probe that sends fixed requests and judges the answers.
 */
import type { ThinkingMode } from '../../compat/index.js';
import type { HttpResult, PlannedRequest, Probe, ProbeContext, ProbeOutcome } from '../types.js';

/** Output cap of a plain probe: enough for a word, cheap on every model. */
export const PROBE_MAX_TOKENS = 16;
/** Output cap where reasoning or tool arguments must fit before anything is checked. */
export const ROOMY_MAX_TOKENS = 64;

export const USER_PROMPT = 'Reply with the single word: ok';
export const JSON_PROMPT = 'Reply in json: {"answer": "ok"}';
export const SYSTEM_PROMPT = 'You answer in one word.';

export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  },
} as const;

/** The legacy `functions` form of the same tool. */
export const WEATHER_FUNCTION = WEATHER_TOOL.function;

export const thinkingField = (mode: ThinkingMode) => ({ thinking: { type: mode === 'thinking' ? 'enabled' : 'disabled' } });

/** A chat body: model, explicit thinking mode, one user message, a small cap; `extra` overrides. */
export function chatBody(model: string, mode: ThinkingMode, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model,
    ...thinkingField(mode),
    messages: [{ role: 'user', content: USER_PROMPT }],
    max_tokens: mode === 'thinking' ? ROOMY_MAX_TOKENS : PROBE_MAX_TOKENS,
    ...extra,
  };
}

/** A conversation where the assistant called the weather tool and the tool answered. */
export function toolHistory(reasoning?: string): Record<string, unknown>[] {
  const assistant: Record<string, unknown> = {
    role: 'assistant',
    content: '',
    tool_calls: [{ id: 'call_probe_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
  };
  if (reasoning !== undefined) assistant.reasoning_content = reasoning;
  return [
    { role: 'user', content: 'What is the weather in Paris? Use the tool.' },
    assistant,
    { role: 'tool', tool_call_id: 'call_probe_1', content: '{"temperature_c": 18}' },
  ];
}

export const post = (path: string, body: Record<string, unknown>, extra: Partial<PlannedRequest> = {}): PlannedRequest => ({
  method: 'POST',
  base: 'api',
  path,
  body,
  via: 'fetch',
  ...extra,
});

export const get = (path: string, extra: Partial<PlannedRequest> = {}): PlannedRequest => ({ method: 'GET', base: 'api', path, via: 'fetch', ...extra });

export type ProbeSpec = Omit<Probe, 'run'>;

/** A probe that sends its planned requests one after the other with raw fetch, then judges the results. */
export function fixedProbe(spec: ProbeSpec, judge: (results: readonly HttpResult[]) => ProbeOutcome): Probe {
  return {
    ...spec,
    async run(ctx: ProbeContext) {
      const results: HttpResult[] = [];
      for (const request of spec.requests) results.push(await ctx.send(request));
      return judge(results);
    },
  };
}

/** `id` or `id@model` when a run covers several models. */
export const probeId = (id: string, model: string, suffix: boolean) => (suffix ? `${id}@${model}` : id);

/**
 * The key of the bad-key probes: obviously not a key, so any endpoint answers 401. It starts with
 * `sk-invalid`, the prefix the local emulator refuses.
 */
export const INVALID_API_KEY = 'sk-invalid-ds-migrate-conformance-probe';

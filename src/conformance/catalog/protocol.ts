/**
 * Protocol probes: raw HTTP and a strict SSE parser, so what is checked is the wire itself, not what
 * an SDK makes of it. Per model: chat in both modes, streaming framing, tools, JSON mode, FIM, prefix
 * completion, Responses. Once per run: the models list, the balance, error bodies.
 */
import { COMPAT } from '../../compat/index.js';
import { describeStatus, fail, jsonAnswer, okJson, streamText, verdictOf } from '../judge.js';
import type { Probe } from '../types.js';
import { completionProblems, errorEnvelopeProblems, streamProblems } from '../validate/chat.js';
import { fimProblems, modelsListProblems, responseProblems, responseStreamProblems } from '../validate/other.js';
import {
  JSON_PROMPT,
  PROBE_MAX_TOKENS,
  ROOMY_MAX_TOKENS,
  USER_PROMPT,
  WEATHER_TOOL,
  chatBody,
  fixedProbe,
  get,
  post,
  probeId,
  toolHistory,
} from './shared.js';

/** A model name no one will ever serve. */
export const UNLISTED_MODEL = 'ds-migrate-no-such-model';

const TOOL_NAMES = [WEATHER_TOOL.function.name];

/** Probes that do not depend on the model. */
export function protocolRunProbes(models: readonly string[]): Probe[] {
  return [
    fixedProbe(
      {
        id: 'protocol.models.list',
        group: 'models',
        level: 'protocol',
        title: 'GET /models lists the models under test',
        expectation: `200 with {object: "list", data: [{id, object: "model", owned_by}]}, listing ${models.join(', ')}`,
        requests: [get('/models')],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        const { problems, ids } = modelsListProblems(answer.json);
        for (const model of models) if (!ids.includes(model)) problems.push(`the list does not include ${model}`);
        return verdictOf(problems, `lists ${ids.join(', ')}`);
      },
    ),
    fixedProbe(
      {
        id: 'protocol.balance',
        group: 'account',
        level: 'protocol',
        title: 'GET /user/balance answers',
        expectation: '200 with {is_available: boolean, balance_infos: [...]}',
        requests: [get('/user/balance')],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        const body = answer.json as Record<string, unknown>;
        const problems: string[] = [];
        if (typeof body?.is_available !== 'boolean') problems.push('is_available is not a boolean');
        if (!Array.isArray(body?.balance_infos)) problems.push('balance_infos is not an array');
        return verdictOf(problems, `is_available: ${String(body?.is_available)}`);
      },
    ),
    fixedProbe(
      {
        id: 'protocol.errors.bad-key',
        group: 'errors',
        level: 'protocol',
        title: 'A wrong API key gets 401 with an error envelope',
        expectation: '401 with {"error": {"message", "type", ...}}',
        requests: [post('/chat/completions', chatBody(models[0], 'non-thinking'), { key: 'invalid', note: 'with a deliberately invalid key' })],
      },
      ([result]) => {
        const answer = jsonAnswer(result);
        if (!answer.ok) return answer.outcome;
        if (answer.status !== 401) return fail(`expected HTTP 401, got ${describeStatus(answer.status, answer.json)}`);
        return verdictOf(errorEnvelopeProblems(answer.json), describeStatus(answer.status, answer.json));
      },
    ),
    fixedProbe(
      {
        id: 'protocol.errors.unknown-model',
        group: 'errors',
        level: 'protocol',
        title: 'An unknown model gets 400 with an error envelope',
        expectation: '400 with {"error": {"message", "type", ...}}',
        requests: [post('/chat/completions', chatBody(UNLISTED_MODEL, 'non-thinking'))],
      },
      ([result]) => {
        const answer = jsonAnswer(result);
        if (!answer.ok) return answer.outcome;
        if (answer.status !== 400) return fail(`expected HTTP 400, got ${describeStatus(answer.status, answer.json)}`);
        const details: string[] = [];
        const example = COMPAT.errors.find((e) => e.status === 400)?.exampleBody;
        if (example && JSON.stringify(answer.json) === JSON.stringify(JSON.parse(example))) details.push('the body is exactly the documented example');
        return verdictOf(errorEnvelopeProblems(answer.json), describeStatus(answer.status, answer.json), details);
      },
    ),
  ];
}

/** Probes of one model. `suffix`: add `@model` to ids (several models in one run). */
export function protocolModelProbes(model: string, suffix: boolean): Probe[] {
  const id = (name: string) => probeId(name, model, suffix);
  const streamBody = (mode: 'thinking' | 'non-thinking') => chatBody(model, mode, { stream: true, stream_options: { include_usage: true } });
  const forced = { tools: [WEATHER_TOOL], tool_choice: 'required', messages: [{ role: 'user', content: 'What is the weather in Paris?' }], max_tokens: ROOMY_MAX_TOKENS };
  return [
    ...(['non-thinking', 'thinking'] as const).map((mode) =>
      fixedProbe(
        {
          id: id(`protocol.chat.${mode}`),
          group: 'chat',
          level: 'protocol',
          title: `Chat completion in ${mode} mode`,
          expectation:
            mode === 'thinking'
              ? '200, a chat.completion with message.reasoning_content and consistent usage'
              : '200, a chat.completion without reasoning_content and with consistent usage',
          model,
          mode,
          requests: [post('/chat/completions', chatBody(model, mode))],
        },
        ([result]) => {
          const answer = okJson(result);
          if (!answer.ok) return answer.outcome;
          return verdictOf(completionProblems(answer.json, { mode }), 'a well-formed chat.completion');
        },
      ),
    ),
    ...(['non-thinking', 'thinking'] as const).map((mode) =>
      fixedProbe(
        {
          id: id(`protocol.stream.${mode}`),
          group: 'streaming',
          level: 'protocol',
          title: `Streaming in ${mode} mode, with include_usage`,
          expectation:
            'text/event-stream of data: lines (keep-alive comments tolerated), one id, exactly one finish_reason on the last chunk, usage on that chunk (DeepSeek puts it there, not on an extra chunk), data: [DONE] last' +
            (mode === 'thinking' ? '; reasoning_content deltas before content' : ''),
          model,
          mode,
          requests: [post('/chat/completions', streamBody(mode))],
        },
        ([result]) => {
          const text = streamText(result);
          if (typeof text !== 'string') return text;
          const check = streamProblems(text, { mode, includeUsage: true });
          const s = check.summary;
          return verdictOf(check.problems, `${s.chunks} chunks, finish_reason ${s.finishReason}, usage on the last chunk`, [`keep-alive comments: ${s.keepAlives}`]);
        },
      ),
    ),
    fixedProbe(
      {
        id: id('protocol.tools.required'),
        group: 'tools',
        level: 'protocol',
        title: "tool_choice 'required' in non-thinking mode returns a tool call",
        expectation: 'finish_reason tool_calls, tool_calls[0] names get_weather with JSON-object arguments',
        model,
        mode: 'non-thinking',
        requests: [post('/chat/completions', chatBody(model, 'non-thinking', forced))],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(completionProblems(answer.json, { mode: 'non-thinking', toolNames: TOOL_NAMES, expectToolCall: true }), 'a well-formed tool call');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.tools.stream'),
        group: 'tools',
        level: 'protocol',
        title: 'Streamed tool call deltas assemble into a tool call',
        expectation: 'tool_calls deltas with an index; id, name and arguments assemble into valid JSON',
        model,
        mode: 'non-thinking',
        requests: [post('/chat/completions', chatBody(model, 'non-thinking', { ...forced, stream: true, stream_options: { include_usage: true } }))],
      },
      ([result]) => {
        const text = streamText(result);
        if (typeof text !== 'string') return text;
        const check = streamProblems(text, { mode: 'non-thinking', includeUsage: true, toolNames: TOOL_NAMES, expectToolCall: true });
        return verdictOf(check.problems, `a streamed tool call in ${check.summary.chunks} chunks`);
      },
    ),
    fixedProbe(
      {
        id: id('protocol.tools.thinking'),
        group: 'tools',
        level: 'protocol',
        title: 'Tools without tool_choice in thinking mode',
        expectation: '200; any tool call is well-formed (thinking mode takes tools since V3.2; the model decides whether to call)',
        model,
        mode: 'thinking',
        requests: [post('/chat/completions', chatBody(model, 'thinking', { tools: [WEATHER_TOOL], messages: forced.messages }))],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(completionProblems(answer.json, { mode: 'thinking', toolNames: TOOL_NAMES }), 'accepted, well-formed');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.tools.result'),
        group: 'tools',
        level: 'protocol',
        title: 'A tool result is answered in text (non-thinking)',
        expectation: '200 after user → assistant tool_calls → tool message; a well-formed chat.completion',
        model,
        mode: 'non-thinking',
        requests: [post('/chat/completions', chatBody(model, 'non-thinking', { tools: [WEATHER_TOOL], messages: toolHistory() }))],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(completionProblems(answer.json, { mode: 'non-thinking', toolNames: TOOL_NAMES }), 'the tool result was taken');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.json.object'),
        group: 'json',
        level: 'protocol',
        title: "JSON mode (json_object) with 'json' in the prompt",
        expectation: '200; content is a JSON object (or empty, which DeepSeek allows, or cut by max_tokens)',
        model,
        mode: 'non-thinking',
        requests: [post('/chat/completions', chatBody(model, 'non-thinking', { response_format: { type: 'json_object' }, messages: [{ role: 'user', content: JSON_PROMPT }], max_tokens: ROOMY_MAX_TOKENS }))],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(completionProblems(answer.json, { mode: 'non-thinking', json: true }), 'JSON content');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.beta.fim'),
        group: 'beta',
        level: 'protocol',
        title: 'Beta FIM completion (POST /beta/completions)',
        expectation: '200, a text_completion with choices[0].text and usage',
        model,
        requests: [post('/completions', { model, prompt: 'function add(a, b) {\n  return', suffix: '\n}', max_tokens: PROBE_MAX_TOKENS }, { base: 'beta' })],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(fimProblems(answer.json), 'a well-formed text_completion');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.beta.prefix'),
        group: 'beta',
        level: 'protocol',
        title: 'Beta chat prefix completion (last assistant message with prefix: true)',
        expectation: '200 on the /beta base, a chat.completion continuing the prefix',
        model,
        mode: 'non-thinking',
        requests: [
          post(
            '/chat/completions',
            chatBody(model, 'non-thinking', {
              messages: [
                { role: 'user', content: USER_PROMPT },
                { role: 'assistant', content: 'The word is', prefix: true },
              ],
            }),
            { base: 'beta' },
          ),
        ],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        return verdictOf(completionProblems(answer.json, { mode: 'non-thinking' }), 'the prefix was continued');
      },
    ),
    fixedProbe(
      {
        id: id('protocol.responses.create'),
        group: 'responses',
        level: 'protocol',
        title: 'Stateless Responses API (POST /responses)',
        expectation: '200, a response with a message output item and usage (input + output = total)',
        model,
        requests: [post('/responses', { model, input: USER_PROMPT, reasoning: { effort: 'none' }, max_output_tokens: PROBE_MAX_TOKENS })],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        const { problems, text } = responseProblems(answer.json);
        return verdictOf(problems, `output text ${JSON.stringify(text.slice(0, 40))}`);
      },
    ),
    fixedProbe(
      {
        id: id('protocol.responses.stream'),
        group: 'responses',
        level: 'protocol',
        title: 'Streamed Responses API events',
        expectation: 'semantic events (response.created … response.completed), no data: [DONE]',
        model,
        requests: [post('/responses', { model, input: USER_PROMPT, reasoning: { effort: 'none' }, max_output_tokens: PROBE_MAX_TOKENS, stream: true })],
      },
      ([result]) => {
        const text = streamText(result);
        if (typeof text !== 'string') return text;
        return verdictOf(responseStreamProblems(text), 'a well-formed event stream');
      },
    ),
  ];
}


/**
 * SDK probes: the same features through the official `openai` package pointed at the endpoint, since
 * that is what migrated code runs. Its HTTP goes through the run's transport (timeouts, retries, caps,
 * records); the SDK's own retries are off.
 */
import OpenAI from 'openai';
import type { ThinkingMode } from '../../compat/index.js';
import { clip, fail, verdictOf } from '../judge.js';
import { TransportError } from '../transport.js';
import type { PlannedRequest, Probe, ProbeOutcome } from '../types.js';
import { completionProblems, streamProblems } from '../validate/chat.js';
import { fimProblems, modelsListProblems, responseProblems } from '../validate/other.js';
import { UNLISTED_MODEL } from './protocol.js';
import { PROBE_MAX_TOKENS, ROOMY_MAX_TOKENS, USER_PROMPT, WEATHER_TOOL, chatBody, probeId, toolHistory, type ProbeSpec } from './shared.js';

type ChatParams = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
type StreamParams = OpenAI.Chat.ChatCompletionCreateParamsStreaming;

/** What went wrong in an SDK call, in words: the HTTP status and server message, or the transport failure. */
export function sdkFailure(error: unknown): ProbeOutcome {
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const message = (error.error as { message?: unknown } | undefined)?.message;
    return fail(`the SDK threw ${error.constructor.name}: HTTP ${error.status}${typeof message === 'string' ? `: ${clip(message, 200)}` : ''}`);
  }
  if (error instanceof SyntaxError) return fail(`the answer is not valid JSON (the SDK could not parse it: ${clip(error.message, 120)})`);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof TransportError) return fail(`no answer: ${cause.message}`);
  if (error instanceof TransportError) return fail(`no answer: ${error.message}`);
  return fail(`the SDK threw: ${clip((error as Error)?.message ?? String(error), 200)}`);
}

/** The SDK hands back a string when the answer is not JSON (an HTML page, a proxy's text). */
function notAnObject(value: unknown): ProbeOutcome | null {
  if (typeof value === 'object' && value !== null) return null;
  const text = typeof value === 'string' ? value : String(value);
  return fail(/^\s*</.test(text) ? `the SDK got an HTML page, not JSON: ${clip(text, 80)}` : `the SDK got text, not a JSON object: ${clip(text, 80)}`);
}

/**
 * The SDK takes whatever a stream or a list endpoint sends without complaint (an HTML page becomes an
 * empty list, or a stream of nothing): the raw answer says what really came.
 */
async function notWhatWasAsked(response: Response, wanted: 'json' | 'event-stream'): Promise<ProbeOutcome | null> {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes(wanted === 'json' ? 'application/json' : 'text/event-stream')) return null;
  const text = response.bodyUsed ? '' : await response.text().catch(() => '');
  if (type.includes('text/html') || /^\s*</.test(text)) return fail(`the SDK got an HTML page, not ${wanted === 'json' ? 'JSON' : 'an event stream'}: ${clip(text, 80)}`);
  if (type.includes('json') && text) {
    try {
      JSON.parse(text);
    } catch {
      return fail(`the answer is not valid JSON (and not an event stream): ${clip(text, 80)}`);
    }
  }
  return fail(`the SDK expected ${wanted === 'json' ? 'JSON' : 'an event stream'}, got ${type || 'no content-type'}: ${clip(text, 80)}`);
}

function sdkProbe(spec: ProbeSpec, body: (client: (base?: 'api' | 'beta', key?: 'user' | 'invalid') => OpenAI) => Promise<ProbeOutcome>): Probe {
  return {
    ...spec,
    async run(ctx) {
      try {
        return await body((base = 'api', key = 'user') => ctx.sdk(base, key));
      } catch (error) {
        // The SDK trips over a non-JSON answer in its own ways; what the server sent is the clearer reason.
        const last = ctx.exchanges().at(-1);
        if (last && !(error instanceof OpenAI.APIError && error.status !== undefined) && (last.contentType?.includes('text/html') || /^\s*</.test(last.responseSnippet ?? ''))) {
          return fail(`the SDK got an HTML page (HTTP ${last.status}), not JSON: ${clip(last.responseSnippet ?? '', 80)}`);
        }
        return sdkFailure(error);
      }
    },
  };
}

const sdkRequest = (path: string, body?: Record<string, unknown>, extra: Partial<PlannedRequest> = {}): PlannedRequest => ({
  method: body ? 'POST' : 'GET',
  base: 'api',
  path,
  body,
  via: 'openai-sdk',
  ...extra,
});

export function sdkRunProbes(models: readonly string[]): Probe[] {
  const model = models[0];
  return [
    sdkProbe(
      {
        id: 'sdk.models.list',
        group: 'models',
        level: 'sdk',
        title: 'client.models.list()',
        expectation: `the SDK pages through the list; it includes ${models.join(', ')}`,
        requests: [sdkRequest('/models')],
      },
      async (client) => {
        const { data: page, response } = await client().models.list().withResponse();
        const bad = await notWhatWasAsked(response, 'json');
        if (bad) return bad;
        const { problems, ids } = modelsListProblems({ object: 'list', data: page.data });
        for (const m of models) if (!ids.includes(m)) problems.push(`the list does not include ${m}`);
        return verdictOf(problems, `lists ${ids.join(', ')}`);
      },
    ),
    sdkProbe(
      {
        id: 'sdk.errors.bad-key',
        group: 'errors',
        level: 'sdk',
        title: 'A wrong key makes the SDK throw AuthenticationError',
        expectation: 'OpenAI.AuthenticationError with status 401',
        requests: [sdkRequest('/chat/completions', chatBody(model, 'non-thinking'), { key: 'invalid', note: 'with a deliberately invalid key' })],
      },
      async (client) => {
        try {
          const answer = await client('api', 'invalid').chat.completions.create(chatBody(model, 'non-thinking') as unknown as ChatParams);
          return notAnObject(answer) ?? fail('the call succeeded with an invalid key');
        } catch (error) {
          if (error instanceof OpenAI.AuthenticationError) return { verdict: 'pass', reason: `AuthenticationError: ${clip(error.message, 120)}` };
          return sdkFailure(error);
        }
      },
    ),
    sdkProbe(
      {
        id: 'sdk.errors.unknown-model',
        group: 'errors',
        level: 'sdk',
        title: 'An unknown model makes the SDK throw BadRequestError',
        expectation: 'OpenAI.BadRequestError with status 400 and the server message',
        requests: [sdkRequest('/chat/completions', chatBody(UNLISTED_MODEL, 'non-thinking'))],
      },
      async (client) => {
        try {
          const answer = await client().chat.completions.create(chatBody(UNLISTED_MODEL, 'non-thinking') as unknown as ChatParams);
          return notAnObject(answer) ?? fail(`the call succeeded with the model ${UNLISTED_MODEL}`);
        } catch (error) {
          if (error instanceof OpenAI.BadRequestError) return { verdict: 'pass', reason: `BadRequestError: ${clip(error.message, 120)}` };
          return sdkFailure(error);
        }
      },
    ),
  ];
}

export function sdkModelProbes(model: string, suffix: boolean): Probe[] {
  const id = (name: string) => probeId(name, model, suffix);
  const chat = (mode: ThinkingMode) =>
    sdkProbe(
      {
        id: id(`sdk.chat.${mode}`),
        group: 'chat',
        level: 'sdk',
        title: `client.chat.completions.create() in ${mode} mode`,
        expectation: mode === 'thinking' ? 'a ChatCompletion whose message carries reasoning_content (untyped, kept by the SDK)' : 'a ChatCompletion with content and usage',
        model,
        mode,
        requests: [sdkRequest('/chat/completions', chatBody(model, mode))],
      },
      async (client) => {
        const answer = await client().chat.completions.create(chatBody(model, mode) as unknown as ChatParams);
        return notAnObject(answer) ?? verdictOf(completionProblems(answer, { mode }), 'a well-formed ChatCompletion');
      },
    );
  const streamBody = chatBody(model, 'thinking', { stream: true, stream_options: { include_usage: true } });
  const forcedBody = chatBody(model, 'non-thinking', {
    tools: [WEATHER_TOOL],
    tool_choice: 'required',
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    max_tokens: ROOMY_MAX_TOKENS,
  });
  return [
    chat('non-thinking'),
    chat('thinking'),
    sdkProbe(
      {
        id: id('sdk.stream'),
        group: 'streaming',
        level: 'sdk',
        title: 'client.chat.completions.create({ stream: true }) in thinking mode',
        expectation: 'the SDK iterates the stream to its end; one finish_reason, usage on the last chunk, reasoning before content',
        model,
        mode: 'thinking',
        requests: [sdkRequest('/chat/completions', streamBody)],
      },
      async (client) => {
        const { data: stream, response } = await client().chat.completions.create(streamBody as unknown as StreamParams).withResponse();
        const bad = await notWhatWasAsked(response, 'event-stream');
        if (bad) return bad;
        const chunks: unknown[] = [];
        for await (const chunk of stream) chunks.push(chunk);
        // The SDK has consumed the framing ([DONE], comments); re-framing its chunks lets the same
        // invariants as the protocol probe judge what it handed to the caller.
        const text = chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n';
        const check = streamProblems(text, { mode: 'thinking', includeUsage: true });
        return verdictOf(check.problems, `${chunks.length} chunks, finish_reason ${check.summary.finishReason}`);
      },
    ),
    sdkProbe(
      {
        id: id('sdk.tools'),
        group: 'tools',
        level: 'sdk',
        title: 'A tool call and its result through the SDK (non-thinking)',
        expectation: "tool_choice 'required' returns a tool call; sending the tool result back returns a ChatCompletion",
        model,
        mode: 'non-thinking',
        requests: [
          sdkRequest('/chat/completions', forcedBody),
          sdkRequest('/chat/completions', chatBody(model, 'non-thinking', { tools: [WEATHER_TOOL], tool_choice: 'none', messages: toolHistory(), max_tokens: ROOMY_MAX_TOKENS }), {
            note: 'the conversation plus the tool call of the first answer and a tool result (shown with a sample call)',
          }),
        ],
      },
      async (client) => {
        const first = await client().chat.completions.create(forcedBody as unknown as ChatParams);
        const bad = notAnObject(first);
        if (bad) return bad;
        const problems = completionProblems(first, { mode: 'non-thinking', toolNames: [WEATHER_TOOL.function.name], expectToolCall: true });
        if (problems.length > 0) return verdictOf(problems, '');
        const message = first.choices[0].message;
        const call = message.tool_calls?.[0];
        if (!call) return { verdict: 'pass', reason: 'the output was cut before a tool call (finish_reason length); nothing to send back' };
        const second = await client().chat.completions.create({
          ...(forcedBody as unknown as ChatParams),
          tool_choice: 'none',
          messages: [
            ...(forcedBody.messages as ChatParams['messages']),
            { role: 'assistant', content: message.content ?? '', tool_calls: message.tool_calls },
            { role: 'tool', tool_call_id: call.id, content: '{"temperature_c": 18}' },
          ],
        });
        return notAnObject(second) ?? verdictOf(completionProblems(second, { mode: 'non-thinking', toolNames: [WEATHER_TOOL.function.name] }), 'tool call and result round trip');
      },
    ),
    sdkProbe(
      {
        id: id('sdk.beta.fim'),
        group: 'beta',
        level: 'sdk',
        title: 'client.completions.create() on the /beta base (FIM)',
        expectation: 'a Completion with choices[0].text',
        model,
        requests: [sdkRequest('/completions', { model, prompt: 'const sum = (a, b) =>', suffix: ';', max_tokens: PROBE_MAX_TOKENS }, { base: 'beta' })],
      },
      async (client) => {
        const answer = await client('beta').completions.create({ model, prompt: 'const sum = (a, b) =>', suffix: ';', max_tokens: PROBE_MAX_TOKENS });
        return notAnObject(answer) ?? verdictOf(fimProblems(answer), 'a well-formed Completion');
      },
    ),
    sdkProbe(
      {
        id: id('sdk.responses'),
        group: 'responses',
        level: 'sdk',
        title: 'client.responses.create() (stateless)',
        expectation: 'a Response whose output_text the SDK can assemble',
        model,
        requests: [sdkRequest('/responses', { model, input: USER_PROMPT, reasoning: { effort: 'none' }, max_output_tokens: PROBE_MAX_TOKENS })],
      },
      async (client) => {
        const answer = await client().responses.create({ model, input: USER_PROMPT, reasoning: { effort: 'none' }, max_output_tokens: PROBE_MAX_TOKENS });
        const bad = notAnObject(answer);
        if (bad) return bad;
        const { problems } = responseProblems(answer);
        if (typeof answer.output_text !== 'string') problems.push('the SDK could not assemble output_text');
        return verdictOf(problems, `output_text ${JSON.stringify(String(answer.output_text).slice(0, 40))}`);
      },
    ),
  ];
}

/** The emulator on its own: DeepSeek's wire behaviour as the compat data describes it. */
import { describe, expect, it } from 'vitest';
import { parseFault, REASONING_TEXT, startEmulator, type Emulator } from '../../fixtures/emulator/index.js';
import {
  DEVELOPER_ROLE_ERROR,
  ERRORS,
  JSON_WORD_REQUIRED_ERROR,
  RESPONSE_FORMAT_UNAVAILABLE,
  THINKING_TOOL_CHOICE_ERROR,
} from '../../src/compat/index.js';
import { passbackError } from '../../src/conformance/claims.js';
import { parseSse } from '../../src/conformance/sse.js';
import { KEY, withEmulator } from './helpers.js';

const TOOL = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

async function call(emulator: Emulator, path: string, body?: unknown, key = KEY): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const chat = (extra: object = {}) => ({ model: 'deepseek-flash', messages: [{ role: 'user', content: 'hi' }], ...extra });
const messageOf = (text: string) => (JSON.parse(text) as { error: { message: string } }).error.message;

describe('the emulator', () => {
  it('answers errors with the data texts, in the DeepSeek envelope', async () => {
    await withEmulator({}, async (e) => {
      const unknownModel = await call(e, '/chat/completions', chat({ model: 'deepseek-v3' }));
      expect([unknownModel.status, JSON.parse(unknownModel.text)]).toEqual([400, JSON.parse(ERRORS.find((x) => x.status === 400)!.exampleBody!)]);
      const cases: [object, string][] = [
        [chat({ messages: [{ role: 'developer', content: 'x' }, { role: 'user', content: 'hi' }] }), DEVELOPER_ROLE_ERROR],
        [chat({ response_format: { type: 'json_schema', json_schema: { name: 'a', schema: {} } } }), RESPONSE_FORMAT_UNAVAILABLE],
        [chat({ tools: [TOOL], tool_choice: 'required' }), THINKING_TOOL_CHOICE_ERROR],
        [chat({ response_format: { type: 'json_object' } }), JSON_WORD_REQUIRED_ERROR],
        [chat({ tools: [TOOL], messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'ok' }, { role: 'user', content: 'hi' }] }), passbackError()!],
      ];
      for (const [body, message] of cases) {
        const answer = await call(e, '/chat/completions', body);
        expect(answer.status).toBe(400);
        expect(messageOf(answer.text)).toBe(message);
      }
      // With thinking off, the same tool_choice and passback are fine.
      expect((await call(e, '/chat/completions', chat({ thinking: { type: 'disabled' }, tools: [TOOL], tool_choice: 'required' }))).status).toBe(200);
    });
  });

  it('401 for a missing or sk-invalid key, or any key but the configured one; 402 and 429 with Retry-After', async () => {
    await withEmulator({}, async (e) => {
      expect((await call(e, '/models', undefined, '')).status).toBe(401);
      expect((await call(e, '/models', undefined, 'sk-invalid-123')).status).toBe(401);
      expect((await call(e, '/models', undefined, 'anything-else')).status).toBe(200);
    });
    await withEmulator({ apiKey: 'sk-the-one' }, async (e) => {
      expect((await call(e, '/models', undefined, KEY)).status).toBe(401);
      expect((await call(e, '/models', undefined, 'sk-the-one')).status).toBe(200);
    });
    await withEmulator({ faults: ['insufficient-balance'] }, async (e) => {
      const answer = await call(e, '/models');
      expect([answer.status, JSON.parse(answer.text)]).toEqual([402, JSON.parse(ERRORS.find((x) => x.status === 402)!.exampleBody!)]);
    });
    await withEmulator({ faults: ['rate-limit'], retryAfterSeconds: 3 }, async (e) => {
      const answer = await call(e, '/models');
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([429, '3']);
    });
  });

  it('thinking mode reasons first; streamed deltas add up to the non-streamed answer, with the same usage', async () => {
    await withEmulator({}, async (e) => {
      const plain = JSON.parse((await call(e, '/chat/completions', chat())).text);
      expect(plain.choices[0].message.reasoning_content).toBe(REASONING_TEXT);
      const streamed = await call(e, '/chat/completions', chat({ stream: true, stream_options: { include_usage: true } }));
      expect(streamed.headers.get('content-type')).toMatch(/text\/event-stream/);
      const sse = parseSse(streamed.text, { expectDone: true });
      expect(sse.problems).toEqual([]);
      expect(sse.comments).toBeGreaterThan(0);
      const chunks = sse.events.map((ev) => JSON.parse(ev.data));
      const joined = (field: string) => chunks.map((c) => c.choices[0].delta[field] ?? '').join('');
      expect(joined('content')).toBe(plain.choices[0].message.content);
      expect(joined('reasoning_content')).toBe(plain.choices[0].message.reasoning_content);
      const last = chunks[chunks.length - 1];
      expect(last.choices).toHaveLength(1);
      expect(last.choices[0].finish_reason).toBe('stop');
      expect(last.usage).toEqual(plain.usage);
      expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    });
  });

  it('max_tokens caps reasoning plus answer; max_completion_tokens is ignored, as the data says', async () => {
    await withEmulator({}, async (e) => {
      const capped = JSON.parse((await call(e, '/chat/completions', chat({ max_tokens: 3 }))).text);
      expect(capped.choices[0].finish_reason).toBe('length');
      expect(capped.usage.completion_tokens).toBe(3);
      const ignored = JSON.parse((await call(e, '/chat/completions', chat({ max_completion_tokens: 1 }))).text);
      expect(ignored.usage.completion_tokens).toBeGreaterThan(1);
    });
  });

  it('calls the tool forced by tool_choice, with arguments from its schema', async () => {
    await withEmulator({}, async (e) => {
      const answer = JSON.parse((await call(e, '/chat/completions', chat({ thinking: { type: 'disabled' }, tools: [TOOL], tool_choice: { type: 'function', function: { name: 'get_weather' } } }))).text);
      expect(answer.choices[0].finish_reason).toBe('tool_calls');
      expect(JSON.parse(answer.choices[0].message.tool_calls[0].function.arguments)).toEqual({ city: 'example' });
    });
  });

  it('serves /v1 aliases, beta FIM and prefix completion, and the stateless Responses API', async () => {
    await withEmulator({}, async (e) => {
      expect((await call(e, '/v1/models')).status).toBe(200);
      expect((await call(e, '/v1/chat/completions', chat())).status).toBe(200);
      const fim = JSON.parse((await call(e, '/beta/completions', { model: 'deepseek-flash', prompt: 'a', suffix: 'b' })).text);
      expect(fim.object).toBe('text_completion');
      expect((await call(e, '/completions', { model: 'deepseek-flash', prompt: 'a' })).status).toBe(404);
      const prefix = chat({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'Hello', prefix: true }] });
      expect((await call(e, '/beta/chat/completions', prefix)).status).toBe(200);
      expect((await call(e, '/chat/completions', prefix)).status).toBe(400);
      const response = JSON.parse((await call(e, '/responses', { model: 'deepseek-flash', input: 'hi', reasoning: { effort: 'none' } })).text);
      expect(response).toMatchObject({ object: 'response', status: 'completed' });
      expect(response.output.map((o: { type: string }) => o.type)).toEqual(['message']);
      const events = parseSse((await call(e, '/responses', { model: 'deepseek-flash', input: 'hi', stream: true })).text, { expectDone: false, allowEventField: true });
      expect(events.done).toBe(false);
      expect(events.events.at(-1)?.event).toBe('response.completed');
      expect((await call(e, '/embeddings', { model: 'x', input: 'y' })).status).toBe(404);
    });
  });

  it('counts requests in flight and records what it received', async () => {
    const e = await startEmulator({ latencyMs: 20 });
    await Promise.all([call(e, '/models'), call(e, '/models'), call(e, '/models')]);
    expect(e.stats).toEqual({ inFlight: 0, maxInFlight: 3 });
    expect(e.requests.map((r) => r.path)).toEqual(['/models', '/models', '/models']);
    await e.close();
  });

  it('parses faults, and refuses unknown ones with the list of known ones', () => {
    expect(parseFault('contradict:role:developer')).toEqual({ kind: 'contradict', id: 'role:developer' });
    expect(parseFault('stall-stream')).toEqual({ kind: 'stall-stream' });
    expect(() => parseFault('explode')).toThrow(/unknown fault "explode": use contradict:<dataId>, reword:<dataId> or one of malformed-stream/);
    expect(() => parseFault('contradict:')).toThrow(/needs a data id/);
  });
});

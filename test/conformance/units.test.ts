/** The pure pieces: SSE parsing, stream checks, retry timing, caps, the pool, redaction, config. */
import { describe, expect, it } from 'vitest';
import { RequestCounter, planBudget, worstCaseTokens, UNCAPPED_OUTPUT_RESERVE } from '../../src/conformance/budget.js';
import { baseUrls, resolveConfig } from '../../src/conformance/config.js';
import { sameError } from '../../src/conformance/judge.js';
import { runPool } from '../../src/conformance/pool.js';
import { Redactor, REDACTED } from '../../src/conformance/redact.js';
import { DEFAULT_RETRY, decideRetry, retryAfterMs } from '../../src/conformance/retry.js';
import { parseSse } from '../../src/conformance/sse.js';
import { xmlEscape } from '../../src/conformance/report/junit.js';
import { usageFromBody } from '../../src/conformance/transport.js';
import type { PlannedRequest, Probe } from '../../src/conformance/types.js';
import { completionProblems, streamProblems } from '../../src/conformance/validate/chat.js';
import { DEVELOPER_ROLE_ERROR } from '../../src/compat/index.js';
import { UsageError } from '../../src/cli/io.js';

const chunk = (delta: object, finish: string | null = null, usage: object | null = null, id = 'c1') =>
  `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], usage })}\n\n`;
const USAGE = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const GOOD = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'o' }) + chunk({ content: 'k' }, 'stop', USAGE) + 'data: [DONE]\n\n';

describe('SSE parser', () => {
  it('reads data lines, tolerates and counts keep-alive comments, and sees [DONE]', () => {
    const parsed = parseSse(`: keep-alive\n\n${GOOD}: keep-alive\n\n`, { expectDone: true });
    expect(parsed.problems).toEqual([]);
    expect(parsed.events).toHaveLength(3);
    expect(parsed.comments).toBe(2);
    expect(parsed.done).toBe(true);
  });

  it('accepts CRLF framing', () => {
    expect(parseSse(GOOD.replace(/\n/g, '\r\n'), { expectDone: true }).problems).toEqual([]);
  });

  it('names what is wrong, with line numbers', () => {
    expect(parseSse(GOOD.replace('data: [DONE]\n\n', ''), { expectDone: true }).problems).toEqual(['the stream ended without data: [DONE]']);
    expect(parseSse(`${GOOD}data: {"late": true}\n\n`, { expectDone: true }).problems).toEqual(['line 9: data after data: [DONE]']);
    expect(parseSse('garbage\n\ndata: [DONE]\n\n', { expectDone: true }).problems[0]).toMatch(/^line 1: unexpected text/);
    expect(parseSse('event: x\ndata: {}\n\ndata: [DONE]\n\n', { expectDone: true }).problems[0]).toMatch(/unexpected field "event"/);
    expect(parseSse('data: {"a":1}', { expectDone: false }).problems[0]).toMatch(/ended in the middle of an event/);
  });

  it('joins multi-line data and allows event fields where asked', () => {
    const parsed = parseSse('event: response.created\ndata: {"a":\ndata: 1}\n\n', { expectDone: false, allowEventField: true });
    expect(parsed.events[0]).toMatchObject({ event: 'response.created', data: '{"a":\n1}', line: 1 });
  });
});

describe('stream checks (DeepSeek framing)', () => {
  const check = (text: string, mode: 'thinking' | 'non-thinking' = 'non-thinking') => streamProblems(text, { mode, includeUsage: true }).problems;

  it('passes a DeepSeek stream: usage on the finish chunk', () => {
    expect(check(GOOD)).toEqual([]);
  });

  it('flags OpenAI framing, a second finish, id changes, usage early, reasoning after content', () => {
    const openaiStyle = chunk({ content: 'ok' }, 'stop') + `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [], usage: USAGE })}\n\ndata: [DONE]\n\n`;
    expect(check(openaiStyle)[0]).toMatch(/usage came on a separate chunk with empty choices/);
    expect(check(chunk({ content: 'a' }, 'stop', USAGE) + chunk({ content: 'b' }, 'stop', USAGE) + 'data: [DONE]\n\n')).toContain('line 3: a chunk after the one with finish_reason');
    expect(check(chunk({ content: 'a' }) + chunk({ content: 'b' }, 'stop', USAGE, 'c2') + 'data: [DONE]\n\n')[0]).toMatch(/id changed/);
    expect(check(chunk({ content: 'a' }, null, USAGE) + chunk({ content: 'b' }, 'stop', USAGE) + 'data: [DONE]\n\n')[0]).toMatch(/usage on a chunk that is not the last/);
    const late = chunk({ reasoning_content: '' }) + chunk({ content: 'a' }) + chunk({ reasoning_content: 'hmm' }) + chunk({ content: '' }, 'stop', { ...USAGE, completion_tokens_details: { reasoning_tokens: 1 } }) + 'data: [DONE]\n\n';
    expect(check(late, 'thinking')).toContain('reasoning_content arrived after content had started');
    expect(check(GOOD, 'thinking')).toContain('thinking mode streamed no reasoning_content');
  });

  it('checks usage arithmetic', () => {
    expect(check(chunk({ content: 'a' }, 'stop', { prompt_tokens: 3, completion_tokens: 2, total_tokens: 6 }) + 'data: [DONE]\n\n')).toEqual([
      'usage on the last chunk.total_tokens 6 ≠ prompt_tokens 3 + completion_tokens 2',
    ]);
  });

  it('assembles streamed tool calls and validates their arguments', () => {
    const call = (part: object) => chunk({ tool_calls: [part] });
    const text =
      call({ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }) +
      call({ index: 0, function: { arguments: '{"city":' } }) +
      call({ index: 0, function: { arguments: '"Paris"}' } }) +
      chunk({}, 'tool_calls', USAGE) +
      'data: [DONE]\n\n';
    expect(streamProblems(text, { mode: 'non-thinking', includeUsage: true, toolNames: ['get_weather'], expectToolCall: true }).problems).toEqual([]);
    expect(streamProblems(text.replace('\\"Paris\\"}', '\\"Paris\\"'), { mode: 'non-thinking', includeUsage: true, toolNames: ['get_weather'] }).problems[0]).toMatch(/not valid JSON/);
  });
});

describe('completion checks', () => {
  const completion = (message: object, finish = 'stop') => ({ id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }], usage: USAGE });
  it('wants reasoning_content in thinking mode only', () => {
    expect(completionProblems(completion({ content: 'ok', reasoning_content: 'r' }), { mode: 'thinking' })).toEqual([]);
    expect(completionProblems(completion({ content: 'ok' }), { mode: 'thinking' })).toEqual(['thinking mode answered without message.reasoning_content']);
    expect(completionProblems(completion({ content: 'ok', reasoning_content: 'r' }), { mode: 'non-thinking' })).toEqual(['non-thinking mode answered with reasoning_content']);
  });
  it('checks JSON mode content unless cut or empty', () => {
    expect(completionProblems(completion({ content: 'not json' }), { mode: 'non-thinking', json: true })[0]).toMatch(/not JSON/);
    expect(completionProblems(completion({ content: '{"a' }, 'length'), { mode: 'non-thinking', json: true })).toEqual([]);
    expect(completionProblems(completion({ content: '' }), { mode: 'non-thinking', json: true })).toEqual([]);
  });
});

describe('error texts', () => {
  it('matches the data text, wrapped or reworded as a known variant of it', () => {
    expect(sameError('invalid type: sequence, expected a string', 'Failed to deserialize the JSON body into the target type: messages[0]: invalid type: sequence, expected a string')).toBe(true);
    expect(sameError(DEVELOPER_ROLE_ERROR, DEVELOPER_ROLE_ERROR.replace('messages[0]', 'messages[3]'))).toBe(true);
    expect(sameError(DEVELOPER_ROLE_ERROR, 'Something else entirely')).toBe(false);
  });
});

describe('usage from answer bodies', () => {
  it('reads chat, Responses and streamed usage', () => {
    expect(usageFromBody(`\n${JSON.stringify({ usage: { prompt_tokens: 4, completion_tokens: 2, prompt_cache_hit_tokens: 1, prompt_cache_miss_tokens: 3 } })}`)).toEqual({ prompt: 4, completion: 2, cacheHit: 1, cacheMiss: 3 });
    expect(usageFromBody(JSON.stringify({ usage: { input_tokens: 5, output_tokens: 1, input_tokens_details: { cached_tokens: 2 } } }))).toEqual({ prompt: 5, completion: 1, cacheHit: 2, cacheMiss: 3 });
    expect(usageFromBody(GOOD)).toMatchObject({ prompt: 3, completion: 2 });
    expect(usageFromBody('<html>')).toBeUndefined();
  });
});

describe('retries', () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
  it('reads Retry-After in seconds, fractions, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after': '0.25' }))).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after-ms': '40', 'retry-after': '9' }))).toBe(40);
    expect(retryAfterMs(headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(headers({}))).toBeUndefined();
  });
  it('retries only 429, 500 and 503, a bounded number of times, never for too long', () => {
    expect(decideRetry(429, 1, 1000, DEFAULT_RETRY)).toEqual({ retry: true, waitMs: 1000 });
    expect(decideRetry(503, 2, undefined, DEFAULT_RETRY)).toEqual({ retry: true, waitMs: 1000 });
    expect(decideRetry(500, 3, undefined, DEFAULT_RETRY)).toMatchObject({ retry: false });
    for (const status of [400, 401, 402, 404, 422, 502]) expect(decideRetry(status, 1, 0, DEFAULT_RETRY).retry).toBe(false);
    expect(decideRetry(429, 1, 120_000, DEFAULT_RETRY)).toMatchObject({ retry: false, why: expect.stringContaining('120 s') });
  });
});

describe('caps', () => {
  const probe = (id: string, requests: PlannedRequest[]): Probe => ({ id, group: 'g', level: 'protocol', title: id, expectation: '', requests, run: async () => ({ verdict: 'pass', reason: '' }) });
  const chat = (max_tokens?: number): PlannedRequest => ({ method: 'POST', base: 'api', path: '/chat/completions', via: 'fetch', body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], ...(max_tokens ? { max_tokens } : {}) } });
  it('reserves each request at its prompt estimate plus its output cap; uncapped requests reserve more', () => {
    expect(worstCaseTokens(chat(16))).toBeGreaterThan(16);
    expect(worstCaseTokens(chat())).toBeGreaterThan(UNCAPPED_OUTPUT_RESERVE);
    expect(worstCaseTokens({ method: 'GET', base: 'api', path: '/models', via: 'fetch' })).toBe(0);
  });
  it('admits probes in order while both caps hold, and says why the others are not sent', () => {
    const probes = [probe('a', [chat(16)]), probe('b', [chat(16), chat(16)]), probe('c', [chat(16)])];
    const byRequests = planBudget(probes, { maxRequests: 2, maxTokens: 1e6 });
    expect([...byRequests.admitted]).toEqual(['a', 'c']);
    expect(byRequests.refused.get('b')).toMatch(/--max-requests 2/);
    const one = worstCaseTokens(chat(16));
    const byTokens = planBudget(probes, { maxRequests: 100, maxTokens: one * 2 });
    expect([...byTokens.admitted]).toEqual(['a', 'c']);
    expect(byTokens.refused.get('b')).toMatch(/--max-tokens/);
  });
  it('lets retries use only what admitted probes left', () => {
    const counter = new RequestCounter(3, 2);
    expect(counter.takeFirst()).toBe(true);
    expect(counter.takeRetry()).toBe(true);
    expect(counter.canRetry()).toBe(false);
    expect(counter.takeFirst()).toBe(true);
    expect(counter.takeFirst()).toBe(false);
    expect([counter.total, counter.retried]).toEqual([3, 1]);
  });
});

describe('pool', () => {
  it('keeps at most `limit` tasks in flight, and uses all of them', async () => {
    for (const limit of [1, 3, 8]) {
      let inFlight = 0;
      let most = 0;
      const results = await runPool([...Array(20).keys()], limit, async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return n * 2;
      });
      expect(most).toBe(limit);
      expect(results).toEqual([...Array(20).keys()].map((n) => n * 2));
    }
  });
});

describe('redaction', () => {
  const key = 'sk-abcdef0123456789';
  it('replaces the key in plain, URL-encoded, JSON-escaped and base64 forms', () => {
    const r = new Redactor([key]);
    expect(r.redact(`Bearer ${key}`)).toBe(`Bearer ${REDACTED}`);
    expect(r.redact(Buffer.from(key).toString('base64'))).toBe(REDACTED);
    expect(JSON.stringify(r.redactValue({ a: [`x${key}y`], n: 1 }))).toBe(`{"a":["x${REDACTED}y"],"n":1}`);
  });
  it('ignores empty and too-short secrets rather than garbling text', () => {
    expect(new Redactor(['', undefined, 'abc']).redact('abc abc')).toBe('abc abc');
  });
});

describe('junit escaping', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('<a href="x">&\'\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

describe('configuration', () => {
  const env = { DEEPSEEK_API_KEY: 'sk-0123456789abcdef' };
  it('derives the beta base and the other form of the /v1 alias', () => {
    expect(baseUrls('https://api.deepseek.com/')).toEqual({ api: 'https://api.deepseek.com', beta: 'https://api.deepseek.com/beta', alias: 'https://api.deepseek.com/v1' });
    expect(baseUrls('https://api.deepseek.com/v1')).toEqual({ api: 'https://api.deepseek.com/v1', beta: 'https://api.deepseek.com/beta', alias: 'https://api.deepseek.com' });
  });
  it('takes the base URL from the flag, then DEEPSEEK_BASE_URL, then the canonical one', () => {
    expect(resolveConfig({}, env, '/').urls.api).toBe('https://api.deepseek.com');
    expect(resolveConfig({}, { ...env, DEEPSEEK_BASE_URL: 'http://localhost:9/v1' }, '/').urls.api).toBe('http://localhost:9/v1');
    expect(resolveConfig({ baseUrl: 'http://x.test' }, { ...env, DEEPSEEK_BASE_URL: 'http://y.test' }, '/').urls.api).toBe('http://x.test');
  });
  it('refuses what would go wrong, each with one line', () => {
    const bad: [object, NodeJS.ProcessEnv, RegExp][] = [
      [{}, {}, /DEEPSEEK_API_KEY is not set/],
      [{ apiKeyEnv: 'MY_KEY' }, env, /MY_KEY is not set/],
      [{}, { DEEPSEEK_API_KEY: 'short' }, /shorter than 8/],
      [{ baseUrl: 'not a url' }, env, /is not a URL/],
      [{ baseUrl: 'ftp://x' }, env, /http\(s\)/],
      [{ baseUrl: 'https://user:pw@api.deepseek.com' }, env, /must not carry credentials/],
      [{ format: 'md,html' }, env, /--format takes md, json, junit/],
      [{ concurrency: '0' }, env, /--concurrency must be a whole number of at least 1/],
      [{ timeout: '-1' }, env, /--timeout must be a positive number/],
      [{ project: '/no/such/dir' }, env, /no such directory/],
    ];
    for (const [raw, e, message] of bad) {
      expect(() => resolveConfig(raw, e, '/')).toThrow(UsageError);
      expect(() => resolveConfig(raw, e, '/')).toThrow(message);
    }
  });
  it('needs no key for a dry run', () => {
    expect(resolveConfig({ dryRun: true }, {}, '/').apiKey).toBeUndefined();
  });
});

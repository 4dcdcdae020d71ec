/**
 * The whole check against the emulator: clean, it passes; with each injected fault, the report names
 * exactly that contradiction or failure and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { CHAT_STREAM_PROBES, byId, notGreen, runAgainst, withEmulator } from './helpers.js';

describe('against the clean emulator', () => {
  it('every probe passes or matches the data; unknown claims are recorded, not failed', async () => {
    const report = await withEmulator({}, (emulator) => runAgainst(emulator));
    expect(notGreen(report).map((p) => `${p.id}: ${p.reason}`)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.totals.probes).toBeGreaterThan(100);
    // Every level is present: protocol, SDK and data probes all ran.
    for (const level of ['protocol', 'sdk', 'data'] as const) expect(report.probes.some((p) => p.level === level && p.verdict !== 'skipped')).toBe(true);
    // Unknown claims: matches-data with what was observed, counted as learned.
    const seed = byId(report, 'data:param:seed:thinking');
    expect(seed).toMatchObject({ verdict: 'matches-data', data: { status: 'unknown', observed: 'accepted' } });
    expect(report.totals.learned).toBeGreaterThan(0);
    // Known claims: the rejected ones are rejected with the data's exact text.
    expect(byId(report, 'data:role:developer')).toMatchObject({ verdict: 'matches-data', data: { observed: 'rejected' } });
    expect(byId(report, 'data:param:tool_choice=required:thinking').reason).toContain('Thinking mode does not support this tool_choice');
    // Tokens were counted from usage and priced.
    expect(report.totals.tokens.total).toBeGreaterThan(0);
    expect(report.totals.costUSD).toBeGreaterThan(0);
    expect(report.totals.requests).toBe(report.totals.planned.requests);
  });

  it('probes several models, each with its own protocol and SDK probes', async () => {
    const report = await withEmulator({}, (emulator) => runAgainst(emulator, { model: ['deepseek-flash,deepseek-v4-pro'], only: ['protocol.*', 'sdk.*'] }));
    expect(notGreen(report)).toEqual([]);
    expect(byId(report, 'protocol.chat.thinking@deepseek-v4-pro').verdict).toBe('pass');
    expect(byId(report, 'sdk.chat.thinking@deepseek-flash').verdict).toBe('pass');
  });
});

describe('a contradicting emulator', () => {
  // One claim of each kind; the emulator flips exactly that claim.
  const cases: [string, string][] = [
    ['param:temperature:thinking', 'src/compat/chat-params.ts › temperature › thinking'],
    ['param:tool_choice=required:thinking', "src/compat/chat-params.ts › tool_choice › 'required' › thinking"],
    ['param:response_format=json_schema:non-thinking', 'src/compat/chat-params.ts › response_format › json_schema › non-thinking'],
    ['param:max_completion_tokens:non-thinking', 'src/compat/chat-params.ts › max_completion_tokens › non-thinking'],
    ['role:developer', 'src/compat/messages.ts › ROLES › developer'],
    ['model:deepseek-chat', 'src/compat/models.ts › deepseek-chat'],
    ['model:deepseek-v4-flash', 'src/compat/models.ts › deepseek-v4-flash'],
    ['part:text@system', 'src/compat/messages.ts › CONTENT_PARTS › text (in a system message)'],
    ['part:refusal@assistant', 'src/compat/messages.ts › CONTENT_PARTS › refusal (in an assistant message)'],
    ['extension:reasoning_content:tools-missing', 'src/compat/chat-params.ts › EXTENSION_PARAMS › reasoning_content'],
    ['extension:reasoning_content:tools-placeholder', 'src/compat/chat-params.ts › EXTENSION_PARAMS › reasoning_content'],
    ['extension:reasoning_content:no-tools', 'src/compat/chat-params.ts › EXTENSION_PARAMS › reasoning_content'],
    ['param:response_format=json_object:json-word', 'src/compat/chat-params.ts › response_format › json_object (the prompt must contain "json")'],
    ['base-url:v1', 'src/compat/connection.ts › BASE_URLS › https://api.deepseek.com/v1'],
    ['endpoint:models.list', 'src/compat/models.ts (current models) and src/compat/endpoints.ts › models'],
    ['endpoint:embeddings', 'src/compat/endpoints.ts › embeddings'],
  ];
  it.each(cases)('contradict:%s is reported as exactly that contradiction', async (id, ref) => {
    const report = await withEmulator({ faults: [`contradict:${id}`] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.map((p) => `${p.id} ${p.verdict}`)).toEqual([`data:${id} contradicts-data`]);
    expect(flagged[0].data?.ref).toBe(ref);
    expect(report.exitCode).toBe(1);
  });

  it('reword:<id> is a contradiction of the error text, naming both messages', async () => {
    const report = await withEmulator({ faults: ['reword:role:developer'] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.map((p) => p.id)).toEqual(['data:role:developer']);
    expect(flagged[0].reason).toMatch(/rejected as the data says, but with another message/);
    expect(flagged[0].details.join('\n')).toContain('unknown variant `developer`');
  });
});

describe('a misbehaving stream', () => {
  const streamFaults: [string, RegExp][] = [
    ['malformed-stream', /not valid JSON|could not parse/i],
    ['usage-chunk', /usage came on a separate chunk with empty choices/],
  ];
  it.each(streamFaults)('%s fails exactly the chat streaming probes, saying why', async (fault, why) => {
    const report = await withEmulator({ faults: [fault] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.map((p) => p.id).sort()).toEqual([...CHAT_STREAM_PROBES].sort());
    for (const probe of flagged) {
      expect(probe.verdict).toBe('fail');
      expect(probe.reason).toMatch(why);
    }
  });

  it('no-done fails the raw stream probes (the SDK tolerates a missing [DONE])', async () => {
    const report = await withEmulator({ faults: ['no-done'] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.map((p) => p.id).sort()).toEqual(CHAT_STREAM_PROBES.filter((id) => id.startsWith('protocol.')).sort());
    for (const probe of flagged) expect(probe.reason).toBe('the stream ended without data: [DONE]');
  });
});

describe('rate limits and balance', () => {
  it('rate-limit-once: every request is retried after Retry-After, and everything passes', async () => {
    const waits: number[] = [];
    const report = await withEmulator({ faults: ['rate-limit-once'], retryAfterSeconds: 0.25 }, (emulator) =>
      runAgainst(emulator, { only: ['protocol.*', 'sdk.*'] }, { sleep: async (ms) => void waits.push(ms) }),
    );
    expect(notGreen(report)).toEqual([]);
    expect(report.totals.retries).toBeGreaterThan(10);
    // Retry-After: 0.25 honoured exactly, not the exponential default.
    expect(new Set(waits)).toEqual(new Set([250]));
    expect(byId(report, 'protocol.chat.thinking').exchanges[0].attempts).toBe(2);
  });

  it('rate-limit: gives up after 3 attempts and stops the run instead of hammering the endpoint', async () => {
    const report = await withEmulator({ faults: ['rate-limit'], retryAfterSeconds: 0.01 }, (emulator) => runAgainst(emulator, { concurrency: '1' }));
    const failed = report.probes.filter((p) => p.verdict === 'fail');
    expect(failed.length).toBe(1);
    expect(failed[0].reason).toMatch(/HTTP 429/);
    expect(failed[0].exchanges[0].attempts).toBe(3);
    expect(report.stoppedEarly).toMatch(/rate limited \(HTTP 429\) after 3 attempts/);
    expect(report.probes.every((p) => p.verdict === 'fail' || p.verdict === 'skipped')).toBe(true);
    expect(report.totals.requests).toBe(3);
  });

  it('insufficient-balance: one failure naming HTTP 402, then the run stops', async () => {
    const report = await withEmulator({ faults: ['insufficient-balance'] }, (emulator) => runAgainst(emulator, { concurrency: '1' }));
    const failed = report.probes.filter((p) => p.verdict === 'fail');
    expect(failed.map((p) => p.reason)).toEqual(['expected HTTP 200, got HTTP 402: Insufficient Balance']);
    expect(report.stoppedEarly).toMatch(/no balance left \(HTTP 402/);
    expect(report.probes.filter((p) => p.verdict === 'skipped' && !p.reason.includes('stopped early')).map((p) => p.id)).toEqual(['data:part:file@user/deepseek-flash']);
  });
});

/**
 * Endpoints that hang, stall, never finish, reset connections, or answer HTML or broken JSON: each run
 * ends within its timeouts, with a verdict that says what happened.
 */
import { describe, expect, it } from 'vitest';
import { ALWAYS_SKIPPED, CHAT_STREAM_PROBES, notGreen, runAgainst, withEmulator } from './helpers.js';

const elapsed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = Date.now();
  const value = await fn();
  return [value, Date.now() - start];
};

describe('stalls and endless answers end within the timeouts', () => {
  it('a stalled stream fails the streaming probes on the idle timeout; the rest pass', async () => {
    const [report, ms] = await elapsed(() =>
      withEmulator({ faults: ['stall-stream'] }, (emulator) => runAgainst(emulator, { timeout: '3', idleTimeout: '0.3' })),
    );
    const flagged = notGreen(report);
    expect(flagged.map((p) => p.id).sort()).toEqual([...CHAT_STREAM_PROBES].sort());
    for (const probe of flagged) expect(probe.reason).toMatch(/stalled: nothing arrived for 0\.3 s \(--idle-timeout\)/);
    // Four stalls in parallel, each bounded by the idle timeout, far below the request deadline.
    expect(ms).toBeLessThan(3000);
  });

  it('an endless stream fails the streaming probes on the request deadline', async () => {
    const [report] = await elapsed(() => withEmulator({ faults: ['endless-stream'] }, (emulator) => runAgainst(emulator, { timeout: '0.6', idleTimeout: '0.5' })));
    const flagged = notGreen(report);
    expect(flagged.map((p) => p.id).sort()).toEqual([...CHAT_STREAM_PROBES].sort());
    for (const probe of flagged) expect(probe.reason).toMatch(/no complete answer within 0\.6 s \(--timeout\)/);
  });

  it('an endpoint that never answers: timeouts, then the run stops instead of waiting probe after probe', async () => {
    const [report, ms] = await elapsed(() =>
      withEmulator({ faults: ['stall-response'] }, (emulator) => runAgainst(emulator, { timeout: '0.4', idleTimeout: '0.4', concurrency: '4' })),
    );
    const failed = report.probes.filter((p) => p.verdict === 'fail');
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const probe of failed) expect(probe.reason).toMatch(/no complete answer within 0\.4 s \(--timeout\)/);
    expect(report.stoppedEarly).toMatch(/probes in a row got no answer/);
    const rest = report.probes.filter((p) => p.verdict !== 'fail' && !ALWAYS_SKIPPED.has(p.id));
    for (const probe of rest) expect(probe).toMatchObject({ verdict: 'skipped', reason: expect.stringContaining('stopped early') });
    expect(ms).toBeLessThan(4000);
    expect(report.exitCode).toBe(1);
  });
});

describe('broken answers get a clear verdict', () => {
  it('connection resets', async () => {
    const report = await withEmulator({ faults: ['reset'] }, (emulator) => runAgainst(emulator));
    const failed = report.probes.filter((p) => p.verdict === 'fail');
    expect(failed.length).toBeGreaterThanOrEqual(5);
    for (const probe of failed) expect(probe.reason).toMatch(/connection reset|closed the connection/);
    expect(report.stoppedEarly).toBeDefined();
  });

  it('HTML instead of JSON: every probe fails saying so (protocol and SDK)', async () => {
    const report = await withEmulator({ faults: ['html'] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.length).toBe(report.probes.length - ALWAYS_SKIPPED.size);
    for (const probe of flagged) {
      expect(probe.verdict).toBe('fail');
      expect(probe.reason).toMatch(/HTML page/);
    }
    expect(flagged.some((p) => p.level === 'sdk')).toBe(true);
  });

  it('invalid JSON: every probe fails saying the body is not valid JSON', async () => {
    const report = await withEmulator({ faults: ['invalid-json'] }, (emulator) => runAgainst(emulator));
    const flagged = notGreen(report);
    expect(flagged.length).toBe(report.probes.length - ALWAYS_SKIPPED.size);
    for (const probe of flagged) expect(probe.reason).toMatch(/not valid JSON/);
  });

  it('nothing listening: connection refused, then the run stops', async () => {
    const url = await withEmulator({}, async (emulator) => emulator.url); // closed: the port is free again
    const { resolveConfig } = await import('../../src/conformance/config.js');
    const { runConformance } = await import('../../src/conformance/runner.js');
    const report = await runConformance(resolveConfig({ baseUrl: url, timeout: '2' }, { DEEPSEEK_API_KEY: 'sk-0123456789abcdef' }, '/tmp'));
    const failed = report.probes.filter((p) => p.verdict === 'fail');
    for (const probe of failed) expect(probe.reason).toMatch(/connection refused/);
    expect(report.stoppedEarly).toMatch(/got no answer/);
  });
});

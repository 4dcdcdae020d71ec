/** Shared by the conformance tests: an emulator per test, a run against it, and report queries. */
import { startEmulator, type Emulator, type EmulatorOptions } from '../../fixtures/emulator/index.js';
import { resolveConfig, type RawOptions } from '../../src/conformance/config.js';
import type { ProbeReport, ConformanceReport } from '../../src/conformance/report/model.js';
import { runConformance, type RunDeps } from '../../src/conformance/runner.js';

/** Looks like a DeepSeek key, and is long enough to be found anywhere it leaks. */
export const KEY = 'sk-0123456789abcdef0123456789abcdef';
export const ENV = { DEEPSEEK_API_KEY: KEY };

export async function withEmulator<T>(options: EmulatorOptions, fn: (emulator: Emulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await fn(emulator);
  } finally {
    await emulator.close();
  }
}

/** A run against the emulator, with timeouts short enough for tests. */
export function runAgainst(emulator: Emulator, raw: RawOptions = {}, deps: RunDeps = {}): Promise<ConformanceReport> {
  const config = resolveConfig({ baseUrl: emulator.url, concurrency: '8', timeout: '5', idleTimeout: '2', ...raw }, ENV, '/tmp');
  return runConformance(config, { retry: { maxAttempts: 3, baseDelayMs: 1, maxWaitMs: 5000 }, ...deps });
}

/** Probes skipped by design in every run (they would need a side effect). */
export const ALWAYS_SKIPPED = new Set(['data:part:file@user/deepseek-flash']);

/** Probes whose verdict is neither pass nor matches-data, apart from the by-design skips. */
export function notGreen(report: ConformanceReport): ProbeReport[] {
  return report.probes.filter((p) => p.verdict !== 'pass' && p.verdict !== 'matches-data' && !ALWAYS_SKIPPED.has(p.id));
}

export const byId = (report: ConformanceReport, id: string): ProbeReport => {
  const probe = report.probes.find((p) => p.id === id);
  if (!probe) throw new Error(`no probe ${id} in the report`);
  return probe;
};

/** The probes that stream chat completions: what stream faults must break, and nothing else. */
export const CHAT_STREAM_PROBES = ['protocol.stream.non-thinking', 'protocol.stream.thinking', 'protocol.tools.stream', 'sdk.stream'];

/** The pass/fail logic of the bench, on made-up figures (no timing). */
import { describe, expect, it } from 'vitest';
import { median, summarise, type Sample, type Summary } from '../../bench/measure.js';
import { allPassed, evaluateTargets, GB, type Figures } from '../../bench/targets.js';

const fig = (wallMs: number, peakRssBytes = 100e6): Summary => ({ runs: 3, wallMs, cpuMs: wallMs, peakRssBytes, processes: 1, filesPerSecond: 1000 / (wallMs / 1000), exitCode: 0 });

/** Figures where every target is met exactly at its limit. */
function atLimits(): Record<string, Record<string, Summary>> {
  return {
    sparse: { 'jscodeshift-parse': fig(10_000), 'ds-migrate-dry': fig(2_000, GB - 1), 'ds-migrate-lint': fig(1_000), 'eslint-none': fig(10_000), 'eslint-recommended': fig(11_000) },
    dense: { 'jscodeshift-parse': fig(3_000), 'ds-migrate-dry': fig(2_000) },
    conformance: { 'conformance-c1': fig(16_000), 'conformance-c8': fig(4_000) },
  };
}

const byId = (figures: Figures, skipped = {}) => Object.fromEntries(evaluateTargets(figures, skipped).map((r) => [r.id, r]));

describe('evaluateTargets', () => {
  it('passes every target exactly at its limit', () => {
    const results = evaluateTargets(atLimits());
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['sparse-speed', 'PASS'],
      ['dense-throughput', 'PASS'],
      ['sparse-memory', 'PASS'],
      ['eslint-overhead', 'PASS'],
      ['conformance-concurrency', 'PASS'],
    ]);
    expect(allPassed(results)).toBe(true);
  });

  it('fails each target just past its limit, and says by how much', () => {
    const f = atLimits();
    f.sparse['ds-migrate-dry'] = fig(2_001, GB - 1);
    f.dense['ds-migrate-dry'] = fig(2_500);
    f.sparse['ds-migrate-lint'] = fig(1_000, GB + 5e6);
    f.sparse['eslint-recommended'] = fig(11_050);
    f.conformance['conformance-c8'] = fig(4_001);
    const r = byId(f);
    expect(Object.values(r).map((t) => t.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL']);
    expect(r['dense-throughput'].measured).toBe('1.20×');
    expect(r['dense-throughput'].detail).toContain('1.25× faster');
    expect(r['sparse-memory'].measured).toContain('ds-migrate-lint');
    expect(r['sparse-memory'].detail).toBe('5 MB over');
    expect(r['eslint-overhead'].measured).toBe('+10.5%');
    expect(allPassed(Object.values(r))).toBe(false);
  });

  it('compares wall times only: CPU time and absolute speed do not matter', () => {
    const f = atLimits();
    // Ten times slower machine, same ratios.
    for (const corpus of Object.values(f)) for (const [id, s] of Object.entries(corpus)) corpus[id] = { ...fig(s.wallMs * 10, s.peakRssBytes), cpuMs: 1 };
    expect(allPassed(evaluateTargets(f))).toBe(true);
  });

  it('skips a target whose figures are missing, with the reason, and SKIP does not fail', () => {
    const f = atLimits();
    delete f.conformance['conformance-c1'];
    delete f.conformance['conformance-c8'];
    delete f.sparse['eslint-none'];
    const r = byId(f, { 'conformance/conformance-c1': 'the emulator is not ready' });
    expect(r['conformance-concurrency'].status).toBe('SKIP');
    expect(r['conformance-concurrency'].detail).toContain('the emulator is not ready');
    expect(r['eslint-overhead'].status).toBe('SKIP');
    expect(allPassed(Object.values(r))).toBe(true);
  });
});

describe('median and summarise', () => {
  const sample = (wallMs: number, peakRssBytes: number): Sample => ({ wallMs, cpuMs: wallMs / 2, peakRssBytes, processes: 1, exitCode: 0, stdout: '', stderrTail: '' });

  it('takes the median time and the largest memory peak', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const s = summarise([sample(900, 10), sample(1000, 30), sample(5000, 20)], 500);
    expect(s.wallMs).toBe(1000);
    expect(s.wallSpreadMs).toEqual([900, 5000]);
    expect(s.peakRssBytes).toBe(30);
    expect(s.filesPerSecond).toBe(500);
  });
});

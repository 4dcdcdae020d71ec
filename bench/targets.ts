/**
 * The targets of issue 6, judged on ratios of figures measured in the same run (never on absolute
 * times; the one absolute limit is memory). A target whose figures are missing is SKIP, with why.
 */
import type { Summary } from './measure.js';

/** figures[corpus][commandId]; a command that did not run is absent. */
export type Figures = Readonly<Record<string, Readonly<Record<string, Summary>>>>;

/** Why a command did not run, by `corpus/commandId` (e.g. `conformance/conformance-c1`). */
export type SkipReasons = Readonly<Record<string, string>>;

export type Status = 'PASS' | 'FAIL' | 'SKIP';

export interface TargetResult {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  /** The measured ratio (or value), formatted: `9.3×`, `+4.1%`, `412 MB`. */
  readonly measured: string;
  /** What it must be: `≥ 5×`. */
  readonly required: string;
  /** For FAIL: how far off. For SKIP: why. */
  readonly detail: string;
}

export const GB = 1e9;
const MB = 1e6;

export const formatRatio = (x: number): string => `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** Ratios of measured times are floats: a figure exactly at a limit (11 s vs 10 s for +10%) passes. */
const EPSILON = 1e-9;

export function evaluateTargets(figures: Figures, skipped: SkipReasons = {}): TargetResult[] {
  /** The figures of one command, or why they are missing. */
  const get = (corpus: string, id: string): Summary | string =>
    figures[corpus]?.[id] ?? `not measured: ${corpus}/${id}${skipped[`${corpus}/${id}`] ? ` (${skipped[`${corpus}/${id}`]})` : ''}`;

  const skip = (id: string, title: string, required: string, reason: string): TargetResult => ({ id, title, status: 'SKIP', measured: '—', required, detail: reason });

  /** `subject` at least `min` times faster than `baseline` (same files: wall-time ratio = throughput ratio). */
  const speedup = (id: string, title: string, corpus: string, baselineId: string, subjectId: string, min: number, subjectName: string): TargetResult => {
    const required = `≥ ${min}×`;
    const baseline = get(corpus, baselineId);
    const subject = get(corpus, subjectId);
    if (typeof baseline === 'string') return skip(id, title, required, baseline);
    if (typeof subject === 'string') return skip(id, title, required, subject);
    const x = baseline.wallMs / subject.wallMs;
    const pass = x >= min - EPSILON;
    const detail = pass ? '' : `${subjectName} needs to be ${formatRatio(min / x)} faster (${Math.round((1 - x / min) * 100)}% less wall time)`;
    return { id, title, status: pass ? 'PASS' : 'FAIL', measured: formatRatio(x), required, detail };
  };

  const results: TargetResult[] = [
    speedup('sparse-speed', 'sparse: ds-migrate --dry ≥ 5× faster than jscodeshift no-op (parsing)', 'sparse', 'jscodeshift-parse', 'ds-migrate-dry', 5, 'ds-migrate --dry'),
    speedup('dense-throughput', 'dense: ds-migrate --dry ≥ 1.5× the throughput of jscodeshift no-op (parsing)', 'dense', 'jscodeshift-parse', 'ds-migrate-dry', 1.5, 'ds-migrate --dry'),
  ];

  // Memory: the worst ds-migrate command on the 5,000-file corpus.
  const memTitle = 'sparse: ds-migrate peak memory (RSS) < 1 GB';
  const mem = ['ds-migrate-dry', 'ds-migrate-lint'].flatMap((id) => {
    const s = get('sparse', id);
    return typeof s === 'string' ? [] : [[id, s.peakRssBytes] as const];
  });
  if (mem.length === 0) {
    results.push(skip('sparse-memory', memTitle, '< 1 GB', String(get('sparse', 'ds-migrate-dry'))));
  } else {
    const [worstId, worst] = mem.reduce((a, b) => (b[1] > a[1] ? b : a));
    const pass = worst < GB;
    results.push({ id: 'sparse-memory', title: memTitle, status: pass ? 'PASS' : 'FAIL', measured: `${mb(worst)} (${worstId})`, required: '< 1 GB', detail: pass ? '' : `${mb(worst - GB)} over` });
  }

  const eslintTitle = 'sparse: ESLint + recommended preset ≤ +10% over ESLint, same parser, no rules';
  const none = get('sparse', 'eslint-none');
  const rec = get('sparse', 'eslint-recommended');
  if (typeof none === 'string' || typeof rec === 'string') {
    results.push(skip('eslint-overhead', eslintTitle, '≤ +10%', typeof none === 'string' ? none : String(rec)));
  } else {
    const added = rec.wallMs / none.wallMs - 1;
    const pass = added <= 0.1 + EPSILON;
    // Both runs are one thread: CPU time is a cross-check that is less sensitive to a busy machine.
    const cpu = `CPU time ${rec.cpuMs >= none.cpuMs ? '+' : ''}${((rec.cpuMs / none.cpuMs - 1) * 100).toFixed(1)}%`;
    const detail = pass ? `(${cpu})` : `the preset costs ${formatRatio(added / 0.1)} the allowed overhead (${cpu})`;
    results.push({ id: 'eslint-overhead', title: eslintTitle, status: pass ? 'PASS' : 'FAIL', measured: `${added >= 0 ? '+' : ''}${(added * 100).toFixed(1)}%`, required: '≤ +10%', detail });
  }

  results.push(speedup('conformance-concurrency', 'conformance, 100 ms latency: --concurrency 8 ≥ 4× faster than --concurrency 1', 'conformance', 'conformance-c1', 'conformance-c8', 4, '--concurrency 8'));
  return results;
}

/** True when no target failed (SKIP does not fail the run). */
export function allPassed(results: readonly TargetResult[]): boolean {
  return results.every((r) => r.status !== 'FAIL');
}

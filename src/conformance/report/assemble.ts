/**
 * Builds the report value from a run's results: per-probe records, totals, the one-line summary.
 * Pure: the runner passes in what happened.
 */
import { VERSION as SDK_VERSION } from 'openai/version';
import { COMPAT, estimateCostUSD, priceFor } from '../../compat/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../../meta.js';
import { worstCaseTokens, type BudgetPlan } from '../budget.js';
import type { RunConfig } from '../config.js';
import type { ProjectPlan } from '../project/plan.js';
import { safeUrl } from '../redact.js';
import { VERDICTS, type Exchange, type Probe, type ProbeOutcome, type Verdict } from '../types.js';
import { SCHEMA_VERSION, type ConformanceReport, type PlannedRequestReport, type ProbeReport } from './model.js';

/** Estimated USD of a probe's exchanges, at the prices of `at` (peak or off-peak). */
export function costOf(exchanges: readonly Exchange[], at: Date): number {
  let total = 0;
  for (const exchange of exchanges) {
    if (!exchange.usage || !exchange.model) continue;
    const { prompt, completion, cacheHit, cacheMiss } = exchange.usage;
    const hit = cacheHit ?? 0;
    total += estimateCostUSD({ model: exchange.model, promptCacheHitTokens: hit, promptCacheMissTokens: cacheMiss ?? prompt - hit, completionTokens: completion, at }) ?? 0;
  }
  return total;
}

/** A probe that was not run, or the base of one that was. */
export function skippedReport(probe: Probe, reason: string): ProbeReport {
  return {
    id: probe.id,
    group: probe.group,
    level: probe.level,
    title: probe.title,
    expectation: probe.expectation,
    model: probe.model,
    mode: probe.mode,
    verdict: 'skipped',
    reason,
    details: [],
    data: probe.data ? { id: probe.data.id, ref: probe.data.ref, status: probe.data.status, error: probe.data.error } : undefined,
    callSites: probe.callSites,
    latencyMs: 0,
    tokens: { prompt: 0, completion: 0 },
    costUSD: 0,
    exchanges: [],
  };
}

export function ranReport(probe: Probe, outcome: ProbeOutcome, exchanges: Exchange[], latencyMs: number, at: Date): ProbeReport {
  const base = skippedReport(probe, outcome.reason);
  return {
    ...base,
    verdict: outcome.verdict,
    details: outcome.details ?? [],
    data: base.data ? { ...base.data, observed: outcome.observed } : undefined,
    latencyMs,
    tokens: {
      prompt: exchanges.reduce((sum, e) => sum + (e.usage?.prompt ?? 0), 0),
      completion: exchanges.reduce((sum, e) => sum + (e.usage?.completion ?? 0), 0),
    },
    costUSD: costOf(exchanges, at),
    exchanges,
  };
}

export function plannedReport(probes: readonly Probe[], config: RunConfig): PlannedRequestReport[] {
  return probes.flatMap((probe) =>
    probe.requests.map((request) => ({
      probe: probe.id,
      method: request.method,
      url: `${safeUrl(config.urls[request.base])}${request.path}`,
      via: request.via,
      body: request.body,
      note: request.note,
      worstCaseTokens: worstCaseTokens(request),
    })),
  );
}

/** The most a planned set of requests could cost: every token at the dearer peak price. */
export function worstCaseCost(planned: readonly PlannedRequestReport[]): number {
  let total = 0;
  for (const request of planned) {
    const model = (request.body as { model?: unknown } | undefined)?.model;
    const price = typeof model === 'string' ? priceFor(model)?.peak : undefined;
    if (price) total += (request.worstCaseTokens * Math.max(price.inputCacheMiss, price.output)) / 1_000_000;
  }
  return total;
}

export interface RunFacts {
  readonly config: RunConfig;
  readonly reports: readonly ProbeReport[];
  readonly budget: BudgetPlan;
  readonly admitted: number;
  readonly planned: readonly PlannedRequestReport[];
  readonly requests: number;
  readonly retries: number;
  readonly started: Date;
  readonly finished: Date;
  readonly stoppedEarly?: string;
  readonly project?: ProjectPlan;
}

export function assembleReport(facts: RunFacts): ConformanceReport {
  const { config, reports, budget } = facts;
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of reports) verdicts[r.verdict]++;
  const learned = reports.filter((r) => r.verdict === 'matches-data' && r.data?.status === 'unknown').length;
  const prompt = reports.reduce((s, r) => s + r.tokens.prompt, 0);
  const completion = reports.reduce((s, r) => s + r.tokens.completion, 0);
  const costUSD = reports.reduce((s, r) => s + r.costUSD, 0);
  const worstCost = worstCaseCost(facts.planned);
  const summary = config.dryRun
    ? `dry run: ${facts.admitted} probes would send ${budget.plannedRequests} requests, at most ${budget.plannedTokens} tokens (≤ $${worstCost.toFixed(4)}); nothing was sent`
    : `${reports.length} probes: ${VERDICTS.map((v) => `${verdicts[v]} ${v}`).join(', ')}` +
      `${learned ? ` (${learned} on claims the data marks unknown)` : ''} · ${facts.requests} requests · ${prompt + completion} tokens · $${costUSD.toFixed(4)}`;
  const project = facts.project;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    sdk: { name: 'openai', version: SDK_VERSION },
    compat: { asOf: COMPAT.asOf, checkedOn: COMPAT.checkedOn },
    endpoint: safeUrl(config.urls.api),
    betaEndpoint: safeUrl(config.urls.beta),
    models: config.models,
    dryRun: config.dryRun,
    startedAt: facts.started.toISOString(),
    finishedAt: facts.finished.toISOString(),
    durationMs: facts.finished.getTime() - facts.started.getTime(),
    settings: {
      keyEnv: config.keyEnv,
      maxRequests: config.maxRequests,
      maxTokens: config.maxTokens,
      concurrency: config.concurrency,
      timeoutS: config.timeoutMs / 1000,
      idleTimeoutS: config.idleTimeoutMs / 1000,
      only: config.only,
    },
    totals: {
      probes: reports.length,
      verdicts,
      learned,
      requests: facts.requests,
      retries: facts.retries,
      tokens: { prompt, completion, total: prompt + completion },
      costUSD,
      planned: { requests: budget.plannedRequests, worstCaseTokens: budget.plannedTokens, worstCaseCostUSD: worstCost },
    },
    stoppedEarly: facts.stoppedEarly,
    exitCode: verdicts.fail + verdicts['contradicts-data'] > 0 ? 1 : 0,
    summary,
    probes: reports,
    plannedRequests: config.dryRun ? facts.planned : undefined,
    project: project
      ? { root: project.root, callSites: project.callSites, profiles: project.groups.length, notProbed: project.notProbed, fileErrors: project.fileErrors }
      : undefined,
  };
}

/**
 * Runs a conformance check: builds the catalog, admits probes under the caps, runs them in a bounded
 * pool over one transport, and stops early when going on would be pointless or costly (a refused key,
 * no balance, a rate limit that does not lift, an endpoint that does not answer).
 */
import { planBudget, RequestCounter, worstCaseTokens } from './budget.js';
import { buildCatalog, selectProbes } from './catalog/index.js';
import type { RunConfig } from './config.js';
import { clip } from './judge.js';
import { runPool } from './pool.js';
import { probeContext } from './probe-context.js';
import { planProject, type ProjectPlan } from './project/plan.js';
import { assembleReport, plannedReport, ranReport, skippedReport } from './report/assemble.js';
import type { ConformanceReport, ProbeReport } from './report/model.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { Transport } from './transport.js';
import type { Exchange, ProbeOutcome } from './types.js';

export interface RunDeps {
  readonly now?: () => Date;
  readonly retry?: RetryPolicy;
  readonly fetchImpl?: typeof fetch;
  /** How retries wait (tests record the waits instead of timing them). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called as each probe ends, for progress output. */
  readonly onProbe?: (probe: ProbeReport) => void;
}

/** Probes in a row that got no answer at all before the run stops. */
const TRANSPORT_FAILURE_STREAK = 5;

/** What ended a probe that should stop the run, if anything. */
function stopReason(exchanges: readonly Exchange[], keyEnv: string): string | undefined {
  for (const exchange of exchanges) {
    if (exchange.key !== 'user') continue;
    if (exchange.status === 401) return `the endpoint refused the key in ${keyEnv} (HTTP 401): check it is a DeepSeek key for this endpoint`;
    if (exchange.status === 402) return 'the account has no balance left (HTTP 402 Insufficient Balance): top it up';
    if (exchange.status === 429) return `still rate limited (HTTP 429) after ${exchange.attempts} attempts: try later or lower --concurrency`;
  }
  return undefined;
}

const noAnswer = (exchanges: readonly Exchange[]) => exchanges.length > 0 && exchanges.every((e) => e.status === undefined && e.error !== undefined);

export async function runConformance(config: RunConfig, deps: RunDeps = {}): Promise<ConformanceReport> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const project: ProjectPlan | undefined = config.project ? await planProject(config.project, config.models[0]) : undefined;
  const probes = selectProbes(buildCatalog(config.models, project), config.only);
  const budget = planBudget(probes, { maxRequests: config.maxRequests, maxTokens: config.maxTokens });
  const admitted = probes.filter((p) => budget.admitted.has(p.id));

  const results = new Map<string, ProbeReport>();
  for (const probe of probes) {
    const reason = probe.skipReason ?? budget.refused.get(probe.id);
    if (reason) results.set(probe.id, skippedReport(probe, reason));
  }

  let stoppedEarly: string | undefined;
  const counter = new RequestCounter(config.maxRequests, budget.plannedRequests);
  if (config.dryRun) {
    for (const probe of admitted) results.set(probe.id, skippedReport(probe, 'dry run: nothing sent'));
  } else {
    const transport = new Transport({
      timeoutMs: config.timeoutMs,
      idleTimeoutMs: config.idleTimeoutMs,
      retry: deps.retry ?? DEFAULT_RETRY,
      counter,
      fetchImpl: deps.fetchImpl,
      sleep: deps.sleep,
    });
    let streak = 0;
    let tokensUsed = 0;
    await runPool(admitted, config.concurrency, async (probe) => {
      if (stoppedEarly) return void results.set(probe.id, skippedReport(probe, `not sent: the run stopped early (${stoppedEarly})`));
      // The plan admitted this probe by worst cases; a probe of an ignored cap may have used more.
      const worst = probe.requests.reduce((sum, r) => sum + worstCaseTokens(r), 0);
      if (tokensUsed + worst > config.maxTokens) {
        return void results.set(probe.id, skippedReport(probe, `not sent: ${tokensUsed} tokens used so far, its worst case (${worst}) would pass --max-tokens ${config.maxTokens}`));
      }
      const exchanges: Exchange[] = [];
      const begin = Date.now();
      let outcome: ProbeOutcome;
      try {
        outcome = await probe.run(probeContext(config, config.apiKey!, transport, exchanges));
      } catch (error) {
        outcome = { verdict: 'fail', reason: `the probe itself failed: ${clip((error as Error)?.message ?? String(error), 200)}` };
      }
      const report = ranReport(probe, outcome, exchanges, Date.now() - begin, now());
      tokensUsed += report.tokens.prompt + report.tokens.completion;
      results.set(probe.id, report);
      deps.onProbe?.(report);

      streak = noAnswer(exchanges) ? streak + 1 : 0;
      const stop = stopReason(exchanges, config.keyEnv) ?? (streak >= TRANSPORT_FAILURE_STREAK ? `${streak} probes in a row got no answer (last: ${exchanges.at(-1)?.error})` : undefined);
      if (stop && !stoppedEarly) stoppedEarly = stop;
    });
  }

  return assembleReport({
    config,
    reports: probes.map((p) => results.get(p.id)).filter((r): r is ProbeReport => r !== undefined),
    budget,
    admitted: admitted.length,
    planned: plannedReport(admitted, config),
    requests: counter.total,
    retries: counter.retried,
    started,
    finished: now(),
    stoppedEarly,
    project,
  });
}

/**
 * The conformance report: one JSON-compatible value from which the Markdown, JSON and JUnit forms are
 * rendered. `schemaVersion` changes whenever a field is removed or changes meaning (docs/conformance.md
 * documents the schema).
 */
import type { ParamStatus, ThinkingMode } from '../../compat/index.js';
import type { CallSite, Exchange, ProbeLevel, Verdict } from '../types.js';

export const SCHEMA_VERSION = 1;

export interface ProbeReport {
  readonly id: string;
  readonly group: string;
  readonly level: ProbeLevel;
  readonly title: string;
  readonly expectation: string;
  readonly model?: string;
  readonly mode?: ThinkingMode;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly details: readonly string[];
  /** Data probes: the claim tested and, for verdicts on it, what the endpoint did. */
  readonly data?: {
    readonly id: string;
    readonly ref: string;
    readonly status: ParamStatus;
    readonly error?: string;
    readonly observed?: 'accepted' | 'rejected';
  };
  readonly callSites?: readonly CallSite[];
  /** Wall time of the probe, all its requests and retries included. */
  readonly latencyMs: number;
  readonly tokens: { readonly prompt: number; readonly completion: number };
  readonly costUSD: number;
  readonly exchanges: readonly Exchange[];
}

export interface PlannedRequestReport {
  readonly probe: string;
  readonly method: string;
  readonly url: string;
  readonly via: 'fetch' | 'openai-sdk';
  readonly body?: unknown;
  readonly note?: string;
  readonly worstCaseTokens: number;
}

export interface ProjectSection {
  readonly root: string;
  readonly callSites: number;
  readonly profiles: number;
  readonly notProbed: readonly { readonly site: CallSite; readonly call: string; readonly reason: string }[];
  readonly fileErrors: readonly string[];
}

export interface ConformanceReport {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly sdk: { readonly name: 'openai'; readonly version: string };
  readonly compat: { readonly asOf: string; readonly checkedOn?: string };
  readonly endpoint: string;
  readonly betaEndpoint: string;
  readonly models: readonly string[];
  readonly dryRun: boolean;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly settings: {
    readonly keyEnv: string;
    readonly maxRequests: number;
    readonly maxTokens: number;
    readonly concurrency: number;
    readonly timeoutS: number;
    readonly idleTimeoutS: number;
    readonly only: readonly string[];
  };
  readonly totals: {
    readonly probes: number;
    readonly verdicts: Readonly<Record<Verdict, number>>;
    /** matches-data verdicts on claims the data marks unknown: what was learned. */
    readonly learned: number;
    readonly requests: number;
    readonly retries: number;
    readonly tokens: { readonly prompt: number; readonly completion: number; readonly total: number };
    readonly costUSD: number;
    readonly planned: { readonly requests: number; readonly worstCaseTokens: number; readonly worstCaseCostUSD: number };
  };
  /** Why the run stopped before sending every admitted probe, if it did. */
  readonly stoppedEarly?: string;
  readonly exitCode: 0 | 1;
  /** One line: the verdict counts, requests, tokens and cost. */
  readonly summary: string;
  readonly probes: readonly ProbeReport[];
  /** Dry runs: every request that would be sent. */
  readonly plannedRequests?: readonly PlannedRequestReport[];
  readonly project?: ProjectSection;
}

/** Probes that need a person: failures and contradictions of the data. */
export const needsAttention = (probe: ProbeReport): boolean => probe.verdict === 'fail' || probe.verdict === 'contradicts-data';

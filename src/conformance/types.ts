/**
 * The vocabulary of the conformance check: probes (what to send and how to judge the answer),
 * verdicts, and the records of what was exchanged with the endpoint.
 */
import type OpenAI from 'openai';
import type { ParamStatus, ThinkingMode } from '../compat/index.js';

export type Verdict = 'pass' | 'fail' | 'matches-data' | 'contradicts-data' | 'skipped';
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'matches-data', 'contradicts-data', 'skipped'];

/** protocol: raw HTTP + strict SSE parsing; sdk: through the openai package; data: a compat-data claim; project: a call site's profile. */
export type ProbeLevel = 'protocol' | 'sdk' | 'data' | 'project';

/** Which base URL a request goes to: the API base, its `/beta` sibling, or the other form of the `/v1` alias. */
export type BaseName = 'api' | 'beta' | 'alias';

/** The key a request carries: the user's, or a deliberately invalid one (to test the 401 answer). */
export type KeyChoice = 'user' | 'invalid';

export interface PlannedRequest {
  readonly method: 'GET' | 'POST';
  readonly base: BaseName;
  /** Appended to the base URL: `/chat/completions`. */
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly key?: KeyChoice;
  readonly via: 'fetch' | 'openai-sdk';
  /** A note for the dry-run listing: what this request is for, or what it depends on. */
  readonly note?: string;
}

/** The compat-data claim a data probe tests. */
export interface DataClaimInfo {
  readonly id: string;
  /** Where to fix the data: `src/compat/chat-params.ts › temperature › thinking`. */
  readonly ref: string;
  readonly status: ParamStatus;
  readonly error?: string;
  readonly label: string;
}

export interface ProbeOutcome {
  readonly verdict: Verdict;
  /** One line, for the summary and JUnit messages. */
  readonly reason: string;
  readonly details?: readonly string[];
  /** For data probes: what the endpoint did with the request. */
  readonly observed?: 'accepted' | 'rejected';
}

export interface CallSite {
  /** Relative to the project root, POSIX slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Probe {
  readonly id: string;
  readonly group: string;
  readonly level: ProbeLevel;
  readonly title: string;
  /** What must happen for the probe to pass, in words. */
  readonly expectation: string;
  readonly model?: string;
  readonly mode?: ThinkingMode;
  readonly data?: DataClaimInfo;
  readonly requests: readonly PlannedRequest[];
  /** Call sites a project probe covers. */
  readonly callSites?: readonly CallSite[];
  /** A probe known up front not to be runnable (`needs an uploaded file`): skipped with this reason. */
  readonly skipReason?: string;
  run(ctx: ProbeContext): Promise<ProbeOutcome>;
}

/** What an HTTP exchange produced, as a probe sees it. */
export type HttpResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly contentType: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly text: string;
      readonly latencyMs: number;
    }
  | { readonly kind: 'transport-error'; readonly message: string; readonly latencyMs: number };

export interface ProbeContext {
  /** Sends one planned request with raw fetch (timeouts, retries, budget and recording applied). */
  send(request: PlannedRequest): Promise<HttpResult>;
  /** An openai SDK client for a base URL, whose HTTP goes through the same transport. */
  sdk(base: BaseName, key?: KeyChoice): OpenAI;
  /** The exchanges of this probe so far (to explain an SDK error by what the server sent). */
  exchanges(): readonly Exchange[];
}

/** One HTTP request as recorded for the report (bodies redacted). */
export interface Exchange {
  readonly method: string;
  /** Without credentials: `https://api.deepseek.com/chat/completions`. */
  readonly url: string;
  readonly via: 'fetch' | 'openai-sdk';
  readonly key: KeyChoice;
  readonly requestBody?: unknown;
  status?: number;
  contentType?: string;
  latencyMs?: number;
  attempts: number;
  /** Transport failure (timeout, reset, refused), when there was no complete answer. */
  error?: string;
  /** The start of the answer body, redacted, at most a few kilobytes. */
  responseSnippet?: string;
  usage?: TokenUsage;
  /** The model billed, from the request body. */
  model?: string;
}

export interface TokenUsage {
  readonly prompt: number;
  readonly completion: number;
  readonly cacheHit?: number;
  readonly cacheMiss?: number;
}

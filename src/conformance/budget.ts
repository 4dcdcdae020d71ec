/**
 * Hard caps on what a run may spend. Probes are admitted in catalog order before anything is sent,
 * by their worst case (every planned request, each using its prompt estimate plus its output cap), so
 * the set of probes that runs does not depend on timing, and the caps hold even if every answer is as
 * long as allowed. Retries spend only what the admitted probes left unused.
 */
import type { PlannedRequest, Probe } from './types.js';

/** Output reserved for a request that deliberately sends no usable cap (testing that a cap is ignored). */
export const UNCAPPED_OUTPUT_RESERVE = 2048;

const numberAt = (body: Readonly<Record<string, unknown>> | undefined, key: string): number | undefined => {
  const value = body?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** The most output tokens a request can produce: its `max_tokens` (or Responses `max_output_tokens`). */
export function outputCap(request: PlannedRequest): number {
  if (request.method === 'GET' || !request.body) return 0;
  const cap = numberAt(request.body, 'max_tokens') ?? numberAt(request.body, 'max_output_tokens');
  // A cap beyond the reserve is a probe of the cap itself: a tiny prompt never fills it.
  return cap === undefined ? UNCAPPED_OUTPUT_RESERVE : Math.min(cap, UNCAPPED_OUTPUT_RESERVE);
}

/**
 * A generous prompt-token estimate: one token per two characters of the JSON of what the model reads
 * (real tokenizers average about four), plus a fixed overhead for the chat template.
 */
export function estimatePromptTokens(request: PlannedRequest): number {
  if (request.method === 'GET' || !request.body) return 0;
  const { messages, input, prompt, suffix, tools, instructions } = request.body as Record<string, unknown>;
  const read = JSON.stringify([messages, input, prompt, suffix, tools, instructions].filter((v) => v !== undefined));
  return Math.ceil(read.length / 2) + 16;
}

export function worstCaseTokens(request: PlannedRequest): number {
  return estimatePromptTokens(request) + outputCap(request);
}

export interface Caps {
  readonly maxRequests: number;
  readonly maxTokens: number;
}

export interface BudgetPlan {
  readonly admitted: ReadonlySet<string>;
  /** Probe id → why it was not admitted. */
  readonly refused: ReadonlyMap<string, string>;
  readonly plannedRequests: number;
  readonly plannedTokens: number;
}

/** Admits probes in order while their worst case fits under both caps; the rest are refused. */
export function planBudget(probes: readonly Probe[], caps: Caps): BudgetPlan {
  const admitted = new Set<string>();
  const refused = new Map<string, string>();
  let requests = 0;
  let tokens = 0;
  for (const probe of probes) {
    if (probe.skipReason) continue;
    const needRequests = probe.requests.length;
    const needTokens = probe.requests.reduce((sum, r) => sum + worstCaseTokens(r), 0);
    if (requests + needRequests > caps.maxRequests) {
      refused.set(probe.id, `not sent: it would pass --max-requests ${caps.maxRequests} (${requests} already planned, it needs ${needRequests})`);
      continue;
    }
    if (tokens + needTokens > caps.maxTokens) {
      refused.set(probe.id, `not sent: its worst case (${needTokens} tokens) would pass --max-tokens ${caps.maxTokens} (${tokens} already planned)`);
      continue;
    }
    requests += needRequests;
    tokens += needTokens;
    admitted.add(probe.id);
  }
  return { admitted, refused, plannedRequests: requests, plannedTokens: tokens };
}

/** Counts requests as they are sent; retries may use only the requests no admitted probe reserved. */
export class RequestCounter {
  private sent = 0;
  private retries = 0;

  constructor(
    private readonly maxRequests: number,
    private readonly reserved: number,
  ) {}

  /** A first attempt of a planned request. */
  takeFirst(): boolean {
    if (this.sent >= this.maxRequests) return false;
    this.sent++;
    return true;
  }

  /** Whether a retry fits: the cap must leave room beyond what admitted probes reserved. */
  canRetry(): boolean {
    return this.reserved + this.retries < this.maxRequests && this.sent < this.maxRequests;
  }

  takeRetry(): boolean {
    if (!this.canRetry()) return false;
    this.sent++;
    this.retries++;
    return true;
  }

  get total(): number {
    return this.sent;
  }

  get retried(): number {
    return this.retries;
  }
}

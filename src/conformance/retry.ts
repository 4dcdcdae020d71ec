/**
 * When to retry and how long to wait. Only rate limits and server overload are retried (429, 500,
 * 503, reference §7): every other answer is the endpoint's verdict on the request and must be judged,
 * not hidden by a retry.
 */

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 503]);

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  /** Base of the exponential backoff when the server gives no Retry-After. */
  readonly baseDelayMs: number;
  /** A longer Retry-After is not waited for: the request fails with the server's answer. */
  readonly maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxWaitMs: 30_000 };

/**
 * Milliseconds a Retry-After (or retry-after-ms) header asks for; undefined when absent or unreadable.
 * Accepts seconds (fractions too, as some servers send them) and HTTP dates.
 */
export function retryAfterMs(headers: { get(name: string): string | null }, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type RetryDecision = { readonly retry: true; readonly waitMs: number } | { readonly retry: false; readonly why?: string };

/** Whether attempt number `attempt` (1-based) that got `status` should be retried, and after how long. */
export function decideRetry(status: number, attempt: number, retryAfter: number | undefined, policy: RetryPolicy): RetryDecision {
  if (!RETRYABLE_STATUSES.has(status)) return { retry: false };
  if (attempt >= policy.maxAttempts) return { retry: false, why: `still HTTP ${status} after ${attempt} attempts` };
  const waitMs = retryAfter ?? policy.baseDelayMs * 2 ** (attempt - 1);
  if (waitMs > policy.maxWaitMs) {
    return { retry: false, why: `HTTP ${status} asks to retry after ${Math.round(waitMs / 1000)} s, longer than ${Math.round(policy.maxWaitMs / 1000)} s` };
  }
  return { retry: true, waitMs };
}

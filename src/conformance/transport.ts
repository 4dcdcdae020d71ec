/**
 * Every HTTP request of a run goes through here, raw probes and the openai SDK alike (the SDK gets
 * `fetchFor` as its `fetch`). It applies what a check against a paid, sometimes hanging API needs:
 * - a deadline per request (`--timeout`) and an idle limit while the answer streams (`--idle-timeout`);
 * - retries only on 429/500/503, honouring Retry-After, within the request cap;
 * - a size limit on answers, so an endless stream cannot fill memory;
 * - a record of each exchange (redacted later, at the sinks) with its status, latency and token usage.
 */
import type { RequestCounter } from './budget.js';
import { decideRetry, retryAfterMs, type RetryPolicy } from './retry.js';
import { safeUrl } from './redact.js';
import type { Exchange, HttpResult, KeyChoice, TokenUsage } from './types.js';

export type TransportErrorCode = 'timeout' | 'idle' | 'reset' | 'refused' | 'network' | 'too-large' | 'budget';

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface TransportOptions {
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly counter: RequestCounter;
  /** Answers longer than this are cut off with an error. Default 4 MiB. */
  readonly maxBodyBytes?: number;
  readonly fetchImpl?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What a report keeps of an answer body. */
export const SNIPPET_CHARS = 2000;
/** What is kept in memory to find token usage (which comes last in a stream). */
const CAPTURE_BYTES = 512 * 1024;

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

function usageFromObject(usage: unknown): TokenUsage | undefined {
  if (!isRecord(usage)) return undefined;
  if (typeof usage.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') {
    return {
      prompt: usage.prompt_tokens,
      completion: usage.completion_tokens,
      cacheHit: typeof usage.prompt_cache_hit_tokens === 'number' ? usage.prompt_cache_hit_tokens : undefined,
      cacheMiss: typeof usage.prompt_cache_miss_tokens === 'number' ? usage.prompt_cache_miss_tokens : undefined,
    };
  }
  // The Responses API's names (reference §5).
  if (typeof usage.input_tokens === 'number' && typeof usage.output_tokens === 'number') {
    const cached = isRecord(usage.input_tokens_details) && typeof usage.input_tokens_details.cached_tokens === 'number' ? usage.input_tokens_details.cached_tokens : undefined;
    return {
      prompt: usage.input_tokens,
      completion: usage.output_tokens,
      cacheHit: cached,
      cacheMiss: cached === undefined ? undefined : usage.input_tokens - cached,
    };
  }
  return undefined;
}

/** Token usage in an answer body: a JSON object's `usage`, or the last usage of an event stream. */
export function usageFromBody(text: string): TokenUsage | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      return usageFromObject((JSON.parse(trimmed) as Rec).usage);
    } catch {
      return undefined;
    }
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.startsWith('data:'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const data = JSON.parse(lines[i].slice(5)) as Rec;
      const found = usageFromObject(data.usage) ?? (isRecord(data.response) ? usageFromObject(data.response.usage) : undefined);
      if (found) return found;
    } catch {
      // [DONE] and broken lines carry no usage.
    }
  }
  return undefined;
}

/** A readable reason for a failed fetch or body read. */
export function toTransportError(error: unknown, signal?: AbortSignal): TransportError {
  if (signal?.aborted && signal.reason instanceof TransportError) return signal.reason;
  if (error instanceof TransportError) return error;
  const err = error as { message?: string; code?: string; cause?: { code?: string; message?: string; hostname?: string } };
  const code = err.cause?.code ?? err.code;
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new TransportError('reset', 'the server closed the connection before a complete answer (connection reset)');
    case 'ECONNREFUSED':
      return new TransportError('refused', 'connection refused: nothing is listening at the endpoint');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TransportError('network', `host not found${err.cause?.hostname ? `: ${err.cause.hostname}` : ''}`);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new TransportError('timeout', 'the server stopped answering (HTTP client timeout)');
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TransportError('timeout', 'could not connect to the endpoint in time');
    default:
      return new TransportError('network', `network error: ${err.cause?.message ?? err.message ?? String(error)}`);
  }
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class Transport {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetchImpl: typeof fetch;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: TransportOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  }

  /** A `fetch` that records each exchange into `exchanges`: give it to the openai SDK. */
  fetchFor(exchanges: Exchange[], via: Exchange['via'], key: KeyChoice): typeof fetch {
    return ((input: string | URL | Request, init?: RequestInit) => this.fetch(input, init, exchanges, via, key)) as typeof fetch;
  }

  /** One planned request sent raw, its whole answer read. Never throws. */
  async send(url: string, init: RequestInit, exchanges: Exchange[], key: KeyChoice): Promise<HttpResult> {
    const started = Date.now();
    try {
      const res = await this.fetch(url, init, exchanges, 'fetch', key);
      const text = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      return { kind: 'response', status: res.status, contentType: res.headers.get('content-type') ?? '', headers, text, latencyMs: Date.now() - started };
    } catch (error) {
      return { kind: 'transport-error', message: toTransportError(error).message, latencyMs: Date.now() - started };
    }
  }

  private async fetch(input: string | URL | Request, init: RequestInit | undefined, exchanges: Exchange[], via: Exchange['via'], key: KeyChoice): Promise<Response> {
    const url = urlOf(input);
    const bodyText = typeof init?.body === 'string' ? init.body : undefined;
    const requestBody = parseBody(bodyText);
    const exchange: Exchange = {
      method: init?.method ?? 'GET',
      url: safeUrl(url),
      via,
      key,
      requestBody,
      attempts: 0,
      model: isRecord(requestBody) && typeof requestBody.model === 'string' ? requestBody.model : undefined,
    };
    exchanges.push(exchange);
    const started = Date.now();
    const { counter, retry, timeoutMs } = this.options;

    for (let attempt = 1; ; attempt++) {
      if (!(attempt === 1 ? counter.takeFirst() : counter.takeRetry())) {
        const error = new TransportError('budget', 'not sent: the request cap (--max-requests) is used up');
        exchange.error = error.message;
        throw error;
      }
      exchange.attempts = attempt;
      const controller = new AbortController();
      const deadline = setTimeout(
        () => controller.abort(new TransportError('timeout', `no complete answer within ${seconds(timeoutMs)} (--timeout)`)),
        timeoutMs,
      );
      // A body nobody reads must not keep the process alive until its deadline.
      deadline.unref();
      const signal = init?.signal ? AbortSignal.any([controller.signal, init.signal]) : controller.signal;
      let res: Response;
      try {
        res = await this.fetchImpl(url, { ...init, signal });
      } catch (error) {
        clearTimeout(deadline);
        const failure = toTransportError(error, controller.signal);
        exchange.error = failure.message;
        exchange.latencyMs = Date.now() - started;
        throw failure;
      }
      exchange.status = res.status;
      exchange.contentType = res.headers.get('content-type') ?? undefined;
      const decision = decideRetry(res.status, attempt, retryAfterMs(res.headers), retry);
      if (decision.retry && counter.canRetry()) {
        clearTimeout(deadline);
        await res.body?.cancel().catch(() => undefined);
        await this.sleep(decision.waitMs);
        continue;
      }
      return this.wrap(res, controller, deadline, exchange, started);
    }
  }

  /** The answer with its body watched: idle limit, deadline, size limit, and a capture for the record. */
  private wrap(res: Response, controller: AbortController, deadline: NodeJS.Timeout, exchange: Exchange, started: number): Response {
    const { idleTimeoutMs } = this.options;
    const captured: Uint8Array[] = [];
    let capturedBytes = 0;
    let totalBytes = 0;
    let idle: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (error?: TransportError) => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      clearTimeout(deadline);
      exchange.latencyMs = Date.now() - started;
      const text = Buffer.concat(captured).toString('utf8');
      exchange.responseSnippet = text.slice(0, SNIPPET_CHARS);
      exchange.usage = usageFromBody(text);
      if (error) exchange.error = error.message;
    };
    if (!res.body) {
      finish();
      return res;
    }
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => controller.abort(new TransportError('idle', `the answer stalled: nothing arrived for ${seconds(idleTimeoutMs)} (--idle-timeout)`)),
        idleTimeoutMs,
      );
      idle.unref();
    };
    armIdle();
    const reader = res.body.getReader();
    const maxBodyBytes = this.maxBodyBytes;
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            finish();
            stream.close();
            return;
          }
          armIdle();
          totalBytes += value.byteLength;
          if (totalBytes > maxBodyBytes) throw new TransportError('too-large', `the answer passed ${Math.round(maxBodyBytes / 1024)} KiB without ending`);
          if (capturedBytes < CAPTURE_BYTES) {
            captured.push(value);
            capturedBytes += value.byteLength;
          }
          stream.enqueue(value);
        } catch (error) {
          const failure = toTransportError(error, controller.signal);
          finish(failure);
          controller.abort(failure);
          stream.error(failure);
        }
      },
      cancel(reason) {
        finish();
        controller.abort();
        return reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }
}

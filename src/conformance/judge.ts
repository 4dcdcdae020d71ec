/**
 * Turning HTTP results into verdicts: the shared steps of every probe (did an answer come, is it JSON,
 * what status), and the judgement of a compat-data claim against what the endpoint did.
 */
import { findErrorMessage } from '../compat/index.js';
import type { DataClaimInfo, HttpResult, ProbeOutcome } from './types.js';

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

export const clip = (text: string, max = 160): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const fail = (reason: string, details?: readonly string[]): ProbeOutcome => ({ verdict: 'fail', reason, details });
export const pass = (reason: string, details?: readonly string[]): ProbeOutcome => ({ verdict: 'pass', reason, details });

/** Problems → pass or fail: the first problem is the reason, the others are details. */
export function verdictOf(problems: readonly string[], okReason: string, details: readonly string[] = []): ProbeOutcome {
  return problems.length === 0 ? pass(okReason, details) : fail(problems[0], [...problems.slice(1), ...details]);
}

export type Answer = { readonly ok: true; readonly status: number; readonly json: unknown; readonly text: string } | { readonly ok: false; readonly outcome: ProbeOutcome };

/** The answer parsed as JSON, or the failure that explains why there is none. */
export function jsonAnswer(result: HttpResult): Answer {
  if (result.kind === 'transport-error') return { ok: false, outcome: fail(`no answer: ${result.message}`) };
  const type = result.contentType.toLowerCase();
  if (type.includes('text/html') || /^\s*<(!doctype|html)/i.test(result.text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(result.text)?.[1];
    return {
      ok: false,
      outcome: fail(`HTTP ${result.status} answered with an HTML page${title ? ` ("${clip(title, 60)}")` : ''}, not JSON: is the base URL right?`),
    };
  }
  try {
    return { ok: true, status: result.status, json: JSON.parse(result.text), text: result.text };
  } catch {
    return { ok: false, outcome: fail(`HTTP ${result.status} answered with a body that is not valid JSON: ${clip(result.text, 100)}`) };
  }
}

/** `HTTP 400: Model Not Exist`, for reasons. */
export function describeStatus(status: number, json: unknown): string {
  const message = isRecord(json) && isRecord(json.error) && typeof json.error.message === 'string' ? json.error.message : undefined;
  return message === undefined ? `HTTP ${status}` : `HTTP ${status}: ${clip(message, 200)}`;
}

export function errorMessageOf(json: unknown): string | undefined {
  return isRecord(json) && isRecord(json.error) && typeof json.error.message === 'string' ? json.error.message : undefined;
}

/** An answer that needs status 200 with a JSON body: the body, or the failure. */
export function okJson(result: HttpResult): { ok: true; json: unknown; text: string } | { ok: false; outcome: ProbeOutcome } {
  const answer = jsonAnswer(result);
  if (!answer.ok) return answer;
  if (answer.status !== 200) return { ok: false, outcome: fail(`expected HTTP 200, got ${describeStatus(answer.status, answer.json)}`) };
  return { ok: true, json: answer.json, text: answer.text };
}

/** The text of a 200 event stream, or the failure that explains why there is none. */
export function streamText(result: HttpResult): string | ProbeOutcome {
  if (result.kind === 'transport-error') return fail(`no complete stream: ${result.message}`);
  if (result.status === 200 && result.contentType.toLowerCase().includes('text/event-stream')) return result.text;
  const answer = jsonAnswer(result);
  if (!answer.ok) return answer.outcome;
  if (result.status !== 200) return fail(`expected HTTP 200, got ${describeStatus(result.status, answer.json)}`);
  return fail(`expected an event stream (text/event-stream), got ${result.contentType || 'no content-type'}: ${clip(result.text, 100)}`);
}

/** Statuses that mean "the endpoint refused this request" (the data's "rejected": 400, or 422 in some eras). */
const REJECTION_STATUSES: ReadonlySet<number> = new Set([400, 404, 405, 422]);

export type Reaction =
  | { readonly kind: 'accepted'; readonly status: number; readonly json: unknown }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string }
  | { readonly kind: 'untestable'; readonly outcome: ProbeOutcome };

/** What the endpoint did with a request: accepted it, rejected it, or neither (so the claim cannot be judged). */
export function reactionOf(result: HttpResult): Reaction {
  if (result.kind === 'transport-error') return { kind: 'untestable', outcome: fail(`no answer: ${result.message}`) };
  const answer = jsonAnswer(result);
  if (result.status >= 200 && result.status < 300) {
    if (!answer.ok) return { kind: 'untestable', outcome: answer.outcome };
    return { kind: 'accepted', status: result.status, json: answer.json };
  }
  if (REJECTION_STATUSES.has(result.status)) {
    const message = answer.ok ? errorMessageOf(answer.json) : undefined;
    return { kind: 'rejected', status: result.status, message: message ?? clip(result.text, 200) };
  }
  const why = answer.ok ? describeStatus(result.status, answer.json) : answer.outcome.reason;
  return { kind: 'untestable', outcome: fail(`could not test the claim: ${why}`) };
}

/**
 * Whether an error text is the one the data expects: the same text (possibly wrapped, as DeepSeek
 * prefixes serde errors with the field path), or another wording of the same known message.
 */
export function sameError(expected: string, actual: string): boolean {
  if (actual.includes(expected)) return true;
  const known = findErrorMessage(actual);
  return known !== undefined && (known.message === expected || (known.pattern !== undefined && new RegExp(known.pattern).test(expected)));
}

/** An extra check on an accepted answer ("the cap was really ignored"); problems mean the claim is contradicted. */
export type EffectCheck = (json: unknown) => readonly string[];

/** The verdict on a compat-data claim, given what the endpoint did. */
export function judgeClaim(claim: DataClaimInfo, result: HttpResult, effect?: EffectCheck): ProbeOutcome {
  const reaction = reactionOf(result);
  if (reaction.kind === 'untestable') return reaction.outcome;
  const says = `the data says ${claim.status}`;
  if (claim.status === 'unknown') {
    const what = reaction.kind === 'accepted' ? `accepted (HTTP ${reaction.status})` : `rejected (HTTP ${reaction.status}: ${clip(reaction.message, 160)})`;
    return {
      verdict: 'matches-data',
      observed: reaction.kind,
      reason: `observed: ${what}; the data says unknown, so this is news for ${claim.ref}`,
    };
  }
  if (claim.status === 'rejected') {
    if (reaction.kind === 'accepted') return { verdict: 'contradicts-data', observed: 'accepted', reason: `accepted (HTTP ${reaction.status}), but ${says}` };
    if (claim.error !== undefined && !sameError(claim.error, reaction.message)) {
      return {
        verdict: 'contradicts-data',
        observed: 'rejected',
        reason: `rejected as the data says, but with another message: "${clip(reaction.message, 160)}"`,
        details: [`the data's message: "${claim.error}"`],
      };
    }
    return { verdict: 'matches-data', observed: 'rejected', reason: `rejected (HTTP ${reaction.status}: ${clip(reaction.message, 120)}), as the data says` };
  }
  // supported, ignored, beta-only: the request must go through.
  if (reaction.kind === 'rejected') {
    return { verdict: 'contradicts-data', observed: 'rejected', reason: `rejected (HTTP ${reaction.status}: ${clip(reaction.message, 160)}), but ${says}` };
  }
  const problems = effect ? effect(reaction.json) : [];
  if (problems.length > 0) return { verdict: 'contradicts-data', observed: 'accepted', reason: `${problems[0]}, but ${says}`, details: problems };
  return { verdict: 'matches-data', observed: 'accepted', reason: `accepted (HTTP ${reaction.status}), as the data says (${claim.status})` };
}

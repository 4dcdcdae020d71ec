/**
 * Small pure lookups over a `CompatData` (default: `COMPAT`). Index maps are built once per data object
 * and cached in a WeakMap, so passing another data set (a test's, a newer one) just works.
 */
import { COMPAT } from './data.js';
import type {
  CompatData,
  ContentPartEntry,
  EndpointEntry,
  ErrorEntry,
  ErrorMessageEntry,
  ExtensionParam,
  ModelInfo,
  ModelMapRule,
  NoEquivalentRule,
  ParamEntry,
  ParamFix,
  ParamStatus,
  PriceEntry,
  RoleEntry,
  ThinkingMode,
  TokenPrice,
  ValueMatch,
  ValueRule,
} from './types.js';

/**
 * A JavaScript value known statically (a literal in the source). Use `undefined` where the value is not
 * known (a variable, a call): then only the parameter-level facts apply.
 */
export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

// ---------------------------------------------------------------------------------------------------
// Memoised indexes

interface Indexes {
  readonly models: ReadonlyMap<string, ModelInfo>;
  readonly params: ReadonlyMap<string, ParamEntry>;
  readonly extensions: ReadonlyMap<string, ExtensionParam>;
  readonly roles: ReadonlyMap<string, RoleEntry>;
  readonly parts: ReadonlyMap<string, ContentPartEntry>;
  readonly endpoints: ReadonlyMap<string, EndpointEntry>;
  readonly prices: ReadonlyMap<string, PriceEntry>;
  readonly errors: ReadonlyMap<number, ErrorEntry>;
}

const cache = new WeakMap<CompatData, Indexes>();

function byKey<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  // The first entry wins, as in a list lookup.
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

function indexes(data: CompatData): Indexes {
  let found = cache.get(data);
  if (!found) {
    found = {
      models: byKey(data.models, (m) => m.id),
      params: byKey(data.chatParams, (p) => p.name),
      extensions: byKey(data.extensionParams, (p) => p.name),
      roles: byKey(data.roles, (r) => r.role),
      parts: byKey(data.contentParts, (p) => p.type),
      endpoints: byKey(data.endpoints, (e) => e.path),
      prices: byKey(data.pricing.models, (p) => p.model),
      errors: byKey(data.errors, (e) => e.status),
    };
    cache.set(data, found);
  }
  return found;
}

const patternCache = new Map<string, RegExp>();

/**
 * Whether a model id matches a pattern: an exact id, or one with `*` standing for any run of
 * characters (`gpt-4o*`, `gpt-5*-mini*`). Case-sensitive.
 */
export function matchesPattern(id: string, pattern: string): boolean {
  if (!pattern.includes('*')) return id === pattern;
  let re = patternCache.get(pattern);
  if (!re) {
    const source = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${source}$`);
    patternCache.set(pattern, re);
  }
  return re.test(id);
}

// ---------------------------------------------------------------------------------------------------
// Models

/** The DeepSeek model with this exact id (case-sensitive, as DeepSeek is). */
export function findModel(id: string, data: CompatData = COMPAT): ModelInfo | undefined {
  return indexes(data).models.get(id);
}

/** Whether DeepSeek serves this id today: a current model or a legacy alias. */
export function isServedModel(id: string, data: CompatData = COMPAT): boolean {
  const model = findModel(id, data);
  return model?.status === 'current' || model?.status === 'legacy-alias';
}

export interface ModelMapping {
  readonly model: string;
  readonly thinking: ThinkingMode;
  readonly reason: string;
  /** What decided it: `override:<key>`, `model:<id>` (models data) or a `MODEL_MAP` pattern. */
  readonly rule: string;
}

export type ModelOverride = string | { readonly model: string; readonly thinking: ThinkingMode };

/** The first `MODEL_MAP` rule matching the id, regardless of the models data and `noEquivalent`. */
export function modelRuleFor(id: string, data: CompatData = COMPAT): ModelMapRule | undefined {
  return data.modelMap.find((rule) => matchesPattern(id, rule.from));
}

/** The `noEquivalent` rule matching the id: a model family DeepSeek has nothing for. */
export function noEquivalentFor(id: string, data: CompatData = COMPAT): NoEquivalentRule | undefined {
  return data.noEquivalent?.find((rule) => matchesPattern(id, rule.from));
}

/** A literal-prefix length, to try more specific override patterns first. */
const specificity = (pattern: string): number => pattern.length - pattern.split('*').length + 1;

/**
 * Where code using model `id` should go on DeepSeek, with the thinking mode to send.
 *
 * In order: `overrides` (exact keys, then `*` patterns, most specific first); DeepSeek ids of the models
 * data (current: undefined, nothing to do; any other: its successor); `noEquivalent` (undefined: no
 * DeepSeek model can do it); `MODEL_MAP` patterns. Unknown names give undefined.
 *
 * An override given as a plain model id keeps the thinking mode the rules would pick for `id`, or else
 * the target's default mode. For a legacy alias (`deepseek-v4-flash`) the mode is DeepSeek's default,
 * thinking: a `thinking` field the code already sends should be kept as it is.
 */
export function mapModel(
  id: string,
  overrides?: Readonly<Record<string, ModelOverride>>,
  data: CompatData = COMPAT,
): ModelMapping | undefined {
  if (overrides) {
    const keys = Object.keys(overrides);
    let key: string | undefined = keys.find((k) => !k.includes('*') && k === id);
    key ??= keys
      .filter((k) => k.includes('*') && matchesPattern(id, k))
      .sort((a, b) => specificity(b) - specificity(a))[0];
    if (key !== undefined) {
      const target = overrides[key];
      const rule = `override:${key}`;
      if (typeof target !== 'string') return { ...target, reason: 'project override', rule };
      const thinking =
        mapModel(id, undefined, data)?.thinking ?? findModel(target, data)?.defaultThinking ?? 'thinking';
      return { model: target, thinking, reason: 'project override', rule };
    }
  }

  const known = findModel(id, data);
  if (known) {
    if (known.status === 'current' || !known.successor) return undefined;
    return { ...known.successor, reason: known.note ?? `${id} is ${known.status}`, rule: `model:${id}` };
  }

  if (noEquivalentFor(id, data)) return undefined;

  const rule = modelRuleFor(id, data);
  return rule ? { model: rule.to, thinking: rule.thinking, reason: rule.reason, rule: rule.from } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Chat parameters

export function chatParam(name: string, data: CompatData = COMPAT): ParamEntry | undefined {
  return indexes(data).params.get(name);
}

export function extensionParam(name: string, data: CompatData = COMPAT): ExtensionParam | undefined {
  return indexes(data).extensions.get(name);
}

export interface ParamVerdict {
  readonly entry: ParamEntry;
  /** The value rule that decided, when the value was known and one matched. */
  readonly rule?: ValueRule;
  readonly status: ParamStatus;
  /** What to do; `{ kind: 'none' }` where the status is `supported`. */
  readonly fix: ParamFix;
  /** The exact error DeepSeek answers with, when rejected and known. */
  readonly error?: string;
  readonly note: string;
  /** A name for messages: the param name, or the value rule's label. */
  readonly label: string;
}

const isObject = (value: StaticValue): value is { [key: string]: StaticValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(value: StaticValue, path: string): StaticValue | undefined {
  let current: StaticValue | undefined = value;
  for (const key of path.split('.')) {
    if (current === undefined || !isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** Whether a statically known value matches a value rule's `match`. */
export function matchesValue(match: ValueMatch, value: StaticValue): boolean {
  switch (match.kind) {
    case 'equals':
      return value === match.value;
    case 'object':
      return isObject(value);
    case 'property-equals':
      return valueAt(value, match.path) === match.value;
    case 'greater-than':
      return typeof value === 'number' && value > match.value;
  }
}

const NO_FIX: ParamFix = { kind: 'none' };

/**
 * What DeepSeek does with request param `name` set to `value`, in `mode`. With `value` undefined (not
 * statically known), only the param-level facts apply. Undefined for a name the data does not know
 * (including DeepSeek extensions: see `extensionParam`).
 */
export function paramVerdict(
  name: string,
  value: StaticValue | undefined,
  mode: ThinkingMode,
  data: CompatData = COMPAT,
): ParamVerdict | undefined {
  const entry = chatParam(name, data);
  if (!entry) return undefined;
  const rule = value === undefined ? undefined : entry.values?.find((r) => matchesValue(r.match, value));
  if (rule) {
    const status = rule.status[mode];
    return {
      entry,
      rule,
      status,
      fix: status === 'supported' ? NO_FIX : rule.fix,
      error: status === 'rejected' ? rule.error ?? entry.error : undefined,
      note: rule.note,
      label: rule.label,
    };
  }
  const status = entry.status[mode];
  return {
    entry,
    status,
    fix: status === 'supported' ? NO_FIX : entry.fix,
    error: status === 'rejected' ? entry.error : undefined,
    note: entry.note,
    label: entry.name,
  };
}

// ---------------------------------------------------------------------------------------------------
// Messages

export function roleEntry(role: string, data: CompatData = COMPAT): RoleEntry | undefined {
  return indexes(data).roles.get(role);
}

export function contentPart(type: string, data: CompatData = COMPAT): ContentPartEntry | undefined {
  return indexes(data).parts.get(type);
}

/**
 * Whether a content part of `type` may appear in a `role` message sent to `model`. `models: 'all'`
 * means every model DeepSeek serves (current or legacy alias). Parts whose status is not `supported`
 * (rejected, unknown) are never allowed.
 */
export function contentPartAllowed(type: string, role: string, model: string, data: CompatData = COMPAT): boolean {
  const part = contentPart(type, data);
  if (!part || part.status !== 'supported' || !part.roles.includes(role)) return false;
  return part.models === 'all' ? isServedModel(model, data) : part.models.includes(model);
}

// ---------------------------------------------------------------------------------------------------
// Endpoints

/**
 * The entry for an SDK resource path (`chat.completions`, `beta.threads.runs.create`): the longest
 * listed prefix, segment by segment. Undefined when not even the first segment is listed.
 */
export function endpoint(path: string, data: CompatData = COMPAT): EndpointEntry | undefined {
  const byPath = indexes(data).endpoints;
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const found = byPath.get(segments.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Reasoning effort

/** The effort DeepSeek runs for an OpenAI or DeepSeek `reasoning_effort` value; undefined if it has none. */
export function mapReasoningEffort(value: string, data: CompatData = COMPAT): string | undefined {
  return Object.hasOwn(data.reasoningEffort, value) ? data.reasoningEffort[value] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Pricing

/** Prices for a served model; legacy aliases are billed as their successor (reference §2.2). */
export function priceFor(model: string, data: CompatData = COMPAT): PriceEntry | undefined {
  const prices = indexes(data).prices;
  const direct = prices.get(model);
  if (direct) return direct;
  const info = findModel(model, data);
  if (info?.status === 'legacy-alias' && info.successor) return prices.get(info.successor.model);
  return undefined;
}

/**
 * Whether `date` falls in DeepSeek's peak hours: Monday to Friday, in the UTC windows of the pricing
 * data, from `peakSince` on. Chinese public holidays (off-peak) are not modelled.
 */
export function isPeak(date: Date, data: CompatData = COMPAT): boolean {
  const { peakSince, peakHoursUtc } = data.pricing;
  if (peakSince !== undefined && date.getTime() < Date.parse(peakSince)) return false;
  const day = date.getUTCDay();
  if (day === 0 || day === 6) return false;
  const hour = date.getUTCHours();
  return peakHoursUtc.some(([start, end]) => hour >= start && hour < end);
}

export interface CostInput {
  readonly model: string;
  readonly promptCacheHitTokens: number;
  readonly promptCacheMissTokens: number;
  readonly completionTokens: number;
  readonly at: Date;
}

/** Estimated USD cost of one call at today's prices; undefined for a model without prices. */
export function estimateCostUSD(input: CostInput, data: CompatData = COMPAT): number | undefined {
  const price = priceFor(input.model, data);
  if (!price) return undefined;
  const p: TokenPrice = isPeak(input.at, data) ? price.peak : price.offPeak;
  return (
    (input.promptCacheHitTokens * p.inputCacheHit +
      input.promptCacheMissTokens * p.inputCacheMiss +
      input.completionTokens * p.output) /
    1_000_000
  );
}

// ---------------------------------------------------------------------------------------------------
// Errors

export function errorFor(status: number, data: CompatData = COMPAT): ErrorEntry | undefined {
  return indexes(data).errors.get(status);
}

const messageRegexps = new Map<string, RegExp>();

function messageRegexp(pattern: string): RegExp {
  let re = messageRegexps.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    messageRegexps.set(pattern, re);
  }
  return re;
}

/** The known error message an error text is (exactly, or by its `pattern`). */
export function findErrorMessage(text: string, data: CompatData = COMPAT): ErrorMessageEntry | undefined {
  return (
    data.errorMessages.find((e) => e.message === text) ??
    data.errorMessages.find((e) => e.pattern !== undefined && messageRegexp(e.pattern).test(text))
  );
}

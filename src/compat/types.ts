/**
 * The shape of ds-migrate's one body of knowledge: the DeepSeek API surface as typed, dated data.
 *
 * Every entry carries a `source` (where the fact comes from) and a `confidence`. Facts the reference
 * marks as unknown stay `unknown` here: the conformance check (`ds-migrate conformance`) is how we learn
 * them, and the codemod and linter must not pretend to know them.
 */

/** How sure we are of a fact. Mirrors the tags of shared/reference/deepseek-api.md §0. */
export type Confidence =
  /** DeepSeek's own docs say so ([D] / [Dm] in the reference). */
  | 'documented'
  /** Seen in third-party code, issues or live calls ([3P-code] / [3P-obs]). */
  | 'observed'
  /** No source documents it ([?]); the conformance check must probe it. */
  | 'unknown';

export interface Source {
  /** A URL, or a section of the reference such as `reference §1 developer role`. */
  readonly ref: string;
  readonly confidence: Confidence;
}

/** DeepSeek's two request modes, toggled by the `thinking` request field. Thinking is the default. */
export type ThinkingMode = 'thinking' | 'non-thinking';
export const THINKING_MODES: readonly ThinkingMode[] = ['thinking', 'non-thinking'];

// ---------------------------------------------------------------------------------------------------
// Models

export type ModelStatus =
  /** Served under this id today. */
  | 'current'
  /** An older id DeepSeek still accepts and routes to a current model. */
  | 'legacy-alias'
  /** Was served, is no longer: calls fail. */
  | 'retired'
  /** Never existed on the official API, but appears in tutorials and code. */
  | 'never-existed';

export interface ModelSuccessor {
  readonly model: string;
  readonly thinking: ThinkingMode;
}

export interface ModelInfo {
  readonly id: string;
  readonly status: ModelStatus;
  /** What DeepSeek serves under this id, e.g. `DeepSeek-V4.1-Flash-1017`. */
  readonly servedBy?: string;
  readonly contextTokens?: number;
  readonly maxOutputTokens?: number;
  /** Accepts `image_url` / `file` content parts. */
  readonly vision?: boolean;
  /** Modes the model can run in; empty for ids that are not served. */
  readonly thinkingModes: readonly ThinkingMode[];
  /** The mode used when the request carries no `thinking` field. */
  readonly defaultThinking?: ThinkingMode;
  /** Fill-in-the-middle (beta `/completions`). */
  readonly fim?: boolean;
  /** Chat prefix completion (beta). */
  readonly prefixCompletion?: boolean;
  /** ISO date (UTC) the id stopped working, for `retired`. */
  readonly retiredOn?: string;
  /** Where code using this id should go; set for every id that is not `current`. */
  readonly successor?: ModelSuccessor;
  /** The exact error text a call with this id gets, where known. */
  readonly error?: string;
  readonly note?: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------------------------------
// Request parameters

/** What DeepSeek does with a parameter (or a value of it) in one mode. */
export type ParamStatus =
  /** Accepted and honoured. */
  | 'supported'
  /** Accepted without error, without effect. Silent behaviour change. */
  | 'ignored'
  /** Answered with HTTP 400/422. */
  | 'rejected'
  /** Only on the `/beta` base URL. */
  | 'beta-only'
  /** No source says; the conformance check probes it. */
  | 'unknown';

export type PerMode<T> = Readonly<Record<ThinkingMode, T>>;

/** What to do with code that sends a parameter DeepSeek does not honour. */
export type ParamFix =
  /** Nothing to do. */
  | { readonly kind: 'none' }
  /** Same meaning under another name (`max_completion_tokens` → `max_tokens`). */
  | { readonly kind: 'rename'; readonly to: string }
  /** Drop it: it has no effect (or is harmful) on DeepSeek. */
  | { readonly kind: 'remove' }
  /** Rewrite with a dedicated transform (`functions` → `tools`). */
  | { readonly kind: 'replace'; readonly transform: string; readonly description: string }
  /** A person must decide; the codemod leaves a marker. */
  | { readonly kind: 'manual'; readonly advice: string };

/** Matches a particular value of a parameter, for facts that depend on the value. */
export type ValueMatch =
  /** The value is this literal (`tool_choice: 'required'`). */
  | { readonly kind: 'equals'; readonly value: string | number | boolean }
  /** The value is an object literal (`tool_choice: { type: 'function', ... }`). */
  | { readonly kind: 'object' }
  /** The value is an object whose property at `path` equals `value` (`response_format.type`). */
  | { readonly kind: 'property-equals'; readonly path: string; readonly value: string }
  /** The value is a number greater than `value` (`n > 1`). */
  | { readonly kind: 'greater-than'; readonly value: number };

export interface ValueRule {
  readonly match: ValueMatch;
  /** A short name for the value, used in messages: `'required'`, `json_schema`, `n > 1`. */
  readonly label: string;
  readonly status: PerMode<ParamStatus>;
  readonly fix: ParamFix;
  readonly error?: string;
  readonly note: string;
  readonly source: Source;
}

export interface ParamEntry {
  /** The request body property, as the openai SDK's params type names it. */
  readonly name: string;
  readonly status: PerMode<ParamStatus>;
  /** Value-specific facts, checked before `status`; the first match wins. */
  readonly values?: readonly ValueRule[];
  readonly fix: ParamFix;
  /** The exact error text DeepSeek answers with, when rejected and known. */
  readonly error?: string;
  /** Why, for a person: shown in messages and docs. */
  readonly note: string;
  readonly source: Source;
}

/** DeepSeek-only request fields the openai SDK's types do not know. */
export interface ExtensionParam {
  readonly name: string;
  readonly description: string;
  /** Where the field goes: the request body (default) or an assistant message of `messages`. */
  readonly in?: 'body' | 'assistant-message';
  /** Only on the `/beta` base URL. */
  readonly beta?: boolean;
  readonly source: Source;
}

export interface RoleEntry {
  readonly role: string;
  readonly status: ParamStatus;
  readonly fix: ParamFix;
  readonly error?: string;
  readonly note: string;
  readonly source: Source;
}

export interface ContentPartEntry {
  /** The part's `type`: `text`, `image_url`, `input_audio`, `file`, ... */
  readonly type: string;
  /** Message roles whose content may hold this part. */
  readonly roles: readonly string[];
  /** Models that accept it; `'all'` for every current model. */
  readonly models: readonly string[] | 'all';
  readonly status: ParamStatus;
  readonly fix: ParamFix;
  readonly error?: string;
  readonly note: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------------------------------
// Endpoints (resources of the openai SDK client)

export type EndpointStatus = 'served' | 'partial' | 'not-served';

export interface EndpointEntry {
  /** The resource path on an `OpenAI` client: `chat.completions`, `audio.speech`, `beta.assistants`. */
  readonly path: string;
  readonly status: EndpointStatus;
  /** Human limits of a partial endpoint ("stateless", "beta FIM only", "images only"). */
  readonly limits?: readonly string[];
  /** Request params accepted but silently ignored on this endpoint. */
  readonly ignoredParams?: readonly string[];
  /** Methods served, when only some are (`responses`: `create` only). */
  readonly methods?: readonly string[];
  /** Methods nobody has documented either way (`models.retrieve`); the conformance check probes them. */
  readonly unknownMethods?: readonly string[];
  /**
   * For a path the installed openai SDK no longer has but older code still uses
   * (`beta.chat.completions`, removed in 5.0.0): the SDK version that removed it.
   */
  readonly sdkRemovedIn?: string;
  /** Needs the `/beta` base URL. */
  readonly beta?: boolean;
  readonly note: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------------------------------
// Base URLs, env, errors, prices

export interface BaseUrlEntry {
  readonly url: string;
  readonly role: 'canonical' | 'alias' | 'beta' | 'anthropic' | 'never-existed';
  readonly note: string;
  readonly source: Source;
}

export interface EnvConvention {
  /** The variable holding the DeepSeek API key. */
  readonly apiKey: string;
  /** Base-URL variables in order of preference: the first is what ds-migrate writes. */
  readonly baseUrl: readonly string[];
  /** OpenAI SDK variables and their DeepSeek replacement (`null` = no equivalent, drop it). */
  readonly fromOpenAI: Readonly<Record<string, string | null>>;
  readonly source: Source;
}

export interface ErrorEntry {
  readonly status: number;
  readonly name: string;
  readonly meaning: string;
  readonly fix: string;
  readonly retryable: boolean;
  /** A body DeepSeek sends with this status, where known. */
  readonly exampleBody?: string;
  readonly source: Source;
}

/** A known error message text users hit, and what causes it. */
export interface ErrorMessageEntry {
  readonly message: string;
  readonly status: number;
  readonly cause: string;
  /**
   * A RegExp source matching every variant of a message with variable parts (an index, a limit, a
   * type name), when `message` is one example of them.
   */
  readonly pattern?: string;
  /** The current API no longer sends it (an R1-era or V3.2-era text), but old code and logs still show it. */
  readonly historical?: boolean;
  readonly source: Source;
}

/** USD per one million tokens. */
export interface TokenPrice {
  readonly inputCacheHit: number;
  readonly inputCacheMiss: number;
  readonly output: number;
}

export interface PriceEntry {
  readonly model: string;
  readonly offPeak: TokenPrice;
  readonly peak: TokenPrice;
  readonly source: Source;
}

export interface PricingInfo {
  readonly currency: 'USD';
  readonly models: readonly PriceEntry[];
  /** Peak windows in UTC, Monday to Friday: `[startHour, endHour)` pairs. */
  readonly peakHoursUtc: readonly (readonly [number, number])[];
  /** ISO timestamp (UTC) from which peak/off-peak billing applies; earlier prices were flat. */
  readonly peakSince?: string;
  readonly note: string;
  readonly source: Source;
}

// ---------------------------------------------------------------------------------------------------
// Model map: where code using an OpenAI (or legacy DeepSeek) model should go

export interface ModelMapRule {
  /**
   * An exact model id, or a pattern with a trailing `*` matching any suffix (`gpt-4o*`). A `*` may also
   * stand inside the pattern (`gpt-5*-mini*` for `gpt-5.4-mini`); use `mapModel` rather than matching by hand.
   */
  readonly from: string;
  readonly to: string;
  readonly thinking: ThinkingMode;
  /** Why this mapping, for the report. */
  readonly reason: string;
}

/**
 * A model family that has no DeepSeek equivalent (embeddings, images, audio, moderation...): code
 * using it must not be pointed at a DeepSeek model. Same pattern syntax as `ModelMapRule.from`.
 */
export interface NoEquivalentRule {
  readonly from: string;
  readonly kind: 'embedding' | 'image' | 'audio' | 'realtime' | 'moderation' | 'video' | 'computer-use';
  readonly reason: string;
}

/** `reasoning_effort` values of OpenAI and DeepSeek to what DeepSeek accepts. */
export type ReasoningEffortMap = Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------------------------------
// The whole surface

export interface CompatData {
  /** ISO date of the newest fact in this data. */
  readonly asOf: string;
  readonly models: readonly ModelInfo[];
  readonly chatParams: readonly ParamEntry[];
  readonly extensionParams: readonly ExtensionParam[];
  readonly roles: readonly RoleEntry[];
  readonly contentParts: readonly ContentPartEntry[];
  readonly endpoints: readonly EndpointEntry[];
  readonly baseUrls: readonly BaseUrlEntry[];
  readonly env: EnvConvention;
  readonly errors: readonly ErrorEntry[];
  readonly errorMessages: readonly ErrorMessageEntry[];
  readonly pricing: PricingInfo;
  readonly modelMap: readonly ModelMapRule[];
  /** Model families with no DeepSeek equivalent; checked before `modelMap`. */
  readonly noEquivalent?: readonly NoEquivalentRule[];
  readonly reasoningEffort: ReasoningEffortMap;
  /** ISO date the sources were last reviewed (no newer fact was found up to that day). */
  readonly checkedOn?: string;
}

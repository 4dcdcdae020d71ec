/**
 * Every rule ds-migrate knows, as data. The ESLint plugin builds its rules, presets and docs table from
 * this; the codemod and `scan` label findings with these ids, so the linter and the codemod speak of
 * the same things by the same names.
 */
import type { TransformId } from './transforms.js';

export type PresetLevel = 'error' | 'warn' | 'off';

export interface RuleMeta {
  readonly description: string;
  /** Level in the `recommended` preset (definite breakage) and in `strict` (silent changes, leftovers). */
  readonly recommended: PresetLevel;
  readonly strict: PresetLevel;
  /** Some findings carry an autofix that keeps behaviour. */
  readonly fixable: boolean;
  /** Some findings carry a suggestion (a fix that changes behaviour, for a person to accept). */
  readonly hasSuggestions: boolean;
  /** The codemod transform that fixes it, or null when it needs a person. */
  readonly transform: TransformId | null;
}

export const RULES = {
  'no-unsupported-endpoint': {
    description: 'Disallow calls to endpoints DeepSeek does not serve (embeddings, images, audio, ...) and features its partial endpoints ignore',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: false,
    transform: 'clients',
  },
  'no-rejected-param': {
    description: 'Disallow request parameters, values, roles and content parts DeepSeek rejects with HTTP 400/422',
    recommended: 'error',
    strict: 'error',
    fixable: true,
    hasSuggestions: true,
    transform: 'params',
  },
  'no-ignored-param': {
    description: 'Disallow request parameters DeepSeek accepts but silently ignores in the target mode',
    recommended: 'warn',
    strict: 'error',
    fixable: true,
    hasSuggestions: true,
    transform: 'params',
  },
  'no-unverified-param': {
    description: 'Report request parameters whose behaviour on DeepSeek is not documented (probe them with `ds-migrate conformance`)',
    recommended: 'off',
    strict: 'warn',
    fixable: false,
    hasSuggestions: true,
    transform: 'params',
  },
  'no-legacy-function-calling': {
    description: 'Disallow legacy `functions` / `function_call` function calling, which DeepSeek does not implement',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: true,
    transform: 'legacy-function-calling',
  },
  'valid-model': {
    description: 'Disallow model names DeepSeek does not serve: OpenAI models, retired DeepSeek models, names that never existed',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: true,
    transform: 'models',
  },
  'valid-base-url': {
    description: 'Disallow DeepSeek base URLs that do not exist (full endpoint paths, WebSocket URLs, wrong hosts)',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: true,
    transform: 'clients',
  },
  'no-openai-base-url': {
    description: "Disallow SDK clients that still call OpenAI's or Azure's API where DeepSeek is the target",
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: true,
    transform: 'clients',
  },
  'no-openai-env': {
    description: 'Disallow DeepSeek clients that read OpenAI env variables (sending an OpenAI key to DeepSeek)',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: true,
    transform: 'clients',
  },
  'json-mode-requires-json-word': {
    description: "Require the word 'json' in the messages of a JSON-mode request (DeepSeek rejects it otherwise)",
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: false,
    transform: null,
  },
  'reasoning-content-passback': {
    description: 'Require `reasoning_content` to be passed back on assistant turns in thinking mode with tools',
    recommended: 'error',
    strict: 'error',
    fixable: false,
    hasSuggestions: false,
    transform: null,
  },
  'model-from-env': {
    description: 'Report models read from env variables: deployments must set them to a DeepSeek model',
    recommended: 'off',
    strict: 'warn',
    fixable: false,
    hasSuggestions: false,
    transform: null,
  },
  'prefer-deepseek-reasoning-effort': {
    description: "Prefer DeepSeek's own `reasoning_effort` values (low, high, max) over the OpenAI values it maps",
    recommended: 'off',
    strict: 'warn',
    fixable: true,
    hasSuggestions: false,
    transform: 'models',
  },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * The compat facts behind each rule, rendered from the data (src/compat/) into the rule's docs between
 * `<!-- facts:start -->` and `<!-- facts:end -->`: what DeepSeek does, and where that fact comes from.
 * The docs test fails when a doc's facts differ from the data, so a data edit shows up in the docs.
 */
import {
  AS_OF,
  BASE_URLS,
  CHAT_PARAMS,
  CONTENT_PARTS,
  ENDPOINTS,
  ENV,
  ERROR_MESSAGES,
  EXTENSION_PARAMS,
  JSON_WORD_REQUIRED_ERROR,
  MODELS,
  REASONING_EFFORT,
  ROLES,
  THINKING_MODES,
  type ParamStatus,
  type PerMode,
  type Source,
} from '../compat/index.js';
import type { RuleId } from '../findings/rule-catalog.js';

export const FACTS_START = '<!-- facts:start -->';
export const FACTS_END = '<!-- facts:end -->';

interface Fact {
  readonly what: string;
  readonly verdict: string;
  readonly source: Source;
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function modes(status: PerMode<ParamStatus>): string {
  const [thinking, nonThinking] = THINKING_MODES.map((m) => status[m]);
  return thinking === nonThinking ? thinking : THINKING_MODES.map((m) => `${m}: ${status[m]}`).join('; ');
}

/** Request params and their value rules whose status in some mode is one of `statuses`. */
function paramFacts(statuses: readonly ParamStatus[], exclude: (name: string) => boolean = () => false): Fact[] {
  const out: Fact[] = [];
  for (const param of CHAT_PARAMS) {
    if (exclude(param.name)) continue;
    for (const rule of param.values ?? []) {
      if (THINKING_MODES.some((m) => statuses.includes(rule.status[m]))) {
        out.push({ what: `${code(param.name)}: ${code(rule.label)}`, verdict: `${modes(rule.status)}. ${rule.note}`, source: rule.source });
      }
    }
    if (THINKING_MODES.some((m) => statuses.includes(param.status[m]))) {
      out.push({ what: code(param.name), verdict: `${modes(param.status)}. ${param.note}`, source: param.source });
    }
  }
  return out;
}

const LEGACY = new Set(['functions', 'function_call']);

const FACTS: Readonly<Record<RuleId, () => Fact[]>> = {
  'no-unsupported-endpoint': () =>
    ENDPOINTS.filter((e) => e.status !== 'served' || e.methods).map((e) => ({
      what: code(e.path) + (e.methods ? ` (${e.methods.join(', ')} only)` : ''),
      verdict: `${e.status}. ${e.note}${e.ignoredParams ? ` Ignored: ${e.ignoredParams.map(code).join(', ')}.` : ''}`,
      source: e.source,
    })),
  'no-rejected-param': () => [
    ...paramFacts(['rejected', 'beta-only'], (name) => LEGACY.has(name)),
    ...ROLES.filter((r) => r.status === 'rejected' && r.role !== 'function').map((r) => ({
      what: `role ${code(r.role)}`,
      verdict: `rejected${r.error ? ` ("${r.error}")` : ''}. ${r.note}`,
      source: r.source,
    })),
    ...CONTENT_PARTS.filter((p) => p.status !== 'supported' || p.models !== 'all').map((p) => ({
      what: `content part ${code(p.type)}`,
      verdict: `${p.status}; roles: ${p.roles.join(', ') || 'none'}; models: ${p.models === 'all' ? 'all' : p.models.join(', ') || 'none'}. ${p.note}`,
      source: p.source,
    })),
  ],
  'no-ignored-param': () => paramFacts(['ignored'], (name) => LEGACY.has(name)),
  'no-unverified-param': () => paramFacts(['unknown'], (name) => LEGACY.has(name)),
  'no-legacy-function-calling': () => [
    ...CHAT_PARAMS.filter((p) => LEGACY.has(p.name)).map((p) => ({ what: code(p.name), verdict: `${modes(p.status)}. ${p.note}`, source: p.source })),
    ...ROLES.filter((r) => r.role === 'function').map((r) => ({ what: `role ${code(r.role)}`, verdict: `${r.status}. ${r.note}`, source: r.source })),
  ],
  'valid-model': () =>
    MODELS.map((m) => ({
      what: code(m.id),
      verdict: `${m.status}${m.retiredOn ? ` on ${m.retiredOn}` : ''}${m.successor ? `; use ${code(m.successor.model)} (${m.successor.thinking})` : ''}. ${m.note ?? ''}`.trim(),
      source: m.source,
    })),
  'valid-base-url': () => BASE_URLS.map((b) => ({ what: code(b.url), verdict: `${b.role}. ${b.note}`, source: b.source })),
  'no-openai-base-url': () => [
    ...BASE_URLS.filter((b) => b.role === 'canonical').map((b) => ({ what: code(b.url), verdict: `the base URL for the openai SDK. ${b.note}`, source: b.source })),
    { what: code(ENV.apiKey), verdict: 'the DeepSeek API key variable.', source: ENV.source },
  ],
  'no-openai-env': () =>
    Object.entries(ENV.fromOpenAI).map(([from, to]) => ({
      what: code(from),
      verdict: to ? `read ${code(to)} instead` : 'no DeepSeek equivalent: drop it',
      source: ENV.source,
    })),
  'json-mode-requires-json-word': () =>
    ERROR_MESSAGES.filter((e) => e.message === JSON_WORD_REQUIRED_ERROR).map((e) => ({
      what: `${code("response_format: { type: 'json_object' }")} without "json" in the prompt`,
      verdict: `HTTP ${e.status} "${e.message}" ${e.cause}`,
      source: e.source,
    })),
  'reasoning-content-passback': () => [
    ...EXTENSION_PARAMS.filter((p) => p.name === 'reasoning_content').map((p) => ({ what: code(p.name), verdict: p.description, source: p.source })),
    ...ERROR_MESSAGES.filter((e) => /reasoning_content/.test(e.message)).map((e) => ({
      what: e.historical ? 'error (older wording)' : 'error',
      verdict: `HTTP ${e.status} "${e.message}" ${e.cause}`,
      source: e.source,
    })),
  ],
  'model-from-env': () =>
    MODELS.filter((m) => m.status === 'current').map((m) => ({ what: code(m.id), verdict: `a model DeepSeek serves. ${m.note ?? ''}`.trim(), source: m.source })),
  'prefer-deepseek-reasoning-effort': () => [
    ...CHAT_PARAMS.filter((p) => p.name === 'reasoning_effort').map((p) => ({ what: code(p.name), verdict: `${modes(p.status)}. ${p.note}`, source: p.source })),
    ...Object.entries(REASONING_EFFORT)
      .filter(([from, to]) => from !== to)
      .map(([from, to]) => ({
        what: `${code(`reasoning_effort: '${from}'`)}`,
        verdict: `runs as ${code(to)}`,
        source: CHAT_PARAMS.find((p) => p.name === 'reasoning_effort')!.source,
      })),
  ],
};

/** The facts section of a rule's docs (between the markers, exclusive). */
export function renderRuleFacts(id: RuleId): string {
  const facts = FACTS[id]();
  const rows = facts.map((f) => `| ${cell(f.what)} | ${cell(f.verdict)} | ${cell(f.source.ref)} (${f.source.confidence}) |`);
  return [
    `Generated from ds-migrate's compat data (\`src/compat/\`, facts as of ${AS_OF}). "reference §N" is a section of the project's DeepSeek API research notes, which cite DeepSeek's docs, issues and live observations.`,
    '',
    '| What | DeepSeek | Source (confidence) |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `text` with its facts section regenerated; null when it has no markers. */
export function withRuleFacts(id: RuleId, text: string): string | null {
  const start = text.indexOf(FACTS_START);
  const end = text.indexOf(FACTS_END);
  if (start === -1 || end === -1 || end < start) return null;
  return `${text.slice(0, start + FACTS_START.length)}\n${renderRuleFacts(id)}\n${text.slice(end)}`;
}

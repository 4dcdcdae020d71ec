/**
 * Internal consistency of the compat data: sources, successors, the model map, prices, errors. Each
 * test checks a relation between independent pieces of data, so a typo or a stale entry fails it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BASE_URLS,
  CHAT_PARAMS,
  COMPAT,
  CONTENT_PARTS,
  ENDPOINTS,
  ENV,
  ERRORS,
  ERROR_MESSAGES,
  EXTENSION_PARAMS,
  MODELS,
  MODEL_MAP,
  NO_EQUIVALENT,
  PRICING,
  REASONING_EFFORT,
  ROLES,
  THINKING_MODES,
  findModel,
  modelRuleFor,
  noEquivalentFor,
  type Source,
} from '../../src/compat/index.js';
import { REPO_ROOT } from './sdk-types.js';

const CONFIDENCES = new Set(['documented', 'observed', 'unknown']);

/** Every sourced item of the data, named for failure messages. */
function sourced(): { name: string; source: Source }[] {
  return [
    ...MODELS.map((m) => ({ name: `model ${m.id}`, source: m.source })),
    ...CHAT_PARAMS.flatMap((p) => [
      { name: `param ${p.name}`, source: p.source },
      ...(p.values ?? []).map((v) => ({ name: `param ${p.name} ${v.label}`, source: v.source })),
    ]),
    ...EXTENSION_PARAMS.map((p) => ({ name: `extension ${p.name}`, source: p.source })),
    ...ROLES.map((r) => ({ name: `role ${r.role}`, source: r.source })),
    ...CONTENT_PARTS.map((p) => ({ name: `part ${p.type}`, source: p.source })),
    ...ENDPOINTS.map((e) => ({ name: `endpoint ${e.path}`, source: e.source })),
    ...BASE_URLS.map((b) => ({ name: `base URL ${b.url}`, source: b.source })),
    { name: 'env', source: ENV.source },
    ...ERRORS.map((e) => ({ name: `error ${e.status}`, source: e.source })),
    ...ERROR_MESSAGES.map((e) => ({ name: `message ${e.message}`, source: e.source })),
    { name: 'pricing', source: PRICING.source },
    ...PRICING.models.map((p) => ({ name: `price ${p.model}`, source: p.source })),
  ];
}

describe('sources', () => {
  it('every entry has a non-empty ref and a valid confidence', () => {
    const bad = sourced()
      .filter(({ source }) => !source || source.ref.trim() === '' || !CONFIDENCES.has(source.confidence))
      .map(({ name }) => name);
    expect(bad).toEqual([]);
  });

  it('cites the reference or a URL', () => {
    const bad = sourced()
      .filter(({ source }) => !/^reference §\d+|^https:\/\//.test(source.ref))
      .map(({ name, source }) => `${name}: ${source.ref}`);
    expect(bad).toEqual([]);
  });

  it('never claims certainty for a fact that is unknown in every mode', () => {
    const claims = CHAT_PARAMS.flatMap((p) => [
      { name: p.name, statuses: THINKING_MODES.map((m) => p.status[m]), confidence: p.source.confidence },
      ...(p.values ?? []).map((v) => ({
        name: `${p.name} ${v.label}`,
        statuses: THINKING_MODES.map((m) => v.status[m]),
        confidence: v.source.confidence,
      })),
    ]);
    const overclaimed = claims
      .filter((c) => c.statuses.every((s) => s === 'unknown') && c.confidence !== 'unknown')
      .map((c) => c.name);
    expect(overclaimed).toEqual([]);
    const roleOverclaims = ROLES.filter((r) => r.status === 'unknown' && r.source.confidence !== 'unknown');
    expect(roleOverclaims.map((r) => r.role)).toEqual([]);
  });
});

describe('models', () => {
  const current = new Set(MODELS.filter((m) => m.status === 'current').map((m) => m.id));

  it('lists exactly the two current models', () => {
    expect([...current].sort()).toEqual(['deepseek-flash', 'deepseek-v4-pro']);
  });

  it('has unique ids', () => {
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
  });

  it('gives every non-current model a successor that is a current model, and current models none', () => {
    const bad = MODELS.filter((m) =>
      m.status === 'current' ? m.successor !== undefined : !m.successor || !current.has(m.successor.model),
    ).map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('gives served models their thinking modes and unserved ones none', () => {
    const bad = MODELS.filter((m) => {
      const served = m.status === 'current' || m.status === 'legacy-alias';
      return served ? m.thinkingModes.length === 0 || !m.defaultThinking : m.thinkingModes.length > 0;
    }).map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('gives never-existed ids the Model Not Exist error', () => {
    const bad = MODELS.filter((m) => m.status === 'never-existed' && m.error !== 'Model Not Exist').map((m) => m.id);
    expect(bad).toEqual([]);
  });

  it('dates the 2026-07-24 retirement of deepseek-chat and deepseek-reasoner', () => {
    expect(findModel('deepseek-chat')?.retiredOn).toBe('2026-07-24');
    expect(findModel('deepseek-reasoner')?.retiredOn).toBe('2026-07-24');
  });

  it('has vision on deepseek-flash only among current models', () => {
    expect(findModel('deepseek-flash')?.vision).toBe(true);
    expect(findModel('deepseek-v4-pro')?.vision).toBe(false);
  });
});

describe('model map', () => {
  const current = new Set(MODELS.filter((m) => m.status === 'current').map((m) => m.id));
  /** The shortest id a pattern matches. */
  const sample = (pattern: string): string => pattern.replaceAll('*', '');

  it('maps only to current models', () => {
    const bad = MODEL_MAP.filter((r) => !current.has(r.to)).map((r) => `${r.from} → ${r.to}`);
    expect(bad).toEqual([]);
  });

  it('has no rule shadowed by an earlier, more general one', () => {
    const shadowed = MODEL_MAP.filter((rule) => modelRuleFor(sample(rule.from)) !== rule).map(
      (rule) => `${rule.from} (shadowed by ${modelRuleFor(sample(rule.from))?.from})`,
    );
    expect(shadowed).toEqual([]);
  });

  it('agrees with the successors in the models data', () => {
    const disagreements = MODELS.filter((m) => m.successor).flatMap((m) => {
      const rule = modelRuleFor(m.id);
      return rule && (rule.to !== m.successor?.model || rule.thinking !== m.successor.thinking)
        ? [`${m.id}: model says ${m.successor?.model}/${m.successor?.thinking}, ${rule.from} says ${rule.to}/${rule.thinking}`]
        : [];
    });
    expect(disagreements).toEqual([]);
  });

  it('has no no-equivalent rule swallowing a chat model family', () => {
    const swallowed = MODEL_MAP.filter((r) => noEquivalentFor(sample(r.from))).map((r) => r.from);
    expect(swallowed).toEqual([]);
  });

  it('keeps embeddings, images, audio and moderation out of the map', () => {
    for (const id of [
      'text-embedding-3-small',
      'text-embedding-ada-002',
      'dall-e-3',
      'gpt-image-1',
      'whisper-1',
      'tts-1-hd',
      'gpt-4o-mini-tts',
      'gpt-4o-transcribe',
      'gpt-4o-realtime-preview',
      'gpt-4o-audio-preview-2024-12-17',
      'omni-moderation-latest',
    ]) {
      expect(noEquivalentFor(id), id).toBeDefined();
    }
    expect(NO_EQUIVALENT.length).toBeGreaterThan(0);
  });

  it('maps reasoning effort only to values DeepSeek accepts (low, high, max)', () => {
    expect(new Set(Object.values(REASONING_EFFORT))).toEqual(new Set(['low', 'high', 'max']));
  });
});

describe('chat params and messages', () => {
  it('has unique names, roles, part types and endpoint paths', () => {
    const unique = (xs: string[]) => expect(new Set(xs).size, xs.join(',')).toBe(xs.length);
    unique(CHAT_PARAMS.map((p) => p.name));
    unique(EXTENSION_PARAMS.map((p) => p.name));
    unique(ROLES.map((r) => r.role));
    unique(CONTENT_PARTS.map((p) => p.type));
    unique(ENDPOINTS.map((e) => e.path));
  });

  it('never offers "none" as the fix of a param that is not supported somewhere', () => {
    const bad = CHAT_PARAMS.filter(
      (p) => p.fix.kind === 'none' && THINKING_MODES.some((m) => p.status[m] !== 'supported'),
    ).map((p) => p.name);
    expect(bad).toEqual([]);
  });

  it('keeps content-part models to served ids', () => {
    const bad = CONTENT_PARTS.flatMap((p) =>
      p.models === 'all' ? [] : p.models.filter((m) => !['current', 'legacy-alias'].includes(findModel(m)?.status ?? '')),
    );
    expect(bad).toEqual([]);
  });

  it('describes partial endpoints with limits or methods', () => {
    const bad = ENDPOINTS.filter((e) => e.status === 'partial' && !e.limits && !e.methods);
    expect(bad.map((e) => e.path)).toEqual([]);
  });
});

describe('connection', () => {
  it('has exactly one canonical base URL, https://api.deepseek.com', () => {
    expect(BASE_URLS.filter((b) => b.role === 'canonical').map((b) => b.url)).toEqual(['https://api.deepseek.com']);
  });

  it('maps OpenAI env variables only to the DeepSeek key and first base-URL variable, or to nothing', () => {
    const targets = new Set([ENV.apiKey, ENV.baseUrl[0], null]);
    const bad = Object.entries(ENV.fromOpenAI).filter(([, to]) => !targets.has(to));
    expect(bad).toEqual([]);
  });
});

describe('errors and prices', () => {
  it('marks exactly 429, 500 and 503 as retryable', () => {
    expect(ERRORS.filter((e) => e.retryable).map((e) => e.status).sort()).toEqual([429, 500, 503]);
    expect(ERRORS.map((e) => e.status).sort()).toEqual([400, 401, 402, 422, 429, 500, 503]);
  });

  it('has example bodies that are valid JSON error objects', () => {
    for (const e of ERRORS.filter((x) => x.exampleBody)) {
      const body = JSON.parse(e.exampleBody ?? '') as { error?: { message?: unknown } };
      expect(typeof body.error?.message, String(e.status)).toBe('string');
    }
  });

  it('has message patterns that compile and match their own example', () => {
    const bad = ERROR_MESSAGES.filter((e) => e.pattern !== undefined && !new RegExp(e.pattern).test(e.message));
    expect(bad.map((e) => e.message)).toEqual([]);
  });

  it('prices every current model, and only served ones', () => {
    const priced = PRICING.models.map((p) => p.model).sort();
    expect(priced).toEqual(MODELS.filter((m) => m.status === 'current').map((m) => m.id).sort());
  });

  it('bills off-peak at half the peak price (reference §9)', () => {
    for (const p of PRICING.models) {
      for (const k of ['inputCacheHit', 'inputCacheMiss', 'output'] as const) {
        expect(p.offPeak[k] * 2, `${p.model} ${k}`).toBeCloseTo(p.peak[k], 10);
      }
    }
  });
});

describe('asOf', () => {
  it('is an ISO date, after the July 2026 retirements and not after the research date 2026-11-24', () => {
    expect(COMPAT.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const asOf = Date.parse(`${COMPAT.asOf}T00:00:00Z`);
    expect(Number.isNaN(asOf)).toBe(false);
    expect(asOf).toBeLessThanOrEqual(Date.parse('2026-11-24T00:00:00Z'));
    // The newest fact (V4.1-Flash-1017, the pricing snapshot) is from after the 2026-07-24 retirement.
    expect(asOf).toBeGreaterThan(Date.parse('2026-07-24T00:00:00Z'));
    expect(COMPAT.checkedOn).toBe('2026-11-24');
  });
});

// The reference lives beside the repo in this workspace; without it (e.g. in CI) the check is skipped.
const REFERENCE = path.resolve(REPO_ROOT, '../shared/reference/deepseek-api.md');

describe.skipIf(!existsSync(REFERENCE))('error texts are verbatim from the reference', () => {
  // Markdown escapes backticks inside code spans as \`; the API's text has plain backticks.
  const text = existsSync(REFERENCE) ? readFileSync(REFERENCE, 'utf8').replaceAll('\\`', '`') : '';

  it('every error text in the data appears in the reference', () => {
    const texts = [
      ...ERROR_MESSAGES.map((e) => e.message),
      ...MODELS.flatMap((m) => (m.error ? [m.error] : [])),
      ...CHAT_PARAMS.flatMap((p) => [p.error, ...(p.values ?? []).map((v) => v.error)]).filter(
        (e): e is string => e !== undefined,
      ),
      ...ROLES.flatMap((r) => (r.error ? [r.error] : [])),
      ...CONTENT_PARTS.flatMap((p) => (p.error ? [p.error] : [])),
    ];
    // Whole messages only: the text must start and end where a code span, a quote or an ellipsis does,
    // so a truncated or extended text fails too.
    const verbatim = (t: string): boolean => {
      for (let at = text.indexOf(t); at !== -1; at = text.indexOf(t, at + 1)) {
        const before = text.slice(Math.max(0, at - 2), at);
        const after = text.slice(at + t.length, at + t.length + 2);
        if (/[`"]\s?$/.test(before) && /^\s?[`"…]/.test(after)) return true;
      }
      return false;
    };
    const invented = texts.filter((t) => !verbatim(t));
    expect(invented).toEqual([]);
  });
});

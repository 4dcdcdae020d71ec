/**
 * The probe catalog stays in step with the compat data: every parameter, value rule, role, part and
 * model the data makes a claim about has a probe, ids are unique, and verdicts follow the claims.
 */
import { describe, expect, it } from 'vitest';
import { CHAT_PARAMS, MODELS, ROLES, THINKING_MODES } from '../../src/compat/index.js';
import { buildCatalog, matchesId, selectProbes } from '../../src/conformance/catalog/index.js';
import { dataProbes, reachedParamClaims } from '../../src/conformance/catalog/data.js';
import { PARAM_SAMPLES } from '../../src/conformance/catalog/samples.js';
import { paramRef } from '../../src/conformance/data-refs.js';
import { judgeClaim } from '../../src/conformance/judge.js';
import type { DataClaimInfo, HttpResult, ProbeContext } from '../../src/conformance/types.js';

const json = (status: number, body: unknown): HttpResult => ({ kind: 'response', status, contentType: 'application/json', headers: {}, text: JSON.stringify(body), latencyMs: 1 });
const error = (status: number, message: string) => json(status, { error: { message, type: 'invalid_request_error', param: null, code: 'invalid_request_error' } });

describe('coverage of the compat data', () => {
  it('every chat parameter has sample values or names the probes that cover it, and no sample is stale', () => {
    expect(Object.keys(PARAM_SAMPLES).sort()).toEqual(CHAT_PARAMS.map((p) => p.name).sort());
  });

  it('every value rule of every parameter is reached by a sample, in both modes', () => {
    const reached = reachedParamClaims();
    const missing: string[] = [];
    for (const entry of CHAT_PARAMS) {
      for (const rule of entry.values ?? []) {
        for (const mode of THINKING_MODES) {
          const id = paramRef(entry.name, mode, rule.label).id;
          if (!reached.has(id)) missing.push(id);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every retired, never-existed or legacy model, every non-supported role, has a data probe', () => {
    const ids = new Set(dataProbes(['deepseek-flash']).map((p) => p.id));
    for (const model of MODELS.filter((m) => m.status !== 'current')) expect(ids).toContain(`data:model:${model.id}`);
    for (const role of ROLES.filter((r) => r.status !== 'supported')) expect(ids).toContain(`data:role:${role.role}`);
    expect(ids).toContain('data:model:unlisted');
  });

  it('probe ids are unique, also with several models', () => {
    const ids = buildCatalog(['deepseek-flash', 'deepseek-v4-pro']).map((p) => p.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('every request carries a small output cap, except the probes about the cap itself', () => {
    for (const probe of buildCatalog(['deepseek-flash'])) {
      for (const request of probe.requests) {
        if (request.method !== 'POST' || !String(request.path).match(/completions|responses/)) continue;
        const cap = (request.body?.max_tokens ?? request.body?.max_output_tokens) as number | undefined;
        if (probe.id.startsWith('data:param:max_completion_tokens') || probe.id.startsWith('data:param:max_tokens=')) continue;
        expect(cap, probe.id).toBeLessThanOrEqual(64);
      }
    }
  });
});

describe('--only patterns', () => {
  it('match ids with * wildcards', () => {
    expect(matchesId('data:param:temperature:thinking', 'data:param:temperature:*')).toBe(true);
    expect(matchesId('protocol.chat.thinking', 'protocol.*')).toBe(true);
    expect(matchesId('protocol.chat.thinking', 'protocol.chat')).toBe(false);
    expect(selectProbes(buildCatalog(['deepseek-flash']), ['sdk.*']).every((p) => p.level === 'sdk')).toBe(true);
  });
});

describe('judging a claim', () => {
  const claim = (status: DataClaimInfo['status'], errorText?: string): DataClaimInfo => ({ id: 'x', ref: 'src/compat/x.ts › x', status, error: errorText, label: 'x' });
  it('rejected claims: a rejection with the data text matches; acceptance or another text contradicts', () => {
    expect(judgeClaim(claim('rejected', 'Boom'), error(400, 'Boom')).verdict).toBe('matches-data');
    expect(judgeClaim(claim('rejected', 'Boom'), error(422, 'Boom')).verdict).toBe('matches-data');
    expect(judgeClaim(claim('rejected', 'Boom'), json(200, {})).verdict).toBe('contradicts-data');
    expect(judgeClaim(claim('rejected', 'Boom'), error(400, 'Bang'))).toMatchObject({ verdict: 'contradicts-data', reason: expect.stringContaining('another message') });
  });
  it('supported and ignored claims: acceptance matches, rejection contradicts', () => {
    expect(judgeClaim(claim('ignored'), json(200, {})).verdict).toBe('matches-data');
    expect(judgeClaim(claim('supported'), error(400, 'no')).verdict).toBe('contradicts-data');
  });
  it('unknown claims record what happened and never fail', () => {
    expect(judgeClaim(claim('unknown'), json(200, {}))).toMatchObject({ verdict: 'matches-data', observed: 'accepted' });
    expect(judgeClaim(claim('unknown'), error(400, 'no'))).toMatchObject({ verdict: 'matches-data', observed: 'rejected' });
  });
  it('answers that say nothing about the claim are failures to test it, not verdicts on the data', () => {
    for (const result of [error(401, 'bad key'), error(429, 'slow down'), error(500, 'oops'), { kind: 'transport-error', message: 'reset', latencyMs: 1 } as HttpResult]) {
      expect(judgeClaim(claim('rejected', 'Boom'), result).verdict).toBe('fail');
    }
  });
  it('an ignored output cap that takes effect contradicts the data', async () => {
    const probe = dataProbes(['deepseek-flash']).find((p) => p.id === 'data:param:max_completion_tokens:non-thinking')!;
    const answer = (completion: number): ProbeContext => ({
      send: async () => json(200, { usage: { prompt_tokens: 9, completion_tokens: completion, total_tokens: 9 + completion } }),
      sdk: () => {
        throw new Error('unused');
      },
      exchanges: () => [],
    });
    expect((await probe.run(answer(12))).verdict).toBe('matches-data');
    expect(await probe.run(answer(1))).toMatchObject({ verdict: 'contradicts-data', reason: expect.stringContaining('the answer was capped') });
  });
});

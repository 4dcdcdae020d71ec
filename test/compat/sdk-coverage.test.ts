/**
 * The compat data against the installed openai SDK's own declarations: a new SDK release that adds a
 * request param, a client resource, a role, a content part or a model id fails here, by name, until
 * the data says what DeepSeek does with it.
 */
import { describe, expect, it } from 'vitest';
import {
  CHAT_PARAMS,
  CONTENT_PARTS,
  ENDPOINTS,
  ROLES,
  endpoint,
  mapModel,
  noEquivalentFor,
} from '../../src/compat/index.js';
import { sdkTypes } from './sdk-types.js';

const sdk = sdkTypes();

describe('the SDK probe itself', () => {
  it('reads the pinned openai SDK and finds the types it relies on', () => {
    expect(sdk.version).toBe('6.49.0');
    // Guards against a vacuous pass: an unresolved import would make every list empty.
    expect(sdk.chatParamNames).toEqual(expect.arrayContaining(['messages', 'model', 'max_completion_tokens']));
    expect(sdk.resourcePaths.map((r) => r.path)).toEqual(
      expect.arrayContaining(['chat', 'chat.completions', 'beta.assistants', 'audio.speech']),
    );
    expect(sdk.roles).toEqual(expect.arrayContaining(['developer', 'function']));
    expect(sdk.modelIds).toEqual(expect.arrayContaining(['gpt-4o', 'o3']));
  });
});

describe('CHAT_PARAMS covers ChatCompletionCreateParamsBase', () => {
  const known = new Set(CHAT_PARAMS.map((p) => p.name));
  const inSdk = new Set(sdk.chatParamNames);

  it('has an entry for every SDK property', () => {
    const missing = sdk.chatParamNames.filter((name) => !known.has(name));
    expect(missing, `CHAT_PARAMS lacks: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no entry the SDK does not know (stale)', () => {
    const stale = CHAT_PARAMS.map((p) => p.name).filter((name) => !inSdk.has(name));
    expect(stale, `stale CHAT_PARAMS entries: ${stale.join(', ')}`).toEqual([]);
  });
});

describe('ENDPOINTS covers the OpenAI client resources', () => {
  const listed = new Set(ENDPOINTS.map((e) => e.path));
  const inSdk = new Set(sdk.resourcePaths.map((r) => r.path));

  it('has its own entry for every top-level and first nested resource', () => {
    const missing = sdk.resourcePaths.filter((r) => r.depth <= 2 && !listed.has(r.path)).map((r) => r.path);
    expect(missing, `ENDPOINTS lacks: ${missing.join(', ')}`).toEqual([]);
  });

  it('resolves every deeper resource, and never onto a served or partial parent', () => {
    const problems: string[] = [];
    for (const { path } of sdk.resourcePaths) {
      const entry = endpoint(path);
      if (!entry) problems.push(`${path}: no entry`);
      else if (entry.path !== path && entry.status !== 'not-served')
        problems.push(`${path}: falls back to ${entry.status} ${entry.path}; give it its own entry`);
    }
    expect(problems).toEqual([]);
  });

  it('lists only SDK resources, except paths marked as removed from older SDKs', () => {
    const stale = ENDPOINTS.filter((e) => !inSdk.has(e.path) && e.sdkRemovedIn === undefined).map((e) => e.path);
    expect(stale, `stale ENDPOINTS entries: ${stale.join(', ')}`).toEqual([]);
    const notRemoved = ENDPOINTS.filter((e) => inSdk.has(e.path) && e.sdkRemovedIn !== undefined).map((e) => e.path);
    expect(notRemoved, `marked removed but still in the SDK: ${notRemoved.join(', ')}`).toEqual([]);
  });
});

describe('ROLES and CONTENT_PARTS cover the SDK message types', () => {
  it('has a role entry for every role of ChatCompletionMessageParam', () => {
    const known = new Set(ROLES.map((r) => r.role));
    const missing = sdk.roles.filter((role) => !known.has(role));
    expect(missing, `ROLES lacks: ${missing.join(', ')}`).toEqual([]);
  });

  it('has a content-part entry for every part type the SDK can send', () => {
    const known = new Set(CONTENT_PARTS.map((p) => p.type));
    const missing = sdk.contentPartTypes.filter((type) => !known.has(type));
    expect(missing, `CONTENT_PARTS lacks: ${missing.join(', ')}`).toEqual([]);
  });
});

describe('every model id the SDK names is decided', () => {
  it('maps to a DeepSeek model, or is a family with no DeepSeek equivalent', () => {
    const undecided = sdk.modelIds.filter((id) => !mapModel(id) && !noEquivalentFor(id));
    expect(undecided, `add a MODEL_MAP or NO_EQUIVALENT rule for: ${undecided.join(', ')}`).toEqual([]);
  });

  it('never maps a model of a family without equivalent', () => {
    const wronglyMapped = sdk.modelIds.filter((id) => noEquivalentFor(id) && mapModel(id));
    expect(wronglyMapped).toEqual([]);
  });
});

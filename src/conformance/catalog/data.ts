/**
 * Data probes, generated from the compat data: every claim a cheap request can test gets one probe
 * (a parameter value in a mode, a role, a content part, a model id, the passback and JSON-word rules,
 * the /v1 alias, the models list, endpoints DeepSeek does not serve). The verdict says whether the
 * endpoint matches the data or contradicts it, and names the entry to fix. For claims the data marks
 * `unknown`, the verdict records what was observed: news for the data, not a failure.
 */
import { CHAT_PARAMS, COMPAT, THINKING_MODES, endpoint, type CompatData, type ThinkingMode } from '../../compat/index.js';
import { jsonWordClaim, modelClaim, paramClaim, partClaim, passbackClaim, type Claim } from '../claims.js';
import { MODELS_LIST_REF, MODELS_RETRIEVE_REF, V1_ALIAS_REF, notServedRef } from '../data-refs.js';
import { judgeClaim, okJson, verdictOf, type EffectCheck } from '../judge.js';
import type { DataClaimInfo, PlannedRequest, Probe, ProbeOutcome } from '../types.js';
import { modelsListProblems } from '../validate/other.js';
import { NOT_SERVED_ROUTES } from './not-served.js';
import { UNLISTED_MODEL } from './protocol.js';
import { PARAM_SAMPLES, type ParamSample } from './samples.js';
import { SYSTEM_PROMPT, USER_PROMPT, WEATHER_TOOL, chatBody, fixedProbe, get, post, toolHistory } from './shared.js';

/** A 1×1 PNG, the cheapest image there is. */
const PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/** An empty 8 kHz mono WAV file. */
const EMPTY_WAV = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=';

/** `An input_audio part…`, `A text part…`. */
const an = (label: string) => `${/^[aeiou]/i.test(label) ? 'An' : 'A'} ${label}`;

const info = (claim: Claim): DataClaimInfo => ({ id: claim.id, ref: claim.ref, status: claim.status, error: claim.error, label: claim.label });

function expectationOf(claim: DataClaimInfo): string {
  switch (claim.status) {
    case 'rejected':
      return `rejected (HTTP 400/422)${claim.error ? ` with "${claim.error}"` : ''}`;
    case 'unknown':
      return 'the data does not know: the probe records whether it is accepted or rejected';
    case 'ignored':
      return 'accepted without error (the data says it has no effect)';
    default:
      return `accepted (the data says ${claim.status})`;
  }
}

function claimProbe(
  claim: Claim,
  group: string,
  title: string,
  request: PlannedRequest,
  extra: { model?: string; mode?: ThinkingMode; effect?: EffectCheck } = {},
): Probe {
  const data = info(claim);
  return fixedProbe(
    { id: `data:${claim.id}`, group, level: 'data', title, expectation: expectationOf(data), model: extra.model, mode: extra.mode, data, requests: [request] },
    ([result]) => judgeClaim(data, result, extra.effect),
  );
}

/** A cap that is ignored lets the answer run past it. */
function longerThan(cap: number): EffectCheck {
  return (json) => {
    const tokens = (json as { usage?: { completion_tokens?: unknown } })?.usage?.completion_tokens;
    if (typeof tokens !== 'number') return ['the answer has no usage.completion_tokens to tell whether the cap applied'];
    return tokens <= cap ? [`the answer was capped (completion_tokens ${tokens} ≤ ${cap}), so the field took effect`] : [];
  };
}

function paramProbes(model: string, data: CompatData): Probe[] {
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const entry of data.chatParams) {
    const samples = PARAM_SAMPLES[entry.name];
    if (!samples) {
      probes.push({
        id: `data:param:${entry.name}`,
        group: 'data: parameters',
        level: 'data',
        title: `${entry.name}`,
        expectation: 'a sample value to send',
        requests: [],
        skipReason: `no sample value for ${entry.name}: add one to src/conformance/catalog/samples.ts`,
        run: async () => ({ verdict: 'skipped', reason: 'no sample value' }),
      });
      continue;
    }
    if (!('samples' in samples)) continue;
    for (const sample of samples.samples) {
      for (const mode of THINKING_MODES) {
        const claim = paramClaim(entry.name, sample.value, mode, data);
        if (!claim || seen.has(claim.id)) continue;
        seen.add(claim.id);
        probes.push(
          claimProbe(claim, 'data: parameters', `${claim.label} in ${mode} mode`, post('/chat/completions', paramBody(model, mode, entry.name, sample)), {
            model,
            mode,
            effect: sample.effect === 'output-longer-than-value' && typeof sample.value === 'number' ? longerThan(sample.value) : undefined,
          }),
        );
      }
    }
  }
  return probes;
}

function paramBody(model: string, mode: ThinkingMode, name: string, sample: ParamSample): Record<string, unknown> {
  const body = chatBody(model, mode, {
    ...(sample.prompt ? { messages: [{ role: 'user', content: sample.prompt }] } : {}),
    ...sample.extra,
    [name]: sample.value,
  });
  if (sample.uncapped && name !== 'max_tokens') delete body.max_tokens;
  return body;
}

function roleProbes(model: string, data: CompatData): Probe[] {
  return data.roles
    .filter((entry) => entry.status !== 'supported')
    .map((entry) => {
      // At index 0, as in the data's error texts (`messages[0].role: ...`).
      const message: Record<string, unknown> =
        entry.role === 'function' ? { role: 'function', name: 'get_weather', content: '{"temperature_c": 18}' } : { role: entry.role, content: SYSTEM_PROMPT };
      const body = chatBody(model, 'non-thinking', { messages: [message, { role: 'user', content: USER_PROMPT }] });
      const claim: Claim = {
        id: `role:${entry.role}`,
        ref: `src/compat/messages.ts › ROLES › ${entry.role}`,
        status: entry.status,
        error: entry.status === 'rejected' ? entry.error : undefined,
        label: `role ${entry.role}`,
        note: entry.note,
      };
      return claimProbe(claim, 'data: messages', `A ${entry.role} message`, post('/chat/completions', body), { model, mode: 'non-thinking' });
    });
}

function modelProbes(data: CompatData): Probe[] {
  const ids = [...data.models.filter((m) => m.status !== 'current').map((m) => m.id), UNLISTED_MODEL];
  return ids.map((id) => {
    const claim = modelClaim(id, data);
    return claimProbe(claim, 'data: models', `The model id ${id}`, post('/chat/completions', chatBody(id, 'non-thinking', { max_tokens: 8 })), { model: id, mode: 'non-thinking' });
  });
}

interface PartCase {
  readonly type: string;
  readonly role: string;
  readonly model: string;
  readonly messages: Record<string, unknown>[];
}

function partProbes(model: string, data: CompatData): Probe[] {
  const served = data.models.filter((m) => m.status === 'current').map((m) => m.id);
  const user = { role: 'user', content: USER_PROMPT };
  const cases: PartCase[] = [
    { type: 'text', role: 'user', model, messages: [{ role: 'user', content: [{ type: 'text', text: USER_PROMPT }] }] },
    { type: 'text', role: 'system', model, messages: [{ role: 'system', content: [{ type: 'text', text: SYSTEM_PROMPT }] }, user] },
    ...served.map((m) => ({
      type: 'image_url',
      role: 'user',
      model: m,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What colour is this pixel? One word.' }, { type: 'image_url', image_url: { url: PIXEL_PNG } }] }],
    })),
    { type: 'input_audio', role: 'user', model, messages: [{ role: 'user', content: [{ type: 'text', text: USER_PROMPT }, { type: 'input_audio', input_audio: { data: EMPTY_WAV, format: 'wav' } }] }] },
    { type: 'refusal', role: 'assistant', model, messages: [user, { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot say.' }] }, user] },
  ];
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const c of cases) {
    const claim = partClaim(c.type, c.role, c.model, data);
    if (!claim || seen.has(claim.id)) continue;
    seen.add(claim.id);
    const body = chatBody(c.model, 'non-thinking', { messages: c.messages });
    probes.push(claimProbe(claim, 'data: messages', `${an(claim.label)}${c.model === model ? '' : ` to ${c.model}`}`, post('/chat/completions', body), { model: c.model, mode: 'non-thinking' }));
  }
  const file = partClaim('file', 'user', model, data);
  if (file) {
    probes.push({
      id: `data:${file.id}`,
      group: 'data: messages',
      level: 'data',
      title: an(file.label),
      expectation: expectationOf(info(file)),
      data: info(file),
      requests: [],
      skipReason: "needs an image uploaded to DeepSeek's Files API first (a side effect this check avoids)",
      run: async () => ({ verdict: 'skipped', reason: 'needs an uploaded file' }),
    });
  }
  return probes;
}

function ruleProbes(model: string): Probe[] {
  const tools = { tools: [WEATHER_TOOL] };
  const missing = passbackClaim('tools-missing');
  const placeholder = passbackClaim('tools-placeholder');
  const noTools = passbackClaim('no-tools');
  const json = jsonWordClaim();
  const reasoningTurn = [
    { role: 'user', content: 'Say hello.' },
    { role: 'assistant', content: 'Hello.', reasoning_content: 'A greeting is enough.' },
    { role: 'user', content: USER_PROMPT },
  ];
  return [
    claimProbe(missing, 'data: reasoning_content', 'Tools in thinking mode, an assistant turn without reasoning_content', post('/chat/completions', chatBody(model, 'thinking', { ...tools, messages: toolHistory() })), { model, mode: 'thinking' }),
    claimProbe(placeholder, 'data: reasoning_content', 'Tools in thinking mode, reasoning_content "" on the assistant turn', post('/chat/completions', chatBody(model, 'thinking', { ...tools, messages: toolHistory('') })), { model, mode: 'thinking' }),
    claimProbe(noTools, 'data: reasoning_content', 'No tools, reasoning_content passed back', post('/chat/completions', chatBody(model, 'thinking', { messages: reasoningTurn })), { model, mode: 'thinking' }),
    claimProbe(json, 'data: parameters', "JSON mode without 'json' in the prompt", post('/chat/completions', chatBody(model, 'non-thinking', { response_format: { type: 'json_object' } })), { model, mode: 'non-thinking' }),
  ];
}

function endpointProbes(models: readonly string[], data: CompatData): Probe[] {
  const probes: Probe[] = [];
  const alias: DataClaimInfo = { ...V1_ALIAS_REF, status: 'supported', label: 'the /v1 alias of the base URL' };
  probes.push(
    fixedProbe(
      { id: `data:${alias.id}`, group: 'data: endpoints', level: 'data', title: 'GET /models on the other form of the /v1 alias', expectation: 'accepted: /v1 works as an alias', data: alias, requests: [get('/models', { base: 'alias' })] },
      ([result]) => judgeClaim(alias, result),
    ),
  );

  const list: DataClaimInfo = { ...MODELS_LIST_REF, status: 'supported', label: 'the models GET /models lists' };
  const current = data.models.filter((m) => m.status === 'current').map((m) => m.id);
  probes.push(
    fixedProbe(
      {
        id: `data:${list.id}`,
        group: 'data: endpoints',
        level: 'data',
        title: 'GET /models lists what the models data says is served',
        expectation: `lists ${current.join(', ')}; lists no retired or never-existed id, nor one the data does not know`,
        data: list,
        requests: [get('/models')],
      },
      ([result]) => {
        const answer = okJson(result);
        if (!answer.ok) return answer.outcome;
        const { problems, ids } = modelsListProblems(answer.json);
        if (problems.length > 0) return verdictOf(problems, '');
        const drift: string[] = [];
        for (const id of current) if (!ids.includes(id)) drift.push(`${id} is not listed, but the data says it is current`);
        for (const id of ids) {
          const known = data.models.find((m) => m.id === id);
          if (!known) drift.push(`${id} is listed, but the data does not know it: add it to src/compat/models.ts`);
          else if (known.status === 'retired' || known.status === 'never-existed') drift.push(`${id} is listed, but the data says it is ${known.status}`);
        }
        const outcome: ProbeOutcome =
          drift.length > 0
            ? { verdict: 'contradicts-data', observed: 'accepted', reason: drift[0], details: drift }
            : { verdict: 'matches-data', observed: 'accepted', reason: `lists ${ids.join(', ')}, as the data says` };
        return outcome;
      },
    ),
  );

  const retrieve = endpoint('models.retrieve', data);
  if (retrieve?.unknownMethods?.includes('retrieve')) {
    const claim: DataClaimInfo = { ...MODELS_RETRIEVE_REF, status: 'unknown', label: 'GET /models/{id}' };
    probes.push(
      fixedProbe(
        { id: `data:${claim.id}`, group: 'data: endpoints', level: 'data', title: `GET /models/${models[0]}`, expectation: expectationOf(claim), data: claim, requests: [get(`/models/${models[0]}`)] },
        ([result]) => judgeClaim(claim, result),
      ),
    );
  }

  for (const route of NOT_SERVED_ROUTES) {
    const entry = data.endpoints.find((e) => e.path === route.endpoint);
    if (entry?.status !== 'not-served') continue;
    const claim: DataClaimInfo = { ...notServedRef(route.endpoint), status: 'rejected', label: `${route.endpoint} (not served)` };
    const request: PlannedRequest = route.method === 'GET' ? get(route.httpPath) : post(route.httpPath, route.body);
    probes.push(
      fixedProbe(
        { id: `data:${claim.id}`, group: 'data: endpoints', level: 'data', title: `${route.method} ${route.httpPath}`, expectation: 'an error (404): DeepSeek does not serve it', data: claim, requests: [request] },
        ([result]) => judgeClaim(claim, result),
      ),
    );
  }
  return probes;
}

/** Every data probe, run on `models[0]` (image parts on each current model). */
export function dataProbes(models: readonly string[], data: CompatData = COMPAT): Probe[] {
  const model = models[0];
  return [...modelProbes(data), ...roleProbes(model, data), ...partProbes(model, data), ...paramProbes(model, data), ...ruleProbes(model), ...endpointProbes(models, data)];
}

/** For tests: the parameter entries and value rules the samples reach. */
export function reachedParamClaims(data: CompatData = COMPAT): Set<string> {
  const reached = new Set<string>();
  for (const entry of CHAT_PARAMS) {
    const samples = PARAM_SAMPLES[entry.name];
    if (!samples || !('samples' in samples)) continue;
    for (const sample of samples.samples) for (const mode of THINKING_MODES) {
      const claim = paramClaim(entry.name, sample.value, mode, data);
      if (claim) reached.add(claim.id);
    }
  }
  return reached;
}


/**
 * One probe per feature profile of the project. It passes when the endpoint accepts the request and
 * the answer has the right shape for what the code uses (stream framing, tool calls, JSON). When the
 * endpoint rejects it, the verdict is a failure of those call sites, with what the compat data
 * predicted about the features involved and how `ds-migrate` fixes them.
 */
import { paramVerdict, roleEntry } from '../../compat/index.js';
import { post } from '../catalog/shared.js';
import { describeStatus, fail, jsonAnswer, okJson, streamText, verdictOf } from '../judge.js';
import type { HttpResult, Probe, ProbeOutcome } from '../types.js';
import { completionProblems, streamProblems } from '../validate/chat.js';
import { fimProblems, responseProblems, responseStreamProblems } from '../validate/other.js';
import type { ProfileGroup } from './plan.js';
import type { Profile } from './profile.js';

/** What the data says about the profile's features in its mode, for the report. */
function dataNotes(profile: Profile): { expectRejection: string[]; notes: string[] } {
  const expectRejection: string[] = [];
  const notes: string[] = [];
  if (profile.endpoint !== 'chat.completions') return { expectRejection, notes };
  for (const [key, value] of Object.entries(profile.body)) {
    if (key === 'model' || key === 'messages' || key === 'thinking') continue;
    const verdict = paramVerdict(key, value as never, profile.mode);
    if (!verdict || verdict.status === 'supported') continue;
    const fix = verdict.fix.kind === 'manual' ? verdict.fix.advice : verdict.fix.kind === 'rename' ? `rename it to ${verdict.fix.to}` : verdict.fix.kind === 'remove' ? 'remove it' : verdict.fix.kind === 'replace' ? verdict.fix.description : '';
    const line = `${verdict.label}: ${verdict.status} in ${profile.mode} mode per the compat data${fix ? ` (fix: ${fix})` : ''}`;
    (verdict.status === 'rejected' ? expectRejection : notes).push(line);
  }
  for (const message of profile.body.messages as { role: string }[]) {
    const entry = roleEntry(message.role);
    if (entry && entry.status !== 'supported') expectRejection.push(`role ${message.role}: ${entry.status} per the compat data`);
  }
  return { expectRejection, notes };
}

function judge(profile: Profile, result: HttpResult, predicted: string[]): ProbeOutcome {
  const answer = jsonAnswer(result);
  if (result.kind === 'response' && result.status !== 200 && answer.ok) {
    const why = describeStatus(result.status, answer.json);
    return fail(`the endpoint rejects these call sites: ${why}`, predicted.length > 0 ? ['the compat data predicted it:', ...predicted] : ['the compat data did not predict this rejection']);
  }
  if (profile.streaming) {
    const text = streamText(result);
    if (typeof text !== 'string') return text;
    if (profile.endpoint === 'responses') return verdictOf(responseStreamProblems(text), 'accepted; the stream is well-formed');
    const check = streamProblems(text, { mode: profile.mode, includeUsage: true, toolNames: profile.toolNames, json: profile.json });
    return verdictOf(check.problems, 'accepted; the stream is well-formed');
  }
  const ok = okJson(result);
  if (!ok.ok) return ok.outcome;
  if (profile.endpoint === 'responses') return verdictOf(responseProblems(ok.json).problems, 'accepted; a well-formed response');
  if (profile.endpoint === 'completions') return verdictOf(fimProblems(ok.json), 'accepted; a well-formed completion');
  const n = typeof profile.body.n === 'number' ? profile.body.n : undefined;
  return verdictOf(completionProblems(ok.json, { mode: profile.mode, toolNames: profile.toolNames, json: profile.json, n }), 'accepted; a well-formed answer');
}

export function projectProbes(groups: readonly ProfileGroup[]): Probe[] {
  return groups.map(({ profile, callSites }, index) => {
    const { expectRejection, notes } = dataNotes(profile);
    const features = [profile.streaming ? 'stream' : null, ...profile.features].filter((f): f is string => f !== null);
    const sites = callSites.length === 1 ? '1 call site' : `${callSites.length} call sites`;
    const request = post(profile.endpoint === 'chat.completions' ? '/chat/completions' : profile.endpoint === 'responses' ? '/responses' : '/completions', profile.body, {
      base: profile.endpoint === 'completions' ? 'beta' : 'api',
    });
    return {
      id: `project.${String(index + 1).padStart(2, '0')}`,
      group: 'project',
      level: 'project',
      title: `${profile.endpoint} on ${profile.model} (${profile.mode})${features.length ? `: ${features.join(', ')}` : ''} — ${sites}`,
      expectation: 'the endpoint accepts what these call sites send, and the answer has the shape they rely on',
      model: profile.model,
      mode: profile.endpoint === 'completions' ? undefined : profile.mode,
      requests: [request],
      callSites,
      async run(ctx) {
        const outcome = judge(profile, await ctx.send(request), expectRejection);
        const details = [...(outcome.details ?? []), ...notes, ...profile.notes];
        return { ...outcome, details };
      },
    };
  });
}

/**
 * `--project PATH`: the project's call sites, grouped into distinct feature profiles. Calls on other
 * providers' clients are never probed; calls DeepSeek does not serve, or that would have side effects,
 * are listed with the reason they were not probed.
 */
import path from 'node:path';
import type { LinkedCall } from '../../analysis/project/project-index.js';
import { endpointSupport } from '../../findings/endpoint-findings.js';
import { callTarget } from '../../findings/target.js';
import { loadProject } from '../../project/load-project.js';
import type { CallSite } from '../types.js';
import { probedEndpoint, profileOf, type Profile } from './profile.js';

export interface ProfileGroup {
  readonly profile: Profile;
  readonly callSites: readonly CallSite[];
}

export interface NotProbed {
  readonly site: CallSite;
  readonly call: string;
  readonly reason: string;
}

export interface ProjectPlan {
  readonly root: string;
  readonly callSites: number;
  readonly groups: readonly ProfileGroup[];
  readonly notProbed: readonly NotProbed[];
  /** Files that could not be read or parsed. */
  readonly fileErrors: readonly string[];
}

const PROBED_PROVIDERS = new Set(['openai', 'azure', 'deepseek', 'unknown']);

function notProbedReason(call: LinkedCall): string | null {
  const provider = call.client?.provider ?? 'unknown';
  if (!PROBED_PROVIDERS.has(provider)) return `a client of another provider (${call.client?.providerEvidence ?? provider}): left alone`;
  const { support, entry } = endpointSupport(call);
  if (support === 'not-served') return `not served by DeepSeek: ${entry?.note ?? call.endpoint}`;
  if (!probedEndpoint(call.endpoint, call.method)) {
    return support === 'unknown' ? 'an endpoint the compat data does not know' : `${call.endpoint}.${call.method} is not probed (it would create or change state)`;
  }
  return null;
}

export async function planProject(root: string, defaultModel: string): Promise<ProjectPlan> {
  const loaded = await loadProject([root]);
  const groups = new Map<string, { profile: Profile; callSites: CallSite[] }>();
  const notProbed: NotProbed[] = [];
  const site = (call: LinkedCall): CallSite => {
    const position = loaded.analysed.get(call.file)?.source.lines.position(call.span.start) ?? { line: 0, column: 0 };
    return { file: path.relative(root, call.file).split(path.sep).join('/'), line: position.line, column: position.column };
  };
  for (const call of loaded.project.calls) {
    const where = site(call);
    const name = `${call.endpoint}.${call.method}`;
    const why = notProbedReason(call);
    if (why) {
      notProbed.push({ site: where, call: name, reason: why });
      continue;
    }
    const target = callTarget(call.resolvedArgs, { model: defaultModel });
    const profile = profileOf({ endpoint: call.endpoint, method: call.method, args: call.resolvedArgs, model: target.model ?? defaultModel, mode: target.mode });
    if (!profile) {
      notProbed.push({ site: where, call: name, reason: 'not probed' });
      continue;
    }
    const group = groups.get(profile.key);
    if (group) group.callSites.push(where);
    else groups.set(profile.key, { profile, callSites: [where] });
  }
  const bySite = (a: CallSite, b: CallSite) => a.file.localeCompare(b.file) || a.line - b.line;
  const ordered = [...groups.values()].map((g) => ({ profile: g.profile, callSites: g.callSites.sort(bySite) })).sort((a, b) => bySite(a.callSites[0], b.callSites[0]));
  return {
    root,
    callSites: loaded.project.calls.length,
    groups: ordered,
    notProbed: notProbed.sort((a, b) => bySite(a.site, b.site)),
    fileErrors: loaded.errors.map((e) => `${path.relative(root, e.path)}: ${e.message}`),
  };
}

/**
 * The one decision function: (usage, compat data, target settings) → findings. The codemod applies
 * the fixes, the ESLint rules report the findings, `scan` lists them.
 */
import type { LinkedCall, ProjectUsage } from '../analysis/project/project-index.js';
import { clientFindings } from './client-findings.js';
import { isMigrationTarget, planClients, type ClientPlan } from './client-plan.js';
import { contentFindings } from './content-findings.js';
import type { FindingContext } from './context.js';
import { endpointFindings, endpointSupport } from './endpoint-findings.js';
import { functionCallReadFinding } from './legacy-functions.js';
import { messageFindings, passbackFindings } from './message-findings.js';
import { modelFindings, reasoningEffortFindings } from './model-findings.js';
import { paramFindings } from './param-findings.js';
import { callTarget, type Mode } from './target.js';
import { jsonWordFindings } from './json-word.js';
import { toolFindings } from './tool-findings.js';
import type { Finding } from './types.js';

/** Chat endpoints whose request body is judged parameter by parameter. */
const CHAT_ENDPOINTS = new Set(['chat.completions', 'beta.chat.completions']);

export interface FindingsResult {
  readonly findings: Finding[];
  readonly plans: ReadonlyMap<string, ClientPlan>;
}

/** Calls judged against DeepSeek: on OpenAI, Azure or DeepSeek clients (never other providers'). */
export function isJudgedCall(call: LinkedCall): boolean {
  const client = call.client;
  if (!client) return false;
  return isMigrationTarget(client) || client.provider === 'deepseek';
}

export function computeFindings(project: ProjectUsage, ctx: FindingContext): FindingsResult {
  const findings: Finding[] = [];
  const plans = planClients(project);
  const staying = new Set<LinkedCall>();
  for (const plan of plans.values()) {
    const result = clientFindings(plan, plans, project, ctx);
    findings.push(...result.findings);
    for (const call of result.staying) staying.add(call);
  }

  const judgedByFile = new Map<string, { call: LinkedCall; mode: Mode }[]>();
  for (const call of project.calls) {
    // A call a split leaves on OpenAI keeps OpenAI's model and parameters, or it would break there.
    if (!isJudgedCall(call) || staying.has(call)) continue;
    findings.push(...endpointFindings(call));
    if (!CHAT_ENDPOINTS.has(call.endpoint) || endpointSupport(call).support === 'not-served') continue;
    const target = callTarget(call.resolvedArgs, ctx.settings);
    findings.push(...modelFindings(call, target, ctx));
    findings.push(...reasoningEffortFindings(call, target));
    findings.push(...paramFindings(call, target, ctx));
    findings.push(...contentFindings(call, target));
    findings.push(...toolFindings(call, target));
    findings.push(...jsonWordFindings(call));
    const list = judgedByFile.get(call.file) ?? [];
    list.push({ call, mode: target.mode });
    judgedByFile.set(call.file, list);
  }

  // Messages and response reads are judged in files that talk to DeepSeek-bound clients, or that
  // build messages for them (a helper module), as soon as the project has judged calls.
  const projectIsJudged = judgedByFile.size > 0;
  const onlyOtherProviders = filesWithOnlyOtherProviders(project);
  for (const usage of project.files.values()) {
    const relevant = judgedByFile.has(usage.file) || (projectIsJudged && usage.messages.length > 0 && !onlyOtherProviders.has(usage.file));
    if (!relevant) continue;
    for (const message of usage.messages) findings.push(...messageFindings(message, ctx));
    for (const use of usage.fieldUses) if (use.kind === 'function_call-read') findings.push(functionCallReadFinding(use, ctx));
    findings.push(...passbackFindings(usage.file, usage.messages, usage.fieldUses, judgedByFile.get(usage.file) ?? []));
  }
  return { findings: dedupe(findings), plans };
}

/** Files whose SDK calls all go to other providers (one pass over the calls, not one per file). */
function filesWithOnlyOtherProviders(project: ProjectUsage): Set<string> {
  const withCalls = new Set<string>();
  const withJudgedCalls = new Set<string>();
  for (const call of project.calls) {
    withCalls.add(call.file);
    if (isJudgedCall(call)) withJudgedCalls.add(call.file);
  }
  return new Set([...withCalls].filter((file) => !withJudgedCalls.has(file)));
}

/**
 * The same fact reached twice (a model constant shared by two calls) is reported once, with the fixes
 * merged: each call may still need its own edit (a `thinking` field per request).
 */
function dedupe(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}\0${f.file}\0${f.span.start}\0${f.span.end}\0${f.message}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, f);
    } else if (seen.fix && f.fix) {
      byKey.set(key, { ...seen, fix: { ...seen.fix, edits: [...seen.fix.edits, ...f.fix.edits] } });
    }
  }
  return [...byKey.values()];
}

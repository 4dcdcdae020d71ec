/**
 * What happens to each client: converted to a DeepSeek client, split (a DeepSeek client beside it for
 * the calls DeepSeek serves, the original kept for the rest), kept on OpenAI (it serves only endpoints
 * DeepSeek lacks), or left alone (another provider, an injected client, already DeepSeek).
 */
import type { LinkedCall, ProjectUsage } from '../analysis/project/project-index.js';
import type { ClientRecord } from '../analysis/types.js';
import { endpointSupport } from './endpoint-findings.js';

export type ClientPlan =
  | { readonly action: 'convert'; readonly client: ClientRecord; readonly calls: readonly LinkedCall[] }
  | { readonly action: 'split'; readonly client: ClientRecord; readonly moved: readonly LinkedCall[]; readonly kept: readonly LinkedCall[] }
  | { readonly action: 'keep'; readonly client: ClientRecord; readonly calls: readonly LinkedCall[] }
  | { readonly action: 'leave'; readonly client: ClientRecord; readonly reason: string };

export function isMigrationTarget(client: ClientRecord): boolean {
  return (client.provider === 'openai' || client.provider === 'azure') && client.holder.kind !== 'injected';
}

export function planClients(project: ProjectUsage): Map<string, ClientPlan> {
  const callsByClient = new Map<string, LinkedCall[]>();
  for (const call of project.calls) {
    if (!call.client) continue;
    const list = callsByClient.get(call.client.id) ?? [];
    list.push(call);
    callsByClient.set(call.client.id, list);
  }
  const plans = new Map<string, ClientPlan>();
  for (const client of project.clients.values()) {
    const calls = callsByClient.get(client.id) ?? [];
    plans.set(client.id, planFor(client, calls));
  }
  return plans;
}

function planFor(client: ClientRecord, calls: readonly LinkedCall[]): ClientPlan {
  if (!isMigrationTarget(client)) {
    const reason =
      client.holder.kind === 'injected'
        ? 'constructed elsewhere (injected)'
        : client.provider === 'deepseek'
          ? 'already a DeepSeek client'
          : `another provider (${client.providerEvidence})`;
    return { action: 'leave', client, reason };
  }
  const moved: LinkedCall[] = [];
  const kept: LinkedCall[] = [];
  for (const call of calls) {
    // Unknown resources and methods move with the client: only what DeepSeek certainly lacks stays.
    if (endpointSupport(call).support === 'not-served') kept.push(call);
    else moved.push(call);
  }
  if (kept.length === 0) return { action: 'convert', client, calls };
  if (moved.length === 0) return { action: 'keep', client, calls };
  return { action: 'split', client, moved, kept };
}

/**
 * The whole probe catalog of a run, in the order probes are admitted under the caps: protocol, SDK,
 * data, then the project's profiles. `--only` narrows it by id patterns.
 */
import type { ProjectPlan } from '../project/plan.js';
import { projectProbes } from '../project/probes.js';
import type { Probe } from '../types.js';
import { dataProbes } from './data.js';
import { protocolModelProbes, protocolRunProbes } from './protocol.js';
import { sdkModelProbes, sdkRunProbes } from './sdk.js';

export function buildCatalog(models: readonly string[], project?: ProjectPlan): Probe[] {
  const suffix = models.length > 1;
  return [
    ...protocolRunProbes(models),
    ...models.flatMap((model) => protocolModelProbes(model, suffix)),
    ...sdkRunProbes(models),
    ...models.flatMap((model) => sdkModelProbes(model, suffix)),
    ...dataProbes(models),
    ...(project ? projectProbes(project.groups) : []),
  ];
}

/** `protocol.*`, `data:param:temperature:*`, `sdk.chat.thinking`: `*` matches any run of characters. */
export function matchesId(id: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(id);
}

export function selectProbes(probes: readonly Probe[], patterns: readonly string[]): Probe[] {
  if (patterns.length === 0) return [...probes];
  return probes.filter((probe) => patterns.some((pattern) => matchesId(probe.id, pattern)));
}

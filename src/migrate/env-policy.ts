/**
 * Whether OpenAI env variables read outside client options may be renamed to DeepSeek's. Only when
 * the migration moves everything to DeepSeek: if any client stays on OpenAI (a split, embeddings) or
 * another library reads OpenAI variables (LangChain, the AI SDK's OpenAI provider), the variable is
 * still needed under its name, and renaming it would break that code.
 */
import type { ProjectUsage } from '../analysis/project/project-index.js';
import type { ClientPlan } from '../findings/client-plan.js';

const OTHER_OPENAI_LIBRARIES = /^(@langchain\/openai|@ai-sdk\/openai|@ai-sdk\/azure|llamaindex|@llamaindex\/openai|@azure\/openai|openai-edge|langchain\/llms\/openai)/;

export interface EnvPolicy {
  /** OpenAI variables read outside clients can be renamed to DeepSeek's. */
  readonly renameOutsideClients: boolean;
  /** Why not, for the report. */
  readonly reason: string | null;
  /** Some client keeps calling OpenAI, so OpenAI's variables must stay set. */
  readonly keepsOpenAI: boolean;
}

export function envPolicy(project: ProjectUsage, plans: ReadonlyMap<string, ClientPlan>): EnvPolicy {
  const all = [...plans.values()];
  const migrates = all.some((p) => p.action === 'convert' || p.action === 'split');
  const kept = all.filter((p) => p.action === 'keep' || p.action === 'split');
  const keepsOpenAI = kept.length > 0;
  const otherLibrary = [...project.files.values()].flatMap((u) => u.moduleSpecifiers).find((s) => OTHER_OPENAI_LIBRARIES.test(s));
  if (!migrates) return { renameOutsideClients: false, reason: 'no client is migrated', keepsOpenAI };
  if (keepsOpenAI) return { renameOutsideClients: false, reason: 'some calls stay on OpenAI and still need its variables', keepsOpenAI };
  if (otherLibrary) return { renameOutsideClients: false, reason: `'${otherLibrary}' may read OpenAI's variables too`, keepsOpenAI };
  return { renameOutsideClients: true, reason: null, keepsOpenAI };
}

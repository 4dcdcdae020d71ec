/** `process.env.OPENAI_API_KEY` read outside client options → `DEEPSEEK_API_KEY`, when the env policy allows. */
import type { ProjectUsage } from '../analysis/project/project-index.js';
import type { Edit } from '../edits/edit.js';
import { deepseekEnvName } from '../findings/env-names.js';
import type { EnvPolicy } from './env-policy.js';

export interface EnvCodeResult {
  readonly edits: (Edit & { readonly description: string })[];
  /** Reads left alone, for the report: file, offset, variable, why. */
  readonly left: { readonly file: string; readonly offset: number; readonly name: string; readonly reason: string }[];
}

export function envCodeEdits(project: ProjectUsage, policy: EnvPolicy, text: (file: string) => string): EnvCodeResult {
  const edits: EnvCodeResult['edits'] = [];
  const left: EnvCodeResult['left'] = [];
  for (const usage of project.files.values()) {
    for (const read of usage.envReads) {
      if (read.clientId !== null) continue; // a client's own options: the clients transform decides
      const to = deepseekEnvName(read.name);
      if (!to) continue;
      if (!policy.renameOutsideClients) {
        left.push({ file: read.file, offset: read.span.start, name: read.name, reason: policy.reason ?? '' });
        continue;
      }
      const source = text(read.file).slice(read.span.start, read.span.end);
      const shorthand = read.form === 'destructure' && source === read.name;
      edits.push({
        file: read.file,
        start: shorthand ? read.span.start : read.nameSpan.start,
        end: shorthand ? read.span.end : read.nameSpan.end,
        // `const { OPENAI_API_KEY } = process.env` keeps its local name: `{ DEEPSEEK_API_KEY: OPENAI_API_KEY }`.
        text: shorthand ? `${to}: ${read.name}` : to,
        description: `${read.name} → ${to}`,
      });
    }
  }
  return { edits, left };
}

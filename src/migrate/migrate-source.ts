/**
 * Migrating one source text in memory: what `transforms/<id>` run under jscodeshift, one file at a
 * time. Cross-file work (a client in another module, a split across importers) needs the project
 * view of `ds-migrate ./src`; run alone, a file is migrated as if it were the whole project.
 */
import type { TransformId } from '../findings/transforms.js';
import type { TargetSettings } from '../findings/types.js';
import { projectFromSources } from '../project/load-project.js';
import { ParseError } from '../parse/source-file.js';
import { runMigration } from './run-migration.js';

export async function migrateSource(path: string, source: string, transforms: ReadonlySet<TransformId>, settings: TargetSettings = {}): Promise<string> {
  const loaded = await projectFromSources(new Map([[path, source]]));
  const error = loaded.errors[0];
  if (error) throw new ParseError(path, error.message, error.line, error.column);
  const outcome = (await runMigration(loaded, { settings, transforms })).files.find((f) => f.path === path);
  if (outcome?.status === 'error') throw new Error(`${path}: ${outcome.error}`);
  return outcome?.after ?? source;
}

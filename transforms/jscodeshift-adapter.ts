/**
 * The jscodeshift transform contract for ds-migrate's transforms, so each concern can run on its own:
 *
 *   npx jscodeshift -t node_modules/ds-migrate/dist/transforms/models.js src/
 *
 * jscodeshift hands over one file at a time; ds-migrate parses it itself (typescript-estree, the AST
 * ESLint uses) and edits only the spans it changes, so formatting is kept byte for byte. Run
 * `npx ds-migrate` instead for the cross-file work (shared clients, constants in other modules).
 */
import { migrateSource } from '../src/migrate/migrate-source.js';
import type { TransformId } from '../src/findings/transforms.js';

export interface FileInfo {
  readonly path: string;
  readonly source: string;
}

/** Options jscodeshift passes through from its command line (`--model=deepseek-flash`). */
export interface TransformOptions {
  readonly model?: string;
  readonly thinking?: 'thinking' | 'non-thinking';
  readonly jsonSchema?: 'marker' | 'inline';
}

export type JscodeshiftTransform = (file: FileInfo, api: unknown, options?: TransformOptions) => Promise<string | undefined>;

export function jscodeshiftTransform(...ids: TransformId[]): JscodeshiftTransform {
  return async (file, _api, options = {}) => {
    const output = await migrateSource(file.path, file.source, new Set(ids), {
      model: options.model,
      thinking: options.thinking,
      jsonSchema: options.jsonSchema,
    });
    // Returning undefined tells jscodeshift the file is unchanged ("skipped"), so it is not rewritten.
    return output === file.source ? undefined : output;
  };
}

/**
 * Linting one file the way `ds-migrate lint` does, shared by the main thread and the lint worker
 * (`--file-timeout`): the same ESLint set-up, and the same handling of legacy `/* eslint-env *\/` comments.
 */
import { ESLint } from 'eslint';
import type { PresetName } from '../../rules/configs.js';
import type { TargetSettings } from '../findings/types.js';
import { lintConfig } from './lint-config.js';

/** What a lint worker needs to build the same ESLint as the main thread (plain data: it crosses threads). */
export interface LinterSetup {
  /** ESLint ignores files outside its base path: a folder every file is inside. */
  readonly cwd: string;
  readonly settings: TargetSettings;
  readonly preset: PresetName;
}

export function createLinter(setup: LinterSetup): ESLint {
  return new ESLint({
    cwd: setup.cwd,
    overrideConfigFile: true,
    overrideConfig: lintConfig(setup.settings, setup.preset),
    // Discovery already applied .gitignore and the default exclusions.
    ignore: false,
    errorOnUnmatchedPattern: false,
  });
}

/**
 * ESLint 10 refuses (fatally) files with legacy `/* eslint-env *\/` comments, so our rules would never
 * see them: those are linted from their text with the comment blanked out, positions unchanged.
 */
export const ENV_COMMENT = /\/\*\s*eslint-env\b[\s\S]*?\*\//;

/** A file to lint and the text the prefilter read (it crosses to a worker thread as plain data). */
export interface LintJob {
  readonly path: string;
  readonly text: string;
}

export async function lintOneFile(eslint: ESLint, file: LintJob): Promise<ESLint.LintResult> {
  const masked = file.text.replace(new RegExp(ENV_COMMENT.source, 'g'), (comment) => comment.replace(/[^\n]/g, ' '));
  const [result] = await eslint.lintText(masked, { filePath: file.path });
  return result;
}

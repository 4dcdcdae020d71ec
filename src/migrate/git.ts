/** The dirty-tree guard: a run that writes refuses to mix its edits with uncommitted changes. */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_EXCLUDED_DIRS, roleOf } from '../files/discover.js';

export type GitState =
  | { readonly kind: 'clean'; readonly root: string }
  | { readonly kind: 'dirty'; readonly root: string; readonly files: string[] }
  | { readonly kind: 'not-a-repository' };

export function gitState(paths: readonly string[]): GitState {
  const dir = paths.map((p) => (existsSync(p) && statSync(p).isDirectory() ? p : dirname(p)))[0] ?? process.cwd();
  const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (root.status !== 0) return { kind: 'not-a-repository' };
  const top = root.stdout.trim();
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...paths], { cwd: top, encoding: 'utf8' });
  if (status.status !== 0) return { kind: 'not-a-repository' };
  // Only changes to files the run could write count: an untracked node_modules link or build output does not.
  const files = status.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3).replace(/^"|"$/g, ''))
    .filter((file) => roleOf(file) !== null && !file.split('/').some((part) => DEFAULT_EXCLUDED_DIRS.has(part)));
  return files.length > 0 ? { kind: 'dirty', root: top, files } : { kind: 'clean', root: top };
}

/** The repository root of a path, or null outside a repository (for diff paths). */
export function gitRoot(dir: string): string | null {
  const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return root.status === 0 ? root.stdout.trim() : null;
}

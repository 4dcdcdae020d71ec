/** The dirty-tree guard: a run that writes refuses to mix its edits with uncommitted changes. */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

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
  const files = status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
  return files.length > 0 ? { kind: 'dirty', root: top, files } : { kind: 'clean', root: top };
}

/** The repository root of a path, or null outside a repository (for diff paths). */
export function gitRoot(dir: string): string | null {
  const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return root.status === 0 ? root.stdout.trim() : null;
}

/**
 * Finds the files a run may read: code files, env templates, and compose/Kubernetes manifests, under
 * the given paths. Honours every `.gitignore` from the repository root down (nested ones too) and
 * skips dependency and build folders. Symbolic links are never followed: a link can point outside the
 * project (or at itself), and writing through it would edit a file the user did not name.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isCodeFile, isDeclarationFile } from '../parse/language.js';

/** Folders that hold dependencies, build output or VCS data: never ours to read or rewrite. */
export const DEFAULT_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', '.output', '.svelte-kit',
  'coverage', '.turbo', '.vercel', '.cache', '.parcel-cache', 'bower_components', 'jspm_packages', '.yarn',
]);

export type FileRole =
  /** TypeScript / JavaScript source. */
  | 'code'
  /** `.env.example`, `.env.sample`, `.env.template`: committed templates, rewritten. */
  | 'env-template'
  /** `.env`, `.env.local`, ...: secrets, never rewritten and never printed. */
  | 'env-secret'
  /** YAML that may set env variables (docker-compose, Kubernetes). */
  | 'manifest';

export interface DiscoveredFile {
  readonly path: string;
  readonly role: FileRole;
}

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly skipped: Skipped[];
  /** Paths the user named that do not exist. */
  readonly missing: string[];
}

export interface DiscoverOptions {
  /** Extra gitignore-style patterns to exclude, relative to the working directory. */
  readonly exclude?: readonly string[];
  /** When set, only files matching one of these gitignore-style patterns are kept. */
  readonly include?: readonly string[];
  /** What include/exclude patterns are relative to (default: the process's working directory). */
  readonly cwd?: string;
}

export function roleOf(path: string): FileRole | null {
  const name = basename(path);
  if (isDeclarationFile(name)) return null;
  if (isCodeFile(name)) return 'code';
  if (/^\.env(\..+)?\.(example|sample|template|dist|defaults)$/i.test(name) || /^(example|sample|template)\.env$/i.test(name)) {
    return 'env-template';
  }
  if (/^\.env(\.[\w-]+)?$/.test(name)) return 'env-secret';
  if (/\.ya?ml$/i.test(name)) return 'manifest';
  return null;
}

export function discoverFiles(paths: readonly string[], options: DiscoverOptions = {}): Discovery {
  const files: DiscoveredFile[] = [];
  const skipped: Skipped[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const cwd = options.cwd ?? process.cwd();
  const exclude = options.exclude?.length ? ignore().add([...options.exclude]) : null;
  const include = options.include?.length ? ignore().add([...options.include]) : null;

  const keep = (path: string, role: FileRole) => {
    if (seen.has(path)) return;
    const rel = relative(cwd, path).split(sep).join('/');
    if (!rel.startsWith('..')) {
      if (exclude?.ignores(rel)) return;
      if (include && !include.ignores(rel)) return;
    }
    seen.add(path);
    files.push({ path, role });
  };

  for (const input of paths) {
    const path = resolve(cwd, input);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isSymbolicLink()) {
      skipped.push({ path, reason: 'symbolic link (not followed)' });
      continue;
    }
    if (stat.isFile()) {
      const role = roleOf(path);
      if (role) keep(path, role);
      else skipped.push({ path, reason: 'not a JavaScript/TypeScript, env template or YAML file' });
      continue;
    }
    if (stat.isDirectory()) walk(path, ignoreChainFor(path), keep, skipped);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped, missing };
}

interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/** The `.gitignore` files that apply to `dir`, from the repository root down to `dir` itself. */
function ignoreChainFor(dir: string): IgnoreLevel[] {
  const dirs: string[] = [];
  let current = dir;
  for (;;) {
    dirs.unshift(current);
    if (exists(join(current, '.git'))) break;
    const parent = dirname(current);
    if (parent === current) return loadLevels([dir]);
    current = parent;
  }
  return loadLevels(dirs);
}

function loadLevels(dirs: string[]): IgnoreLevel[] {
  const levels: IgnoreLevel[] = [];
  for (const dir of dirs) {
    const level = loadGitignore(dir);
    if (level) levels.push(level);
  }
  return levels;
}

function loadGitignore(dir: string): IgnoreLevel | null {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return null;
  }
}

function isIgnored(path: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean {
  for (const level of levels) {
    if (!path.startsWith(level.base + sep)) continue;
    const rel = relative(level.base, path).split(sep).join('/') + (isDir ? '/' : '');
    if (level.rules.ignores(rel)) return true;
  }
  return false;
}

function walk(
  dir: string,
  levels: IgnoreLevel[],
  keep: (path: string, role: FileRole) => void,
  skipped: Skipped[],
): void {
  // An explicit stack instead of recursion: deep trees cannot overflow, and order stays deterministic.
  const stack: { dir: string; levels: IgnoreLevel[] }[] = [{ dir, levels }];
  while (stack.length > 0) {
    const { dir: current, levels: currentLevels } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: current, reason: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? error}` });
      continue;
    }
    const own = current === dir ? null : loadGitignore(current);
    const here = own ? [...currentLevels, own] : currentLevels;
    const subdirs: string[] = [];
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isSymbolicLink()) {
        if (roleOf(path) || isDirectoryLink(path)) skipped.push({ path, reason: 'symbolic link (not followed)' });
        continue;
      }
      if (entry.isDirectory()) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || isIgnored(path, true, here)) continue;
        subdirs.push(path);
      } else if (entry.isFile()) {
        const role = roleOf(path);
        if (!role || isIgnoredFile(path, role, here)) continue;
        if (role === 'code' && /\.min\.[cm]?js$/.test(entry.name)) continue;
        keep(path, role);
      }
    }
    for (const sub of subdirs.sort().reverse()) stack.push({ dir: sub, levels: here });
  }
}

/** Real `.env` files are usually gitignored, yet the report must still name the variables to set. */
function isIgnoredFile(path: string, role: FileRole, levels: readonly IgnoreLevel[]): boolean {
  if (role === 'env-secret') return false;
  return isIgnored(path, false, levels);
}

function isDirectoryLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The few compiler options module resolution depends on, read from a tsconfig.json/jsconfig.json
 * without TypeScript. Loading TypeScript costs ~200 ms of CPU (bench/RESULTS.md), more than resolving
 * every import of a 1,000-file project; most configs are plain JSON with comments, `baseUrl`, `paths`
 * and an `extends` (relative, a list, or a config from a package such as `@tsconfig/node20` or a
 * monorepo's `@repo/typescript-config/base.json`), which this reads exactly as TypeScript's config
 * parser does.
 *
 * Anything else returns null and TypeScript reads the config (module-resolver.ts): a config that is not
 * comment-and-trailing-comma JSON, a circular `extends`, an `extends` package with `exports`,
 * `typesVersions` or a `tsconfig` field, `${configDir}`, node16/nodenext in effect (ESM rules per file),
 * or an option that changes lookups in ways resolve-lite.ts does not model (rootDirs, moduleSuffixes,
 * typeRoots, customConditions, preserveSymlinks, noDtsResolution, resolvePackageJsonExports/Imports).
 * Null never changes an answer, only who computes it; test/project/resolve-lite.test.ts compares both.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { inNodeModules, type FileLookups } from './file-lookups.js';
import { mayNameOwnPackage } from './resolve-lite.js';

export interface LiteOptions {
  /** How the project's TypeScript resolves: as set, or bundler where it would be classic (module-resolver.ts). */
  readonly resolution: 'bundler' | 'node10';
  /** Absolute. */
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** The folder of the config that set `paths` (its substitutions are relative to it unless baseUrl is set). */
  readonly pathsBasePath?: string;
}

export const DEFAULT_LITE_OPTIONS: LiteOptions = { resolution: 'bundler' };

/**
 * Options this reader leaves to TypeScript. Names are matched as written, as TypeScript reads a config
 * (`BaseUrl` is an unknown option to it, so ignoring it here gives the same answer).
 */
const UNMODELLED = new Set(['rootDirs', 'moduleSuffixes', 'typeRoots', 'customConditions', 'preserveSymlinks', 'noDtsResolution', 'resolvePackageJsonExports', 'resolvePackageJsonImports']);

/** What TypeScript's moduleResolution values become here; a value not listed is left to TypeScript. */
const RESOLUTION: Readonly<Record<string, LiteOptions['resolution']>> = { bundler: 'bundler', classic: 'bundler', node: 'node10', node10: 'node10' };

interface OwnOptions {
  /**
   * 'unmodelled' (node16, nodenext) only fails the read if no config nearer the project overrides it:
   * a monorepo's base config often says NodeNext and the app's says Bundler.
   */
  resolution?: LiteOptions['resolution'] | 'unmodelled';
  baseUrl?: string;
  paths?: Record<string, string[]>;
  pathsBasePath?: string;
}

/** The options of `configFile` and the configs it extends, or null when TypeScript must read it. */
export function readLiteOptions(configFile: string, lookups: FileLookups): LiteOptions | null {
  const own = readChain(configFile, lookups, []);
  if (!own || own.resolution === 'unmodelled') return null;
  const { resolution, baseUrl, paths, pathsBasePath } = own;
  return { resolution: resolution ?? 'bundler', ...(baseUrl !== undefined && { baseUrl }), ...(paths && { paths, pathsBasePath }) };
}

function readChain(configFile: string, lookups: FileLookups, stack: readonly string[]): OwnOptions | null {
  if (stack.includes(configFile)) return null;
  const text = lookups.readFile(configFile);
  const json = text === undefined ? undefined : parseJsonWithComments(text);
  if (!isPlainObject(json)) return null;
  const dir = dirname(configFile);
  const own = ownOptions(json.compilerOptions, dir);
  if (!own) return null;
  if (json.extends === undefined) return own;
  const extended = typeof json.extends === 'string' ? [json.extends] : json.extends;
  if (!Array.isArray(extended) || !extended.every((entry) => typeof entry === 'string')) return null;
  // Each option as a whole from the nearest config that sets it: the config's own, then the last of its
  // `extends` list that sets it (TypeScript 5.0's lists apply in order); `paths` with the folder it was
  // set in. `own` and each base's options hold only what they set.
  let inherited: OwnOptions = {};
  for (const entry of extended) {
    const base = extendedConfigPath(entry, dir, lookups);
    const options = base && readChain(base, lookups, [...stack, configFile]);
    if (!options) return null;
    inherited = { ...inherited, ...options };
  }
  return { ...inherited, ...own };
}

function ownOptions(compilerOptions: unknown, dir: string): OwnOptions | null {
  if (compilerOptions === undefined) return {};
  if (!isPlainObject(compilerOptions)) return null;
  const own: OwnOptions = {};
  for (const [name, value] of Object.entries(compilerOptions)) {
    if (UNMODELLED.has(name)) return null;
    if (name === 'moduleResolution') {
      if (typeof value !== 'string') return null;
      own.resolution = RESOLUTION[value.toLowerCase()] ?? 'unmodelled';
    } else if (name === 'baseUrl') {
      if (typeof value !== 'string' || value.includes('${configDir}')) return null;
      own.baseUrl = resolve(dir, value);
    } else if (name === 'paths') {
      if (!isPlainObject(value)) return null;
      const paths: Record<string, string[]> = {};
      for (const [pattern, substitutions] of Object.entries(value)) {
        if (!Array.isArray(substitutions) || !substitutions.every((s) => typeof s === 'string' && !s.includes('${configDir}'))) return null;
        paths[pattern] = substitutions as string[];
      }
      own.paths = paths;
      own.pathsBasePath = dir;
    }
  }
  return own;
}

/** Where an `extends` entry leads, as TypeScript finds it; null where this does not model the lookup. */
function extendedConfigPath(extended: string, dir: string, lookups: FileLookups): string | null {
  if (extended.includes('\\')) return null;
  if (extended.startsWith('./') || extended.startsWith('../') || isAbsolute(extended)) {
    // `../base` may mean `../base.json`. TypeScript's host sees node_modules, hence kindOf.
    const path = resolve(dir, extended);
    if (lookups.kindOf(path) === 'file') return path;
    if (path.endsWith('.json') || lookups.kindOf(`${path}.json`) !== 'file') return null;
    return `${path}.json`;
  }
  return packageConfigPath(extended, dir, lookups);
}

/**
 * `@tsconfig/node20`, `@tsconfig/node20/tsconfig.json` or `@repo/typescript-config/base` (a workspace
 * package linked into node_modules): TypeScript looks these up as a NodeNext import of a JSON file from
 * the config's folder (`getExtendsConfigPath` → `nodeNextJsonConfigResolver`, TypeScript 5.9). That is,
 * in each node_modules folder from the config's folder up: `<specifier>` if it ends in `.json`, then
 * `<specifier>.json`, then `<specifier>/tsconfig.json`; and the answer is the file's real path, so a
 * linked package's `paths` are relative to where it really is. Modelled only where a package.json adds
 * nothing to that: no `exports`, `typesVersions` or `tsconfig` field, no package.json inside the
 * package's subfolder, no self-reference; other extensions, `.`/`..` segments and configs that are
 * themselves in node_modules are left to TypeScript too.
 */
function packageConfigPath(specifier: string, dir: string, lookups: FileLookups): string | null {
  const segments = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (segments.length < nameLength || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
  if (/^#|:/.test(specifier) || inNodeModules(dir) || mayNameOwnPackage(specifier, dir, lookups)) return null;
  const name = segments.slice(0, nameLength).join('/');
  const rest = segments.slice(nameLength).join('/');
  for (let ancestor = dir; ; ancestor = dirname(ancestor)) {
    const found = basename(ancestor) === 'node_modules' ? undefined : inNodeModulesFolder(join(ancestor, 'node_modules'), name, rest, lookups);
    // Not found anywhere: TypeScript reports it and reads the config without it; leave that to it.
    if (found === null || (found === undefined && dirname(ancestor) === ancestor)) return null;
    if (found !== undefined) return realPath(found);
  }
}

/** The config in one node_modules folder; undefined when it is not there, null when this cannot tell. */
function inNodeModulesFolder(nodeModules: string, name: string, rest: string, lookups: FileLookups): string | null | undefined {
  if (lookups.kindOf(nodeModules) !== 'directory') return undefined;
  const packageDir = join(nodeModules, name);
  const manifest = join(packageDir, 'package.json');
  if (lookups.kindOf(manifest) === 'file') {
    const json = parseJsonWithComments(lookups.readFile(manifest) ?? '');
    if (!isPlainObject(json) || 'exports' in json || 'typesVersions' in json || 'tsconfig' in json) return null;
  }
  const candidate = rest ? join(packageDir, rest) : packageDir;
  if (rest && lookups.kindOf(join(candidate, 'package.json')) !== null) return null;
  const leaf = basename(candidate);
  if (leaf.includes('.') && !leaf.endsWith('.json')) return null;
  const files = leaf.endsWith('.json') ? [candidate, `${candidate}.json`] : [`${candidate}.json`];
  const file = files.find((path) => lookups.kindOf(path) === 'file');
  if (file) return file;
  // A folder: its tsconfig.json (TypeScript's index file for a config), unless `tsconfig` is a folder too.
  if (lookups.kindOf(join(candidate, 'tsconfig')) === 'directory') return null;
  const index = join(candidate, 'tsconfig.json');
  return lookups.kindOf(index) === 'file' ? index : undefined;
}

function realPath(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON with `//` and `/* *\/` comments and trailing commas, as tsconfig files are written; undefined for
 * anything else (TypeScript's own reader then decides how lenient to be).
 */
export function parseJsonWithComments(text: string): unknown {
  try {
    return JSON.parse(withoutTrailingCommas(withoutComments(text)));
  } catch {
    return undefined;
  }
}

/** Comments become spaces; strings are copied as they are. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) throw new SyntaxError('unterminated comment');
      i = close + 2;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === ',' && closesNext(text, i + 1)) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

/** Whether the next character other than white space closes an object or array. */
function closesNext(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] === '}' || text[i] === ']';
}

/** The index just after the string literal that starts at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

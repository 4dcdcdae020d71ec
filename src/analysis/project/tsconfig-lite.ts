/**
 * The few compiler options module resolution depends on, read from a tsconfig.json/jsconfig.json
 * without TypeScript. Loading TypeScript costs ~200 ms of CPU (bench/RESULTS.md), more than resolving
 * every import of a 1,000-file project; most configs are plain JSON with comments, `baseUrl`, `paths`
 * and maybe a relative `extends`, which this reads exactly as TypeScript's config parser does.
 *
 * Anything else returns null and TypeScript reads the config (module-resolver.ts): a config that is not
 * comment-and-trailing-comma JSON, `extends` of a package or a list, a circular `extends`, `${configDir}`,
 * node16/nodenext (ESM rules per file), or an option that changes lookups in ways resolve-lite.ts does
 * not model (rootDirs, moduleSuffixes, typeRoots, customConditions, preserveSymlinks, noDtsResolution,
 * resolvePackageJsonExports/Imports). Null never changes an answer, only who computes it.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { FileLookups } from './file-lookups.js';

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
  resolution?: LiteOptions['resolution'];
  baseUrl?: string;
  paths?: Record<string, string[]>;
  pathsBasePath?: string;
}

/** The options of `configFile` and the configs it extends, or null when TypeScript must read it. */
export function readLiteOptions(configFile: string, lookups: FileLookups): LiteOptions | null {
  const own = readChain(configFile, lookups, []);
  if (!own) return null;
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
  const base = typeof json.extends === 'string' ? extendedConfigPath(json.extends, dir, lookups) : null;
  const inherited = base && readChain(base, lookups, [...stack, configFile]);
  if (!inherited) return null;
  // Each option as a whole from the nearest config that sets it (`own` holds only what it sets), and
  // `paths` with the folder it was set in.
  return { ...inherited, ...own };
}

function ownOptions(compilerOptions: unknown, dir: string): OwnOptions | null {
  if (compilerOptions === undefined) return {};
  if (!isPlainObject(compilerOptions)) return null;
  const own: OwnOptions = {};
  for (const [name, value] of Object.entries(compilerOptions)) {
    if (UNMODELLED.has(name)) return null;
    if (name === 'moduleResolution') {
      const resolution = typeof value === 'string' ? RESOLUTION[value.toLowerCase()] : undefined;
      if (!resolution) return null;
      own.resolution = resolution;
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

/** A relative or absolute `extends`, as TypeScript finds it (`../base` may mean `../base.json`); null otherwise. */
function extendedConfigPath(extended: string, dir: string, lookups: FileLookups): string | null {
  if (!(extended.startsWith('./') || extended.startsWith('../') || isAbsolute(extended))) return null;
  const path = resolve(dir, extended);
  if (lookups.fileExists(path)) return path;
  if (path.endsWith('.json') || !lookups.fileExists(`${path}.json`)) return null;
  return `${path}.json`;
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

/**
 * TypeScript's module resolution (bundler and node10, typescript 5.9 `moduleNameResolver`) for the
 * specifiers projects import their own files by: relative paths, `paths` aliases and `baseUrl`. Same
 * lookups in the same order, so the same answer, without loading TypeScript (~200 ms of CPU).
 *
 * Returns undefined where TypeScript must answer: a shape this does not model (a folder with its own
 * package.json, a `.json` import, `#imports`, a package importing itself by name, a substitution with
 * an extension, absolute or backslashed paths). test/project/resolve-lite.test.ts compares every answer
 * with TypeScript's.
 */
import { basename, join, resolve } from 'node:path';
import { inNodeModules, type FileLookups } from './file-lookups.js';
import type { LiteOptions } from './tsconfig-lite.js';

/** The file TypeScript resolves to (a `.d.ts` included), null when there is none, undefined when unmodelled. */
export type LiteAnswer = string | null | undefined;

/** Which kinds of file a lookup accepts (TypeScript's `Extensions`). */
interface Kinds {
  readonly ts: boolean;
  readonly dts: boolean;
  readonly js: boolean;
}

/** bundler looks for every kind at once; node10 for TypeScript and declarations first, then JavaScript. */
const PASSES: Readonly<Record<LiteOptions['resolution'], readonly Kinds[]>> = {
  bundler: [{ ts: true, dts: true, js: true }],
  node10: [
    { ts: true, dts: true, js: false },
    { ts: false, dts: false, js: true },
  ],
};

/** Extensions TypeScript strips before trying its own, longest first where one ends another. */
const KNOWN_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

class Unmodelled extends Error {}

export function resolveLite(specifier: string, fromDir: string, options: LiteOptions, lookups: FileLookups): LiteAnswer {
  if (/\\|node_modules|\.json$|\/$|^[/#]/.test(specifier)) return undefined;
  try {
    for (const kinds of PASSES[options.resolution]) {
      const found = pathIsRelative(specifier) ? relative(specifier, fromDir, kinds, lookups) : nonRelative(specifier, options, kinds, lookups);
      if (found) return found;
    }
    if (!pathIsRelative(specifier) && options.resolution === 'bundler' && mayNameOwnPackage(specifier, fromDir, lookups)) return undefined;
    return null;
  } catch (error) {
    if (error instanceof Unmodelled) return undefined;
    throw error;
  }
}

/** TypeScript's `pathIsRelative` (`./`, `../`, `.`, `..`): unlike module-resolver.ts's test, not `/abs`, which this never sees. */
function pathIsRelative(specifier: string): boolean {
  return /^\.\.?(?:$|\/)/.test(specifier);
}

function relative(specifier: string, fromDir: string, kinds: Kinds, lookups: FileLookups): string | null {
  // `.` and `../..` name a folder only: TypeScript skips the file lookups; not modelled here.
  if (/(?:^|\/)\.{1,2}$/.test(specifier)) throw new Unmodelled();
  return fileOrFolder(resolve(fromDir, specifier), kinds, lookups);
}

/** `paths` first (the most specific pattern; its substitutions in order), then `baseUrl`. */
function nonRelative(specifier: string, options: LiteOptions, kinds: Kinds, lookups: FileLookups): string | null {
  if (options.paths) {
    const pattern = bestPattern(Object.keys(options.paths), specifier);
    if (pattern !== null) {
      const star = pattern.includes('*') ? specifier.slice(pattern.indexOf('*'), specifier.length - (pattern.length - pattern.indexOf('*') - 1)) : null;
      for (const substitution of options.paths[pattern]) {
        if (KNOWN_EXTENSIONS.some((ext) => substitution.endsWith(ext))) throw new Unmodelled();
        // As TypeScript does: an empty match leaves the `*` in place.
        const path = star ? substitution.replace('*', star) : substitution;
        const found = fileOrFolder(resolve(options.baseUrl ?? options.pathsBasePath!, path), kinds, lookups);
        if (found) return found;
      }
      // A matched pattern that finds nothing ends the search here: TypeScript does not try baseUrl.
      return null;
    }
  }
  return options.baseUrl ? fileOrFolder(resolve(options.baseUrl, specifier), kinds, lookups) : null;
}

/** An exact key, else the pattern (one `*`) with the longest prefix; keys with two stars never match. */
function bestPattern(keys: readonly string[], specifier: string): string | null {
  if (keys.some((key) => key === specifier && !key.includes('*'))) return specifier;
  let best: string | null = null;
  let longest = -1;
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (prefix.length > longest && specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      longest = prefix.length;
      best = key;
    }
  }
  return best;
}

/** `nodeLoadModuleByRelativeName`: the path as a file, else as a folder (its index). */
function fileOrFolder(candidate: string, kinds: Kinds, lookups: FileLookups): string | null {
  // Everything there is hidden from both resolvers (file-lookups.ts): nothing can be found.
  if (inNodeModules(candidate)) return null;
  const file = asFile(candidate, kinds, lookups);
  if (file) return file;
  // A folder's package.json (types, main, typesVersions) decides what it resolves to: not modelled.
  if (lookups.fileExists(`${candidate}/package.json`)) throw new Unmodelled();
  return asFile(`${candidate}/index`, kinds, lookups);
}

/** `loadModuleFromFile`: replace the extension written (`./client.js` → client.ts), else add one. */
function asFile(candidate: string, kinds: Kinds, lookups: FileLookups): string | null {
  if (basename(candidate).includes('.')) {
    const known = KNOWN_EXTENSIONS.find((ext) => candidate.endsWith(ext));
    const stem = known ? candidate.slice(0, -known.length) : candidate.slice(0, candidate.lastIndexOf('.'));
    const found = withExtension(stem, candidate.slice(stem.length), kinds, lookups);
    if (found) return found;
  }
  return withExtension(candidate, '', kinds, lookups);
}

/** `tryAddingExtensions`: the extensions to try for the one written, in TypeScript's order. */
function withExtension(stem: string, written: string, kinds: Kinds, lookups: FileLookups): string | null {
  const first = (...extensions: (string | false)[]) => {
    for (const ext of extensions) if (ext !== false && lookups.fileExists(stem + ext)) return stem + ext;
    return null;
  };
  switch (written) {
    case '.mjs':
    case '.mts':
    case '.d.mts':
      return first(kinds.ts && '.mts', kinds.dts && '.d.mts', kinds.js && '.mjs');
    case '.cjs':
    case '.cts':
    case '.d.cts':
      return first(kinds.ts && '.cts', kinds.dts && '.d.cts', kinds.js && '.cjs');
    case '.json':
      throw new Unmodelled();
    case '.tsx':
    case '.jsx':
      return first(kinds.ts && '.tsx', kinds.ts && '.ts', kinds.dts && '.d.ts', kinds.js && '.jsx', kinds.js && '.js');
    case '.ts':
    case '.d.ts':
    case '.js':
    case '':
      return first(kinds.ts && '.ts', kinds.ts && '.tsx', kinds.dts && '.d.ts', kinds.js && '.js', kinds.js && '.jsx');
    default:
      // `./user.service` → `user.d.service.ts` (a declaration for an arbitrary extension).
      return kinds.dts ? first(`.d${written}.ts`) : null;
  }
}

/**
 * Whether the nearest package.json could make this a self-reference (`my-pkg/utils` inside my-pkg,
 * through its `exports`), which bundler resolution tries before giving up on a bare specifier.
 */
export function mayNameOwnPackage(specifier: string, fromDir: string, lookups: FileLookups): boolean {
  const packageDir = lookups.packageDirOf(fromDir);
  if (!packageDir) return false;
  let json: unknown;
  try {
    json = JSON.parse(lookups.readFile(join(packageDir, 'package.json')) ?? '');
  } catch {
    return true;
  }
  const { name, exports } = (json ?? {}) as { name?: unknown; exports?: unknown };
  if (!exports || typeof name !== 'string') return false;
  return specifier === name || specifier.startsWith(`${name}/`);
}

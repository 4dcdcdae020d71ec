/**
 * The file-system questions module resolution asks, answered once per path for a run: the same
 * candidates (`lib/openai.ts`, `lib/openai.tsx`, …) are probed from every importing folder, and the
 * files do not change while a run reads them. Both resolvers (resolve-lite.ts and TypeScript's, through
 * module-resolver.ts) ask these, so they see the same files.
 *
 * Nothing under node_modules is shown: TypeScript marks whatever it finds there as an external library
 * (even a relative import between two files in there), which the resolver answers with null anyway, so
 * hiding it changes no answer and spares the walk up every folder for `node_modules/openai`.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FileLookups {
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /**
   * What is at `path`, node_modules included: a tsconfig may extend a config from a package there
   * (tsconfig-lite.ts), which TypeScript looks up through the same folders.
   */
  kindOf(path: string): EntryKind;
  /** The text of a (config or package.json) file without its byte-order mark, or undefined. */
  readFile(path: string): string | undefined;
  /** The folder of the nearest package.json at or above `dir` ('' when there is none). */
  packageDirOf(dir: string): string;
}

export type EntryKind = 'file' | 'directory' | null;

export function fileLookups(): FileLookups {
  const kindOf = memoize(entryKind);
  const lookups: FileLookups = {
    fileExists: (path) => !inNodeModules(path) && kindOf(path) === 'file',
    directoryExists: (path) => !inNodeModules(path) && kindOf(path) === 'directory',
    kindOf,
    readFile: memoize(readText),
    // Each folder is asked once however many files and specifiers it holds; parents share the answer.
    packageDirOf: memoize((dir) => {
      if (lookups.fileExists(join(dir, 'package.json'))) return dir;
      const parent = dirname(dir);
      return parent === dir ? '' : lookups.packageDirOf(parent);
    }),
  };
  return lookups;
}

/** As TypeScript's `sys.fileExists`/`directoryExists` decide: follow links, and any error means no. */
function entryKind(path: string): EntryKind {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return null;
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : null;
  } catch {
    return null;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

export function inNodeModules(path: string): boolean {
  return /[\\/]node_modules(?:[\\/]|$)/.test(path);
}

export function memoize<T>(lookup: (path: string) => T): (path: string) => T {
  const known = new Map<string, T>();
  return (path) => {
    if (known.has(path)) return known.get(path)!;
    const value = lookup(path);
    known.set(path, value);
    return value;
  };
}

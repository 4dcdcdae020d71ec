/**
 * Resolves import specifiers to project files the way the project's own TypeScript does: relative
 * paths, tsconfig/jsconfig `baseUrl` and `paths` (`@/lib/openai`), `extends` chains, index files and
 * extension substitution (`./client.js` → `client.ts`). Uses TypeScript's module resolution without
 * building a Program, so it costs file-system lookups, not type checking.
 */
import { dirname, join } from 'node:path';
import type * as TS from 'typescript';
import { loadTypeScript } from '../../typescript.js';

export class ModuleResolver {
  private readonly configByDir = new Map<string, TS.CompilerOptions>();
  private readonly resolved = new Map<string, string | null>();
  private host: TS.ModuleResolutionHost | null = null;
  /** TypeScript's own cache of resolutions per folder and of package.json lookups, one per set of options. */
  private readonly caches = new Map<TS.CompilerOptions, TS.ModuleResolutionCache>();

  /**
   * File-system lookups, remembered for the run: the same candidates (`lib/openai.ts`, `lib/openai.tsx`,
   * …) are probed for every importing folder, and the files do not change while a run reads them.
   *
   * Nothing under node_modules is shown to TypeScript: it marks whatever it finds there as an external
   * library (even a relative import between two files in there), which `resolve` answers with null
   * anyway, so hiding it changes no answer and spares the walk up every folder for
   * `node_modules/openai` (most of the cost of linking).
   */
  private hostOf(ts: typeof TS): TS.ModuleResolutionHost {
    if (this.host) return this.host;
    const fileExists = memoize(ts.sys.fileExists);
    const directoryExists = memoize(ts.sys.directoryExists!);
    this.host = {
      fileExists: (path) => !inNodeModules(path) && fileExists(path),
      readFile: memoize(ts.sys.readFile),
      directoryExists: (path) => !inNodeModules(path) && directoryExists(path),
      realpath: memoize(ts.sys.realpath!),
      getCurrentDirectory: ts.sys.getCurrentDirectory,
    };
    return this.host;
  }

  private cacheFor(ts: typeof TS, options: TS.CompilerOptions): TS.ModuleResolutionCache {
    let cache = this.caches.get(options);
    if (!cache) {
      cache = ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (name) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase()), options);
      this.caches.set(options, cache);
    }
    return cache;
  }

  /** Loads TypeScript now, at a moment the main thread would otherwise wait (while workers parse). */
  prepare(): void {
    loadTypeScript();
  }

  /** The project file an import in `fromFile` refers to, or null (a package, a missing file, a `.d.ts`). */
  resolve(specifier: string, fromFile: string): string | null {
    const dir = dirname(fromFile);
    const options = this.optionsFor(dir);
    const key = `${this.lookupScope(specifier, dir, options)}\0${moduleKindOf(fromFile)}\0${specifier}`;
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    // Bare specifiers without a path mapping are packages: never project files.
    if (isRelative(specifier) || options.paths || options.baseUrl) {
      const ts = loadTypeScript();
      const resolution = ts.resolveModuleName(specifier, fromFile, options, this.hostOf(ts), this.cacheFor(ts, options)).resolvedModule;
      if (resolution && !resolution.isExternalLibraryImport && !/\.d\.[mc]?ts$/.test(resolution.resolvedFileName)) {
        result = resolution.resolvedFileName;
      }
    }
    this.resolved.set(key, result);
    return result;
  }

  /**
   * Where the answer for a specifier can differ. A relative one depends on the folder it is written
   * in. A bare or aliased one (`@/lib/openai`, through `paths` or `baseUrl`) does not: with node_modules
   * hidden (see `hostOf`), what TypeScript can find for it depends only on the compiler options and
   * on the nearest package.json (its own name and `imports`). So `@/lib/ai/models`, imported from 300
   * folders of one package, is resolved once instead of 300 times.
   */
  private lookupScope(specifier: string, dir: string, options: TS.CompilerOptions): string {
    if (isRelative(specifier)) return dir;
    let id = this.optionsIds.get(options);
    if (id === undefined) {
      id = this.optionsIds.size;
      this.optionsIds.set(options, id);
    }
    return `${id}\0${this.packageDirOf(dir)}`;
  }

  private readonly optionsIds = new Map<TS.CompilerOptions, number>();
  private readonly packageDirs = new Map<string, string>();

  /** The folder of the nearest package.json above `dir` ('' when there is none). */
  private packageDirOf(dir: string): string {
    const known = this.packageDirs.get(dir);
    if (known !== undefined) return known;
    const ts = loadTypeScript();
    const parent = dirname(dir);
    const found = this.hostOf(ts).fileExists(join(dir, 'package.json')) ? dir : parent === dir ? '' : this.packageDirOf(parent);
    this.packageDirs.set(dir, found);
    return found;
  }

  /**
   * Compiler options of the nearest tsconfig.json / jsconfig.json, with module resolution that finds
   * `.js` and `.ts`; the defaults above the repository root (package.json next to .git) or without one.
   * Remembered per folder, so each folder is looked at once however many files it holds.
   */
  private optionsFor(dir: string): TS.CompilerOptions {
    const cached = this.configByDir.get(dir);
    if (cached) return cached;
    const ts = loadTypeScript();
    const host = this.hostOf(ts);
    const configFile = ['tsconfig.json', 'jsconfig.json'].map((name) => join(dir, name)).find((candidate) => host.fileExists(candidate));
    let options: TS.CompilerOptions;
    if (configFile) {
      options = this.configByDir.get(`config:${configFile}`) ?? readOptions(configFile, dir);
      this.configByDir.set(`config:${configFile}`, options);
    } else if ((host.fileExists(join(dir, 'package.json')) && host.directoryExists!(join(dir, '.git'))) || dirname(dir) === dir) {
      options = this.defaults ??= defaults();
    } else {
      options = this.optionsFor(dirname(dir));
    }
    this.configByDir.set(dir, options);
    return options;
  }

  private defaults: TS.CompilerOptions | null = null;
}

function readOptions(configFile: string, dir: string): TS.CompilerOptions {
  const ts = loadTypeScript();
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) return defaults();
  // Only compiler options matter here: skip the (possibly huge) include/files expansion.
  const config = { ...read.config, files: [], include: [] };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir, undefined, configFile);
  const options = { ...parsed.options, allowJs: true, noEmit: true };
  // Classic/node10 resolution misses `exports` maps and `.js`→`.ts` substitution; Bundler finds both,
  // and it is a superset of what NodeNext resolves for the specifiers we follow.
  if (options.moduleResolution === undefined || options.moduleResolution === ts.ModuleResolutionKind.Classic) {
    options.moduleResolution = ts.ModuleResolutionKind.Bundler;
    options.module = ts.ModuleKind.ESNext;
  }
  return options;
}

function defaults(): TS.CompilerOptions {
  const ts = loadTypeScript();
  return { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: true, noEmit: true };
}

/**
 * Under node16/nodenext, an import in a `.mts`/`.mjs` file is resolved as ESM and one in a `.cts`/`.cjs`
 * file as CommonJS; other files follow their package.json, which the lookup scope already tells apart.
 */
function moduleKindOf(file: string): string {
  return /\.m[jt]sx?$/.test(file) ? 'esm' : /\.c[jt]sx?$/.test(file) ? 'cjs' : '';
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/');
}

function memoize<T>(lookup: (path: string) => T): (path: string) => T {
  const known = new Map<string, T>();
  return (path) => {
    if (known.has(path)) return known.get(path)!;
    const value = lookup(path);
    known.set(path, value);
    return value;
  };
}

function inNodeModules(path: string): boolean {
  return /[\\/]node_modules(?:[\\/]|$)/.test(path);
}

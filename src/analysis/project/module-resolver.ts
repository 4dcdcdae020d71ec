/**
 * Resolves import specifiers to project files the way the project's own TypeScript does: relative
 * paths, tsconfig/jsconfig `baseUrl` and `paths` (`@/lib/openai`), `extends` chains, index files and
 * extension substitution (`./client.js` → `client.ts`). No Program is built, so it costs file-system
 * lookups, not type checking.
 *
 * Most answers come from resolve-lite.ts, which follows TypeScript's lookups for the shapes projects
 * use, with options read by tsconfig-lite.ts; TypeScript itself (loaded on first need, ~200 ms of CPU)
 * answers the rest: configs and specifiers those two leave to it.
 */
import { dirname, join, sep } from 'node:path';
import type * as TS from 'typescript';
import { loadTypeScript } from '../../typescript.js';
import { fileLookups, memoize, type FileLookups } from './file-lookups.js';
import { resolveLite } from './resolve-lite.js';
import { DEFAULT_LITE_OPTIONS, readLiteOptions, type LiteOptions } from './tsconfig-lite.js';

/** The compiler options that apply in a folder: one object per config file, shared by its folders. */
interface FolderConfig {
  /** The tsconfig.json/jsconfig.json, or null for the defaults. */
  readonly file: string | null;
  /** Null when only TypeScript can read the config. */
  readonly lite: LiteOptions | null;
  /** TypeScript's reading, made on first need. */
  ts?: TS.CompilerOptions;
}

export interface ResolverOptions {
  /** Ask TypeScript for every answer (tests compare the two ways). */
  readonly typeScriptOnly?: boolean;
}

export class ModuleResolver {
  private readonly configByDir = new Map<string, FolderConfig>();
  private readonly configByFile = new Map<string, FolderConfig>();
  private readonly resolved = new Map<string, string | null>();
  private readonly lookups: FileLookups = fileLookups();
  private host: TS.ModuleResolutionHost | null = null;
  /** TypeScript's own cache of resolutions per folder and of package.json lookups, one per config. */
  private readonly caches = new Map<FolderConfig, TS.ModuleResolutionCache>();
  private readonly useLite: boolean;
  /** How many specifiers each way answered (for tests and DS_MIGRATE_TRACE). */
  readonly answeredBy = { lite: 0, typescript: 0 };

  constructor(options: ResolverOptions = {}) {
    // TypeScript answers with forward slashes everywhere; resolve-lite.ts only where paths have them.
    this.useLite = !options.typeScriptOnly && sep === '/';
  }

  /**
   * Reads the configs that apply to these files now, at a moment the main thread would otherwise wait
   * (while workers parse), and loads TypeScript too if one of them needs it.
   */
  prepare(files: readonly string[]): void {
    const configs = new Set(files.map((file) => this.configFor(dirname(file))));
    if ([...configs].some((config) => !this.useLite || !config.lite)) loadTypeScript();
  }

  /** The project file an import in `fromFile` refers to, or null (a package, a missing file, a `.d.ts`). */
  resolve(specifier: string, fromFile: string): string | null {
    const dir = dirname(fromFile);
    const config = this.configFor(dir);
    const key = `${this.lookupScope(specifier, dir, config)}\0${moduleKindOf(fromFile)}\0${specifier}`;
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    // Bare specifiers without a path mapping are packages: never project files.
    if (isRelative(specifier) || this.mapsPaths(config)) {
      let found = this.useLite && config.lite ? resolveLite(specifier, dir, config.lite, this.lookups) : undefined;
      if (found === undefined) {
        found = this.resolveWithTypeScript(specifier, fromFile, config);
        this.answeredBy.typescript++;
      } else {
        this.answeredBy.lite++;
      }
      if (found && !/\.d\.[mc]?ts$/.test(found)) result = found;
    }
    this.resolved.set(key, result);
    return result;
  }

  private mapsPaths(config: FolderConfig): boolean {
    const options = this.useLite && config.lite ? config.lite : this.typeScriptOptions(config);
    return Boolean(options.paths || options.baseUrl);
  }

  private resolveWithTypeScript(specifier: string, fromFile: string, config: FolderConfig): string | null {
    const ts = loadTypeScript();
    const options = this.typeScriptOptions(config);
    const resolution = ts.resolveModuleName(specifier, fromFile, options, this.hostOf(ts), this.cacheFor(ts, config)).resolvedModule;
    return resolution && !resolution.isExternalLibraryImport ? resolution.resolvedFileName : null;
  }

  /** TypeScript's host over the same remembered lookups (file-lookups.ts), which hide node_modules. */
  private hostOf(ts: typeof TS): TS.ModuleResolutionHost {
    this.host ??= {
      fileExists: this.lookups.fileExists,
      directoryExists: this.lookups.directoryExists,
      readFile: memoize(ts.sys.readFile),
      realpath: memoize(ts.sys.realpath!),
      getCurrentDirectory: ts.sys.getCurrentDirectory,
    };
    return this.host;
  }

  private cacheFor(ts: typeof TS, config: FolderConfig): TS.ModuleResolutionCache {
    let cache = this.caches.get(config);
    if (!cache) {
      cache = ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (name) => (ts.sys.useCaseSensitiveFileNames ? name : name.toLowerCase()), this.typeScriptOptions(config));
      this.caches.set(config, cache);
    }
    return cache;
  }

  private typeScriptOptions(config: FolderConfig): TS.CompilerOptions {
    config.ts ??= config.file ? readOptions(config.file, dirname(config.file)) : defaults();
    return config.ts;
  }

  /**
   * Where the answer for a specifier can differ. A relative one depends on the folder it is written
   * in. A bare or aliased one (`@/lib/openai`, through `paths` or `baseUrl`) does not: with node_modules
   * hidden (file-lookups.ts), what either resolver can find for it depends only on the config and on
   * the nearest package.json (its own name and `imports`). So `@/lib/ai/models`, imported from 300
   * folders of one package, is resolved once instead of 300 times.
   */
  private lookupScope(specifier: string, dir: string, config: FolderConfig): string {
    if (isRelative(specifier)) return dir;
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.configIds.size;
      this.configIds.set(config, id);
    }
    return `${id}\0${this.lookups.packageDirOf(dir)}`;
  }

  private readonly configIds = new Map<FolderConfig, number>();

  /**
   * The nearest tsconfig.json / jsconfig.json; the defaults above the repository root (package.json
   * next to .git) or without one. Remembered per folder, so each folder is looked at once however many
   * files it holds.
   */
  private configFor(dir: string): FolderConfig {
    const cached = this.configByDir.get(dir);
    if (cached) return cached;
    const configFile = ['tsconfig.json', 'jsconfig.json'].map((name) => join(dir, name)).find((candidate) => this.lookups.fileExists(candidate));
    let config: FolderConfig;
    if (configFile) {
      config = this.configByFile.get(configFile) ?? { file: configFile, lite: readLiteOptions(configFile, this.lookups) };
      this.configByFile.set(configFile, config);
    } else if ((this.lookups.fileExists(join(dir, 'package.json')) && this.lookups.directoryExists(join(dir, '.git'))) || dirname(dir) === dir) {
      config = this.defaults ??= { file: null, lite: DEFAULT_LITE_OPTIONS };
    } else {
      config = this.configFor(dirname(dir));
    }
    this.configByDir.set(dir, config);
    return config;
  }

  private defaults: FolderConfig | null = null;
}

/** TypeScript's reading of a config, with module resolution that finds `.js` and `.ts`. */
function readOptions(configFile: string, dir: string): TS.CompilerOptions {
  const ts = loadTypeScript();
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) return defaults();
  // Only compiler options matter here: skip the (possibly huge) include/files expansion.
  const config = { ...read.config, files: [], include: [] };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir, undefined, configFile);
  const options = { ...parsed.options, allowJs: true, noEmit: true };
  // Classic/node10 resolution misses `exports` maps and `.js`→`.ts` substitution; Bundler finds both,
  // and it is a superset of what NodeNext resolves for the specifiers we follow. (tsconfig-lite.ts
  // makes the same choice.)
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

/**
 * Loads what a run needs: discovers files, reads them, parses only the ones that can matter (prefilter
 * plus the modules that import them), analyses each once and links the project. Files that cannot be
 * read or parsed become per-file errors; the run goes on.
 */
import { readFileSync } from 'node:fs';
import { analyzeFile } from '../analysis/analyze-file.js';
import { ModuleResolver } from '../analysis/project/module-resolver.js';
import { linkProject, type ProjectUsage, type Resolver } from '../analysis/project/project-index.js';
import type { FileUsage } from '../analysis/types.js';
import { discoverFiles, type DiscoverOptions, type DiscoveredFile, type Discovery } from '../files/discover.js';
import { importSpecifiers, mentionsSdk } from '../files/prefilter.js';
import { ParseError, parseSourceFile, type SourceFile } from '../parse/source-file.js';

export interface FileError {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface AnalysedFile {
  readonly source: SourceFile;
  readonly usage: FileUsage;
  /** The raw bytes as read, to detect a file that changes before it is written. */
  readonly raw: Buffer;
}

export interface LoadedProject {
  readonly discovery: Discovery;
  /** Every discovered code file's count, parsed or not. */
  readonly scanned: number;
  readonly analysed: ReadonlyMap<string, AnalysedFile>;
  readonly errors: readonly FileError[];
  readonly project: ProjectUsage;
  readonly resolver: Resolver;
  /** Non-code files by role (env templates, secrets, manifests), read lazily by their transforms. */
  readonly otherFiles: readonly DiscoveredFile[];
}

export interface LoadOptions extends DiscoverOptions {
  /** Analyse every code file, not only prefiltered ones (for tests of the prefilter itself). */
  readonly noPrefilter?: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { ok: true; raw: Buffer; text: string } | { ok: false; message: string };

/** Reads a file as strict UTF-8: a file that is not valid text is reported, never re-encoded. */
export function readText(path: string): ReadResult {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'EACCES' ? 'permission denied' : `cannot read: ${code ?? error}` };
  }
  if (raw.includes(0)) return { ok: false, message: 'contains a NUL byte (binary file?), left untouched' };
  try {
    return { ok: true, raw, text: decoder.decode(raw) };
  } catch {
    return { ok: false, message: 'not valid UTF-8, left untouched' };
  }
}

/**
 * A project from in-memory sources (the jscodeshift entry point and tests): every source is analysed,
 * nothing is read from disk except tsconfig files for module resolution.
 */
export function projectFromSources(sources: ReadonlyMap<string, string>): LoadedProject {
  const resolver = new ModuleResolver();
  const analysed = new Map<string, AnalysedFile>();
  const errors: FileError[] = [];
  for (const [path, text] of sources) {
    try {
      const source = parseSourceFile(path, text);
      analysed.set(path, { source, raw: Buffer.from(text), usage: analyzeFile(path, source.text, source.ast) });
    } catch (error) {
      if (error instanceof ParseError) errors.push({ path, message: error.reason, line: error.line, column: error.column });
      else throw error;
    }
  }
  return {
    discovery: { files: [...sources.keys()].map((path) => ({ path, role: 'code' as const })), skipped: [], missing: [] },
    scanned: sources.size,
    analysed,
    errors,
    project: linkProject([...analysed.values()].map((f) => f.usage), resolver),
    resolver,
    otherFiles: [],
  };
}

/**
 * The project after some files changed in memory: changed files are parsed and analysed again and the
 * project relinked. A changed file that no longer parses is returned in `failed` and keeps its old analysis.
 */
export function withChangedTexts(
  loaded: LoadedProject,
  changed: ReadonlyMap<string, string>,
): { loaded: LoadedProject; failed: Map<string, ParseError> } {
  const analysed = new Map(loaded.analysed);
  const failed = new Map<string, ParseError>();
  for (const [path, text] of changed) {
    const previous = analysed.get(path);
    try {
      const source = parseSourceFile(path, text);
      analysed.set(path, { source, raw: previous?.raw ?? Buffer.from(text), usage: analyzeFile(path, source.text, source.ast) });
    } catch (error) {
      if (error instanceof ParseError) failed.set(path, error);
      else throw error;
    }
  }
  const project = linkProject([...analysed.values()].map((f) => f.usage), loaded.resolver);
  return { loaded: { ...loaded, analysed, project }, failed };
}

export function loadProject(paths: readonly string[], options: LoadOptions = {}): LoadedProject {
  const discovery = discoverFiles(paths, options);
  const resolver = new ModuleResolver();
  const codeFiles = discovery.files.filter((f) => f.role === 'code');
  const analysed = new Map<string, AnalysedFile>();
  const errors: FileError[] = [];
  const deferred = new Map<string, { raw: Buffer; text: string }>();

  const analyse = (path: string, raw: Buffer, text: string) => {
    try {
      const source = parseSourceFile(path, text);
      analysed.set(path, { source, raw, usage: analyzeFile(path, source.text, source.ast) });
    } catch (error) {
      if (error instanceof ParseError) errors.push({ path, message: error.reason, line: error.line, column: error.column });
      else errors.push({ path, message: `analysis failed: ${(error as Error).message}` });
    }
  };

  for (const file of codeFiles) {
    const read = readText(file.path);
    if (!read.ok) {
      // Unreadable files matter only if they could hold SDK code; report them all, so nothing is silently skipped.
      errors.push({ path: file.path, message: read.message });
      continue;
    }
    if (options.noPrefilter || mentionsSdk(read.text)) analyse(file.path, read.raw, read.text);
    else deferred.set(file.path, read);
  }

  // Files that never mention the SDK but import a module that exports a client, factory or constant
  // (`import { openai } from '@/lib/openai'`) are parsed too. Repeat for re-export chains.
  for (let round = 0; round < 4 && deferred.size > 0; round++) {
    const offering = new Set([...analysed.values()].filter((f) => Object.keys(f.usage.exports).length > 0 || f.usage.exportAll.length > 0).map((f) => f.source.path));
    if (offering.size === 0) break;
    let added = 0;
    for (const [path, read] of deferred) {
      const imports = importSpecifiers(read.text).some((specifier) => {
        const target = resolver.resolve(specifier, path);
        return target !== null && offering.has(target);
      });
      if (!imports) continue;
      deferred.delete(path);
      analyse(path, read.raw, read.text);
      added++;
    }
    if (added === 0) break;
  }

  const project = linkProject([...analysed.values()].map((f) => f.usage), resolver);
  return {
    discovery,
    scanned: codeFiles.length,
    analysed,
    errors,
    project,
    resolver,
    otherFiles: discovery.files.filter((f) => f.role !== 'code'),
  };
}

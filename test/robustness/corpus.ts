/**
 * The real-code corpus: every code file of every package installed in node_modules (devDependencies
 * and what they pull in), copied to a temporary folder. Nobody here wrote any of it.
 *
 * Folders the tool skips by design (`dist`, `build`, `node_modules`, ...) and `.min.js` names are
 * renamed on the way, so that every copied file is really read: the figures count files the tool
 * tried, not files it was told to ignore.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDED_DIRS } from '../../src/files/discover.js';
import { REPO } from './harness.js';

export interface PackageFile {
  /** Absolute path of the installed file. */
  readonly source: string;
  /** Path under node_modules, with `/`: `typescript/lib/tsc.js`. */
  readonly rel: string;
  readonly size: number;
}

const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
export const isDeclaration = (file: string): boolean => /\.d\.[mc]?ts$/.test(file);

/**
 * The folders the corpus is copied from: this repository's node_modules, and (full run) the packages
 * bundled with the Node.js installation running the tests (npm, corepack), when there are any.
 */
export function corpusRoots(full: boolean): { root: string; prefix: string }[] {
  const roots = [{ root: path.join(REPO, 'node_modules'), prefix: '' }];
  const bundled = path.join(path.dirname(path.dirname(process.execPath)), 'lib', 'node_modules');
  if (full && existsSync(bundled)) roots.push({ root: bundled, prefix: 'node-bundled/' });
  return roots;
}

/** Every `.js/.mjs/.cjs/.jsx/.ts/.mts/.cts/.tsx` file under `root`; links and dot-folders are not followed. */
export function installedFiles(root = path.join(REPO, 'node_modules'), prefix = ''): PackageFile[] {
  const files: PackageFile[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) stack.push(child);
      else if (entry.isFile() && CODE.test(entry.name)) {
        const source = path.join(root, child);
        files.push({ source, rel: prefix + child, size: statSync(source).size });
      }
    }
  }
  return files.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/** Top-level package names (`@babel/core`, `typescript`, `node-bundled/npm`) of a list of files. */
export function packagesOf(files: readonly PackageFile[]): string[] {
  const name = (rel: string): string => {
    const parts = rel.split('/');
    if (parts[0] === 'node-bundled') return `node-bundled/${name(parts.slice(1).join('/'))}`;
    return parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join('/');
  };
  return [...new Set(files.map((f) => name(f.rel)))].sort();
}

/**
 * A deterministic sample: the `count` files whose path hashes lowest, among those up to `maxBytes`.
 * Stable when packages are added (a file's rank does not depend on the others), so the fast slice
 * keeps most of its files from one dependency update to the next.
 */
export function sample(files: readonly PackageFile[], count: number, maxBytes: number): PackageFile[] {
  const hash = (rel: string) => createHash('sha1').update(rel).digest('hex');
  return files
    .filter((f) => f.size <= maxBytes)
    .map((f) => ({ f, h: hash(f.rel) }))
    .sort((a, b) => (a.h < b.h ? -1 : 1))
    .slice(0, count)
    .map(({ f }) => f)
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/**
 * Where a file lands in the corpus. With `declarationsAsCode`, `x.d.ts` becomes `x.decl.ts`: the
 * codemod never reads declaration files, but their syntax is TypeScript the parser must survive.
 */
export function corpusPath(rel: string, declarationsAsCode = false): string {
  const parts = rel.split('/').map((part) => (DEFAULT_EXCLUDED_DIRS.has(part) ? `${part}_` : part));
  let name = parts.pop()!.replace(/\.min\.([cm]?js)$/, '-min.$1');
  if (declarationsAsCode) name = name.replace(/\.d\.([mc]?ts)$/, '.decl.$1');
  return [...parts, name].join('/');
}

/** Copies files into `dir` (optionally changing their bytes); returns corpus path → package file. */
export function writeCorpus(
  files: readonly PackageFile[],
  dir: string,
  options: { declarationsAsCode?: boolean; transform?: (raw: Buffer) => Buffer } = {},
): Map<string, PackageFile> {
  const placed = new Map<string, PackageFile>();
  for (const file of files) {
    const rel = corpusPath(file.rel, options.declarationsAsCode);
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    if (options.transform) writeFileSync(target, options.transform(readFileSync(file.source)));
    else copyFileSync(file.source, target);
    placed.set(rel, file);
  }
  return placed;
}

/**
 * SDK code appended to every file of the seeded corpus, so that every real file is parsed, analysed
 * and rewritten (the codemod leaves files without SDK code unread). What the codemod may change is
 * then exactly this block: the file's own code must stay byte-identical.
 */
export const SEED = [
  '',
  ';import DsSeedOpenAI from "openai";',
  'const dsSeedClient = new DsSeedOpenAI();',
  'export const dsSeedAsk = () => dsSeedClient.chat.completions.create({ model: "gpt-4o", messages: [] });',
  '',
].join('\n');

export const withSeed = (raw: Buffer): Buffer => Buffer.concat([raw, Buffer.from(SEED)]);

/** Groups files (sorted by path, so packages stay together) into runs of at most `maxFiles` and `maxBytes`. */
export function batches<T extends { size: number }>(files: readonly T[], maxFiles: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

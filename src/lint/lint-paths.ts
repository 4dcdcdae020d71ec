/**
 * `ds-migrate lint` without any ESLint configuration: picks files the way `scan` does (`.gitignore`,
 * dependency and build folders skipped), parses every JavaScript and TypeScript extension with the
 * TypeScript parser (no type information), and runs one preset of the plugin through ESLint's Node API.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ESLint } from 'eslint';
import { PLUGIN_NAMESPACE, type PresetName } from '../../rules/configs.js';
import { discoverFiles } from '../files/discover.js';
import { importSpecifiers, mentionsSdk } from '../files/prefilter.js';
import type { TargetSettings } from '../findings/types.js';
import { COMPILED, TimedWorkerPool } from '../workers/timed-pool.js';
import { createLinter, ENV_COMMENT, lintOneFile, type LinterSetup, type LintJob } from './lint-one.js';

export interface LintPathsOptions {
  readonly cwd: string;
  readonly settings: TargetSettings & { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  readonly preset?: PresetName;
  /**
   * Per-file limit in milliseconds (`--file-timeout`): each file is linted in a worker thread, and one
   * that takes longer is reported as a fatal problem of that file instead of holding up the run.
   */
  readonly timeoutMs?: number;
}

export interface LintRun {
  /** One result per discovered code file, sorted by path; files that cannot use the SDK are clean without being parsed. */
  readonly results: ESLint.LintResult[];
  /** Paths the user named that do not exist (nothing is linted then). */
  readonly missing: readonly string[];
  /** The ESLint instance, for formatters and rule meta. */
  readonly eslint: ESLint;
}

export async function lintPaths(paths: readonly string[], options: LintPathsOptions): Promise<LintRun> {
  const { settings } = options;
  const absolute = paths.map((p) => resolve(options.cwd, p));
  const discovery = discoverFiles(absolute, { include: settings.include, exclude: settings.exclude });
  // Name missing paths as the user typed them.
  const missing = discovery.missing.map((m) => paths[absolute.indexOf(m)] ?? m);
  const files = discovery.missing.length > 0 ? [] : discovery.files.filter((f) => f.role === 'code').map((f) => f.path);
  const unreadable = new Map<string, ESLint.LintResult>();
  const candidates: LintJob[] = [];
  for (const file of files) {
    const read = readCandidate(file, settings.clientModules ?? []);
    if (typeof read === 'string') unreadable.set(file, fatalResult(file, read));
    else if (read) candidates.push(read);
  }
  const setup: LinterSetup = { cwd: commonAncestor([options.cwd, ...files]), settings, preset: options.preset ?? 'recommended' };
  const eslint = createLinter(setup);
  const linted = options.timeoutMs !== undefined && COMPILED ? await lintInWorkers(candidates, setup, options.timeoutMs) : await lintInProcess(eslint, candidates);
  const byPath = new Map(linted.map((r) => [r.filePath, onlyOurs(r)]));
  const results = files.map((file) => byPath.get(file) ?? unreadable.get(file) ?? cleanResult(file));
  return { results, missing, eslint };
}

async function lintInProcess(eslint: ESLint, files: readonly LintJob[]): Promise<ESLint.LintResult[]> {
  // lintFiles for the common case; files with legacy env comments go through lintOneFile, which masks them.
  const withEnvComment = files.filter((file) => ENV_COMMENT.test(file.text));
  const plain = files.filter((file) => !withEnvComment.includes(file)).map((file) => file.path);
  const linted = plain.length > 0 ? await eslint.lintFiles(plain) : [];
  for (const file of withEnvComment) linted.push(await lintOneFile(eslint, file));
  return linted;
}

/** ESLint cannot be interrupted in the main thread, so a per-file limit means one worker per core. */
async function lintInWorkers(files: readonly LintJob[], setup: LinterSetup, timeoutMs: number): Promise<ESLint.LintResult[]> {
  if (files.length === 0) return [];
  const workers = Math.max(1, Math.min(availableParallelism(), files.length));
  const pool = new TimedWorkerPool<LintJob, ESLint.LintResult>(new URL('./lint-worker.js', import.meta.url), workers, setup);
  try {
    return await pool.run({
      jobs: files,
      timeoutMs,
      sizeOf: (file) => file.text.length,
      onTimeout: (file, limit) => fatalResult(file.path, `took longer than ${limit} to lint; skipped (see --file-timeout)`),
      onCrash: (file, error) => fatalResult(file.path, `linting crashed: ${error.message}`),
    });
  } finally {
    pool.close();
  }
}

/**
 * The file to lint with its text, when it may use the SDK; null when it cannot; a string saying why it
 * cannot be read (reported, never a crash). Only files that mention the SDK (or import a configured
 * client module) can hold anything the rules report: the rules judge calls on clients the file itself
 * can see. The same prefilter as `scan`.
 */
function readCandidate(file: string, clientModules: readonly string[]): LintJob | null | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read: ${code ?? error}`;
  }
  const mayUseSdk = mentionsSdk(text) || (clientModules.length > 0 && importSpecifiers(text).some((s) => clientModules.includes(s)));
  return mayUseSdk ? { path: file, text } : null;
}

/**
 * Keeps our rules' messages and parse errors. Inline `/* eslint rule: ... *\/` comments in the code
 * could turn on other rules; their reports are not what `ds-migrate lint` promises to check.
 */
function onlyOurs(result: ESLint.LintResult): ESLint.LintResult {
  // ESLint 10 reports legacy `/* eslint-env */` comments as errors of no rule: the project's business, not DeepSeek's.
  const messages = result.messages.filter(
    (m) => (m.fatal || m.ruleId?.startsWith(`${PLUGIN_NAMESPACE}/`)) && !(m.ruleId === null && !m.fatal && /eslint-env/.test(m.message)),
  );
  if (messages.length === result.messages.length) return result;
  const count = (severity: number, fixable?: boolean) =>
    messages.filter((m) => m.severity === severity && (fixable === undefined || (fixable ? m.fix !== undefined : true))).length;
  return {
    ...result,
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

function fatalResult(filePath: string, message: string): ESLint.LintResult {
  return {
    ...cleanResult(filePath),
    messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 0, column: 0 }],
    errorCount: 1,
    fatalErrorCount: 1,
  };
}

function cleanResult(filePath: string): ESLint.LintResult {
  return {
    filePath,
    messages: [],
    suppressedMessages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function commonAncestor(paths: readonly string[]): string {
  let base = paths[0];
  for (const path of paths.slice(1)) {
    while (base !== dirname(base) && relative(base, path).split(sep)[0] === '..') base = dirname(base);
  }
  return base;
}

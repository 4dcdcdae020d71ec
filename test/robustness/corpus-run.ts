/**
 * The corpus run behind both the fast slice (`npm test`) and the full version (`npm run robustness`):
 *
 *  - plain: the files as installed. `ds-migrate --dry --json`, `scan --json` and `lint --format json`
 *    over all of them; the patch is applied with `git apply`, and every file it changes must mention
 *    the SDK (or a model name) and re-parse.
 *  - seeded: the same files (declarations too, renamed to `.decl.ts`) with a small OpenAI client and
 *    chat call appended (see SEED), in batches. Now every file is parsed, analysed and rewritten: the
 *    appended call must be migrated, the file must re-parse, and the file's own code must stay
 *    byte-identical unless it mentions the SDK itself.
 *
 * Problems are collected, not thrown, so one run reports all of them with their figures.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { batches, packagesOf, withSeed, writeCorpus, type PackageFile } from './corpus.js';
import { changedPaths, commitAll, countBy, crashOf, git, mentionsSdk, parseProblem, reasonOf, runBuiltCli, tempDir, type CliRun } from './harness.js';

export interface CorpusOptions {
  readonly files: readonly PackageFile[];
  /** Time limit of one CLI run. */
  readonly timeoutMs: number;
  /** Seeded runs: at most this many files and bytes per run. */
  readonly batch: { readonly files: number; readonly bytes: number };
  readonly log?: (line: string) => void;
}

export interface Problem {
  readonly run: string;
  readonly file?: string;
  readonly detail: string;
}

type Command = 'migrate' | 'scan' | 'lint';

export interface CorpusResult {
  readonly figures: {
    readonly packages: number;
    readonly files: number;
    readonly bytes: number;
    /** Files the codemod read in the plain run (declaration files are skipped by design). */
    readonly scannedPlain: number;
    readonly changedPlain: number;
    readonly seededFiles: number;
    readonly seededMigrated: number;
    readonly cliRuns: number;
    readonly slowestRunMs: number;
    /** Per-file errors on input the tool may refuse (does not parse, not UTF-8, ...), by command and reason. */
    readonly inputErrors: Record<Command, Record<string, number>>;
  };
  /** A run that crashed, hung or printed something that is not its JSON. */
  readonly crashes: Problem[];
  /** A file the codemod changed that does not use the SDK, or a seeded file whose own code changed. */
  readonly unintendedEdits: Problem[];
  /** A rewritten file that typescript-estree rejects. */
  readonly reparseFailures: Problem[];
  /** Per-file errors that blame ds-migrate itself (its analysis failed, its edits would not parse). */
  readonly productErrors: Problem[];
  /** A seeded file that parses but whose appended SDK call was not migrated. */
  readonly seedMissed: Problem[];
  /** The patch and the report disagree on what changed, or the patch does not apply. */
  readonly patchProblems: Problem[];
  /** Files that mention the SDK themselves and were edited outside the seed: allowed, listed for review. */
  readonly sdkFileEdits: string[];
  /** Every input error, for the record. */
  readonly inputErrorList: { command: Command; file: string; message: string }[];
}

/** Messages in which ds-migrate reports its own failure rather than a problem with the input. */
const PRODUCT_FAULT = /analysis failed|analysis crashed|would not parse|please report|internal/i;

export async function runCorpus(options: CorpusOptions): Promise<CorpusResult> {
  const log = options.log ?? (() => undefined);
  const r = new Recorder();
  const plain = options.files;

  log(`plain corpus: ${plain.length} files`);
  const plainOutcome = await plainRun(plain, options, r);

  // The same files again, seeded, in batches (one project each, to bound memory).
  const groups = batches(plain, options.batch.files, options.batch.bytes);
  let migrated = 0;
  for (const [i, group] of groups.entries()) {
    log(`seeded run ${i + 1}/${groups.length}: ${group.length} files, ${group[0].rel} .. ${group[group.length - 1].rel}`);
    migrated += await seededRun(group, `seeded#${i + 1}`, options, r);
  }

  return {
    figures: {
      packages: packagesOf(plain).length,
      files: plain.length,
      bytes: plain.reduce((n, f) => n + f.size, 0),
      scannedPlain: plainOutcome.scanned,
      changedPlain: plainOutcome.changed,
      seededFiles: plain.length,
      seededMigrated: migrated,
      cliRuns: r.runs,
      slowestRunMs: r.slowest,
      inputErrors: {
        migrate: countBy(r.inputErrors.filter((e) => e.command === 'migrate'), (e) => reasonOf(e.message)),
        scan: countBy(r.inputErrors.filter((e) => e.command === 'scan'), (e) => reasonOf(e.message)),
        lint: countBy(r.inputErrors.filter((e) => e.command === 'lint'), (e) => reasonOf(e.message)),
      },
    },
    crashes: r.crashes,
    unintendedEdits: r.unintended,
    reparseFailures: r.reparse,
    productErrors: r.productErrors,
    seedMissed: r.seedMissed,
    patchProblems: r.patch,
    sdkFileEdits: r.sdkFileEdits,
    inputErrorList: r.inputErrors,
  };
}

class Recorder {
  runs = 0;
  slowest = 0;
  crashes: Problem[] = [];
  unintended: Problem[] = [];
  reparse: Problem[] = [];
  productErrors: Problem[] = [];
  seedMissed: Problem[] = [];
  patch: Problem[] = [];
  sdkFileEdits: string[] = [];
  inputErrors: { command: Command; file: string; message: string }[] = [];

  /** Counts the run; returns its parsed JSON output, or null after recording a crash. */
  json<T>(run: string, result: CliRun, text: string): T | null {
    this.runs++;
    this.slowest = Math.max(this.slowest, result.ms);
    const crash = crashOf(result);
    if (crash) {
      this.crashes.push({ run, detail: crash });
      return null;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      this.crashes.push({ run, detail: `output is not JSON (${(error as Error).message}): ${text.slice(0, 200)}` });
      return null;
    }
  }

  fileError(run: string, command: Command, file: string, message: string): void {
    if (PRODUCT_FAULT.test(message)) this.productErrors.push({ run, file, detail: message });
    else this.inputErrors.push({ command, file, message });
  }
}

interface MigrateReport {
  files: { path: string; status: 'changed' | 'unchanged' | 'error'; error?: string }[];
  summary: { scanned: number; changed: number; errors: number };
}
interface ScanReport {
  errors: { file: string; message: string }[];
}
interface LintResult {
  filePath: string;
  messages: { fatal?: boolean; message: string; ruleId: string | null }[];
}

/** migrate --dry, scan and lint over one folder, side by side (all three only read). */
async function threeRuns(dir: string, run: string, options: CorpusOptions, r: Recorder) {
  const reportFile = path.join(tempDir('report'), 'report.json');
  const [dry, scan, lint] = await Promise.all([
    runBuiltCli(['--dry', '--json', reportFile, '.'], { cwd: dir, timeoutMs: options.timeoutMs }),
    runBuiltCli(['scan', '.', '--json'], { cwd: dir, timeoutMs: options.timeoutMs }),
    runBuiltCli(['lint', '.', '--format', 'json'], { cwd: dir, timeoutMs: options.timeoutMs }),
  ]);
  let reportText = '';
  try {
    reportText = readFileSync(reportFile, 'utf8');
  } catch {
    // no report: the crash check below says why
  }
  const migrate = r.json<MigrateReport>(`${run} migrate --dry`, dry, reportText);
  const scanned = r.json<ScanReport>(`${run} scan --json`, scan, scan.stdout);
  const linted = r.json<LintResult[]>(`${run} lint --format json`, lint, lint.stdout);

  for (const f of migrate?.files ?? []) if (f.status === 'error') r.fileError(run, 'migrate', f.path, f.error ?? 'error');
  for (const e of scanned?.errors ?? []) r.fileError(run, 'scan', e.file, e.message);
  for (const result of linted ?? []) {
    for (const m of result.messages) if (m.fatal || m.ruleId === null) r.fileError(run, 'lint', path.relative(dir, result.filePath), m.message);
  }
  if (git(dir, 'status', '--porcelain') !== '') r.unintended.push({ run: `${run} migrate --dry`, detail: 'a --dry run changed the work tree' });
  return { migrate, patch: dry.stdout };
}

/** Applies a --dry patch; returns the report's changed files, recording any disagreement with git. */
function applyPatch(dir: string, run: string, patch: string, report: MigrateReport, r: Recorder): string[] {
  const reported = report.files.filter((f) => f.status === 'changed').map((f) => f.path).sort();
  if (patch.trim() !== '') {
    const patchFile = path.join(tempDir('patch'), 'migration.patch');
    writeFileSync(patchFile, patch);
    try {
      git(dir, 'apply', '--whitespace=nowarn', patchFile);
    } catch (error) {
      r.patch.push({ run, detail: `git apply failed: ${(error as Error).message.slice(0, 500)}` });
      return [];
    }
  }
  const changed = changedPaths(dir).sort();
  if (JSON.stringify(changed) !== JSON.stringify(reported)) {
    const onlyGit = changed.filter((f) => !reported.includes(f));
    const onlyReport = reported.filter((f) => !changed.includes(f));
    r.patch.push({ run, detail: `patch and report disagree: only in the patch ${onlyGit.slice(0, 5).join(', ')}; only in the report ${onlyReport.slice(0, 5).join(', ')}` });
  }
  return changed;
}

async function plainRun(files: readonly PackageFile[], options: CorpusOptions, r: Recorder): Promise<{ scanned: number; changed: number }> {
  const dir = tempDir('corpus');
  const placed = writeCorpus(files, dir);
  commitAll(dir);
  const { migrate, patch } = await threeRuns(dir, 'plain', options, r);
  if (!migrate) return { scanned: 0, changed: 0 };
  const changed = applyPatch(dir, 'plain', patch, migrate, r);
  for (const rel of changed) {
    const before = placed.has(rel) ? readFileSync(placed.get(rel)!.source, 'utf8') : '';
    if (!mentionsSdk(before)) r.unintended.push({ run: 'plain', file: rel, detail: 'changed, but never mentions the SDK, an OpenAI/DeepSeek variable or a model name' });
    const problem = parseProblem(rel, readFileSync(path.join(dir, rel), 'utf8'));
    if (problem) r.reparse.push({ run: 'plain', file: rel, detail: problem });
  }
  return { scanned: migrate.summary.scanned, changed: changed.length };
}

async function seededRun(files: readonly PackageFile[], run: string, options: CorpusOptions, r: Recorder): Promise<number> {
  const dir = tempDir('seeded');
  const placed = writeCorpus(files, dir, { declarationsAsCode: true, transform: withSeed });
  commitAll(dir);
  const { migrate, patch } = await threeRuns(dir, run, options, r);
  if (!migrate) return 0;
  const changed = new Set(applyPatch(dir, run, patch, migrate, r));
  const failed = new Set(migrate.files.filter((f) => f.status === 'error').map((f) => f.path));
  let migrated = 0;
  for (const [rel, file] of placed) {
    if (failed.has(rel)) continue;
    if (!changed.has(rel)) {
      r.seedMissed.push({ run, file: rel, detail: 'parsed, but the appended OpenAI client and call were left as they were' });
      continue;
    }
    const original = readFileSync(file.source);
    const now = readFileSync(path.join(dir, rel));
    const problem = parseProblem(rel, now.toString('utf8'));
    if (problem) r.reparse.push({ run, file: rel, detail: problem });
    const tail = now.subarray(original.length).toString('utf8');
    if (!now.subarray(0, original.length).equals(original)) {
      if (mentionsSdk(original.toString('utf8'))) r.sdkFileEdits.push(rel);
      else r.unintended.push({ run, file: rel, detail: `its own code changed: ${firstDifference(original, now)}` });
    } else if (!tail.includes('api.deepseek.com') || !tail.includes('deepseek-flash')) {
      r.seedMissed.push({ run, file: rel, detail: `the appended code was only partly migrated: ${tail.trim().slice(0, 300)}` });
      continue;
    }
    migrated++;
  }
  rmSync(dir, { recursive: true, force: true });
  return migrated;
}

/** Where two versions of a file first differ, as a short before → after excerpt. */
function firstDifference(before: Buffer, after: Buffer): string {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  const excerpt = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 80).toString('utf8'));
  return `at byte ${i}: ${excerpt(before)} → ${excerpt(after)}`;
}

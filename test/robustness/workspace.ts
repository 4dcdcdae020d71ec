/**
 * A small project on disk, committed to git, run through every command as a user would: `--dry`,
 * `scan --json`, `lint --format json`, then a real write. None of them may crash; the write must leave
 * every file either exactly as it was or exactly as the `--dry` patch said it would be.
 */
import { cpSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { commitAll, crashOf, git, parseProblem, runBuiltCli, tempDir, type CliRun } from './harness.js';

export type Files = Record<string, string | Buffer>;

/** An SDK file that exercises most transforms: clients, models, params, roles, legacy functions, markers. */
export const SDK_FILE = `import OpenAI from 'openai';

// The shared client. "quotes" and \`ticks\` in comments stay as they are.
export const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, organization: 'org-1' });

const SYSTEM = \`You answer in JSON.
Keep it short.\`;

export async function ask(question: string): Promise<string> {
  const response = await client.chat.completions.create({
    model: 'gpt-4o',
    temperature: 0.2,
    max_completion_tokens: 300,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'developer', content: SYSTEM },
      { role: 'user', content: question },
    ],
    functions: [{ name: 'lookup', parameters: { type: 'object', properties: {} } }],
    function_call: 'auto',
  });
  return response.choices[0].message.content ?? '';
}

export const embed = (text: string) => client.embeddings.create({ model: 'text-embedding-3-small', input: text });
`;

export function workspace(files: Files, options: { git?: boolean } = {}): string {
  const dir = tempDir('mutation');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  if (options.git !== false) commitAll(dir);
  return dir;
}

interface MigrateReport {
  files: { path: string; status: 'changed' | 'unchanged' | 'error'; error?: string }[];
  summary: { scanned: number; changed: number; errors: number };
}

export interface Outcome {
  readonly dir: string;
  readonly dry: CliRun;
  readonly scan: CliRun;
  /** Null when the caller skipped lint (`lint: false`). */
  readonly lint: CliRun | null;
  readonly write: CliRun;
  /** The write's report: per-file status and errors. */
  readonly report: MigrateReport;
  readonly status: (file: string) => string;
  readonly error: (file: string) => string | undefined;
  readonly scanJson: { errors: { file: string; message: string }[] };
  readonly lintJson: { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
  /** Bytes before the run, after the write, and as the --dry patch says they would be. */
  readonly before: (file: string) => Buffer;
  readonly after: (file: string) => Buffer;
  readonly dryAfter: (file: string) => Buffer;
}

/**
 * Runs every command over `dir` (a committed git repository) and checks what holds for any input:
 * no crash, JSON where JSON was asked for, a `--dry` run that writes nothing, and a write that equals
 * the applied `--dry` patch file by file, with every changed file re-parsing.
 */
export async function everyCommand(dir: string, options: { args?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv; lint?: boolean } = {}): Promise<Outcome> {
  const args = options.args ?? [];
  const run = (argv: string[]) => runBuiltCli(argv, { cwd: dir, timeoutMs: options.timeoutMs ?? 120_000, env: options.env });
  const reports = tempDir('reports');
  const beforeCopy = snapshot(dir);

  const [dry, scan, lint] = await Promise.all([
    run(['--dry', ...args, '--json', path.join(reports, 'dry.json'), '.']),
    run(['scan', '.', '--json', ...args]),
    options.lint === false ? null : run(['lint', '.', '--format', 'json']),
  ]);
  for (const [name, result] of Object.entries({ dry, scan, lint })) if (result) expect(crashOf(result), `${name}: ${result.stderr}`).toBeNull();
  expect(git(dir, 'status', '--porcelain'), '--dry wrote nothing').toBe('');
  const scanJson = JSON.parse(scan.stdout);
  const lintJson = lint ? JSON.parse(lint.stdout) : [];

  // What --dry promised, applied to a copy.
  const dryCopy = snapshot(dir);
  if (dry.stdout.trim()) {
    writeFileSync(path.join(reports, 'dry.patch'), dry.stdout);
    git(dryCopy, 'apply', '--whitespace=nowarn', path.join(reports, 'dry.patch'));
  }

  const write = await run([...args, '--json', path.join(reports, 'write.json'), '.']);
  expect(crashOf(write), write.stderr).toBeNull();
  const report = JSON.parse(readFileSync(path.join(reports, 'write.json'), 'utf8')) as MigrateReport;

  const read = (root: string) => (file: string) => readFileSync(path.join(root, file));
  const byPath = new Map(report.files.map((f) => [f.path, f]));
  const dryReport = JSON.parse(readFileSync(path.join(reports, 'dry.json'), 'utf8')) as MigrateReport;
  const dryByPath = new Map(dryReport.files.map((f) => [f.path, f]));
  for (const file of regularFiles(dir)) {
    const now = read(dir)(file);
    const said = (r: Map<string, { status: string; error?: string }>) => `${r.get(file)?.status ?? 'unchanged'} ${r.get(file)?.error ?? ''}`;
    expect(now.equals(read(dryCopy)(file)), `${file}: the write equals the --dry patch (--dry: ${said(dryByPath)}; write: ${said(byPath)})`).toBe(true);
    if (!now.equals(read(beforeCopy)(file))) expect(parseProblem(file, now.toString('utf8')), `${file} re-parses`).toBeNull();
  }
  return {
    dir,
    dry,
    scan,
    lint,
    write,
    report,
    status: (file) => byPath.get(file)?.status ?? 'unchanged',
    error: (file) => byPath.get(file)?.error,
    scanJson,
    lintJson,
    before: read(beforeCopy),
    after: read(dir),
    dryAfter: read(dryCopy),
  };
}

/** A copy of the work tree (with its .git, so patches apply), links copied as links. */
function snapshot(dir: string): string {
  const copy = tempDir('snapshot');
  cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

/** Regular files outside .git, relative, with `/`. */
export function regularFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) out.push(...regularFiles(dir, child));
    else if (entry.isFile()) out.push(child);
  }
  return out.sort();
}

export const isLink = (file: string): boolean => lstatSync(file).isSymbolicLink();

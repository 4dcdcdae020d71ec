/**
 * The codemod's report: the JSON schema of issue 3 (`tool, version, target, files[], summary`) with
 * `notes` (undocumented params, env reads left alone) and `env` (which variables to set, by name),
 * and the summary that ends every run.
 */
import { COMPAT } from '../compat/index.js';
import type { Palette } from '../cli/palette.js';
import type { TargetSettings } from '../findings/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../meta.js';
import type { FileOutcome, MigrationResult } from './run-migration.js';

export interface MigrationReport {
  readonly tool: string;
  readonly version: string;
  readonly dataAsOf: string;
  readonly target: TargetSettings;
  readonly mode: 'write' | 'dry' | 'check';
  readonly files: {
    readonly path: string;
    readonly status: 'changed' | 'unchanged' | 'error';
    readonly edits: { transform: string; line: number; message: string }[];
    readonly manual: { rule: string; line: number; column: number; message: string; docs: string }[];
    readonly error?: string;
  }[];
  readonly notes: { path: string; line: number; column: number; rule: string; message: string }[];
  readonly env: { path: string; variables: { from: string; to: string }[] }[];
  readonly summary: {
    readonly scanned: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly errors: number;
    readonly manual: number;
    readonly usingSdk: number;
    readonly editsByTransform: Record<string, number>;
  };
}

export function buildReport(
  result: MigrationResult,
  outcomes: readonly FileOutcome[],
  scanned: number,
  settings: TargetSettings,
  mode: MigrationReport['mode'],
  path: (file: string) => string,
): MigrationReport {
  const files = outcomes
    .filter((f) => f.status !== 'unchanged' || f.manual.length > 0)
    .map((f) => ({ path: path(f.path), status: f.status, edits: f.edits, manual: f.manual, ...(f.error ? { error: f.error } : {}) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const editsByTransform: Record<string, number> = {};
  for (const f of outcomes) for (const e of f.edits) editsByTransform[e.transform] = (editsByTransform[e.transform] ?? 0) + 1;
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    dataAsOf: COMPAT.asOf,
    target: settings,
    mode,
    files,
    notes: result.notes.map((n) => ({ ...n, path: path(n.path) })),
    env: result.secrets.map((s) => ({ path: path(s.path), variables: s.variables })),
    summary: {
      scanned,
      changed: outcomes.filter((f) => f.status === 'changed').length,
      unchanged: scanned - outcomes.filter((f) => f.status !== 'unchanged').length,
      errors: outcomes.filter((f) => f.status === 'error').length,
      manual: outcomes.reduce((n, f) => n + f.manual.length, 0),
      usingSdk: result.filesUsingSdk,
      editsByTransform,
    },
  };
}

export function renderSummary(report: MigrationReport, c: Palette): string {
  const lines: string[] = [];
  const s = report.summary;
  const verb = report.mode === 'write' ? 'changed' : 'would change';
  const errors = report.files.filter((f) => f.status === 'error');
  if (errors.length > 0) {
    lines.push(c.bold('Files that could not be migrated (left unchanged)'));
    for (const f of errors) lines.push(`  ${f.path}  ${c.red(f.error ?? 'error')}`);
    lines.push('');
  }
  const manual = report.files.flatMap((f) => f.manual.map((m) => ({ ...m, path: f.path })));
  if (manual.length > 0) {
    lines.push(c.bold('Left for you (marked in the code with TODO(ds-migrate:<rule>))'));
    for (const m of manual) lines.push(`  ${m.path}:${m.line}:${m.column}  ${c.yellow(m.rule)}  ${m.message}`);
    lines.push('');
  }
  if (report.notes.length > 0) {
    lines.push(c.bold('Notes'));
    for (const n of report.notes) lines.push(`  ${n.path}:${n.line}:${n.column}  ${c.dim(n.rule)}  ${n.message}`);
    lines.push('');
  }
  for (const env of report.env) {
    const names = env.variables.map((v) => `${v.to} (it sets ${v.from})`).join(', ');
    lines.push(`${c.bold('Set in your environment')}: ${names} — ${env.path} is a secrets file and was not changed.`);
  }
  if (report.env.length > 0) lines.push('');
  const perTransform = Object.entries(s.editsByTransform).map(([t, n]) => `${t} ${n}`).join(', ');
  lines.push(
    `${s.scanned} files scanned: ${s.changed} ${verb}, ${s.unchanged} unchanged, ${s.errors} failed; ${s.manual} items left for you.${perTransform ? ` Edits: ${perTransform}.` : ''}`,
  );
  if (s.usingSdk === 0 && s.changed === 0 && s.errors === 0) {
    lines.push(`No OpenAI SDK usage found. Is this the folder with your source code?`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The codemod's core, without I/O: from a loaded project to the new text of every file it changes,
 * what it changed, and what is left for a person. One parse per file for all transforms; further
 * passes run only on files that changed, to verify that they still parse and to apply what earlier
 * edits made possible (or collided with). A run ends when a pass finds nothing more to do, so a
 * second run of the codemod over its own output changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { ProjectUsage } from '../analysis/project/project-index.js';
import { applyEdits, type Edit } from '../edits/edit.js';
import { computeFindings } from '../findings/compute.js';
import type { TransformId } from '../findings/transforms.js';
import type { Finding, TargetSettings } from '../findings/types.js';
import { withChangedTexts, type LoadedProject } from '../project/load-project.js';
import { LineIndex } from '../parse/line-index.js';
import { envCodeEdits } from './env-code.js';
import { rewriteEnvTemplate, rewriteManifest, secretEnvVariables, type TextChange } from './env-files.js';
import { envPolicy, type EnvPolicy } from './env-policy.js';
import { markerEdits } from './markers.js';

const MAX_PASSES = 5;

export interface EditRecord {
  readonly transform: TransformId;
  readonly line: number;
  readonly message: string;
}

export interface ManualRecord {
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly docs: string;
}

export interface FileOutcome {
  readonly path: string;
  readonly kind: 'code' | 'env-template' | 'manifest';
  readonly status: 'changed' | 'unchanged' | 'error';
  /** Exactly as read (BOM included), and as it would be written. */
  readonly before: string;
  readonly after: string;
  readonly raw: Buffer | null;
  readonly edits: EditRecord[];
  readonly manual: ManualRecord[];
  readonly error?: string;
}

export interface MigrationResult {
  readonly files: FileOutcome[];
  /** Notes on findings that are not manual work (undocumented params, env reads left alone). */
  readonly notes: { readonly path: string; readonly line: number; readonly column: number; readonly rule: string; readonly message: string }[];
  /** Real `.env` files: which DeepSeek variables to set (names only, never values). */
  readonly secrets: { readonly path: string; readonly variables: { from: string; to: string }[] }[];
  readonly passes: number;
}

export interface MigrateOptions {
  readonly settings: TargetSettings;
  readonly transforms: ReadonlySet<TransformId>;
}

type TaggedEdit = Edit & { readonly transform: TransformId; readonly message: string };

export function runMigration(initial: LoadedProject, options: MigrateOptions): MigrationResult {
  const { settings, transforms } = options;
  let loaded = initial;
  const texts = new Map<string, string>([...initial.analysed].map(([path, f]) => [path, f.source.text]));
  const text = (file: string) => texts.get(file) ?? '';
  const editLog = new Map<string, EditRecord[]>();
  const errors = new Map<string, string>();

  // What the env transforms may do is decided once, on the code as it was.
  const firstPlans = computeFindings(initial.project, { settings, text }).plans;
  const policy = envPolicy(initial.project, firstPlans);

  let findings: Finding[] = [];
  // Manual items of every pass: one raised while converting a client (its API key comes from a config
  // object) is still the user's job after the conversion, when later passes no longer raise it.
  const manual = new Map<string, { file: string; offset: number; finding: Finding }>();
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    findings = computeFindings(loaded.project, { settings, text }).findings;
    // The same message can stand at several places (two `store` params): the nth of them in one pass
    // is the nth in the next, since findings keep source order.
    const ordinals = new Map<string, number>();
    for (const finding of findings) {
      if (!finding.manual) continue;
      const base = `${finding.file}\0${finding.rule}\0${finding.message}`;
      const nth = ordinals.get(base) ?? 0;
      ordinals.set(base, nth + 1);
      manual.set(`${base}\0${nth}`, { file: finding.file, offset: finding.span.start, finding });
    }
    const edits = passEdits(findings, loaded.project, policy, transforms, text);
    if (edits.length === 0) break;

    const byFile = groupByFile(edits);
    const changed = new Map<string, string>();
    for (const [file, fileEdits] of byFile) {
      if (errors.has(file)) continue;
      const before = text(file);
      const eol = initial.analysed.get(file)?.source.eol ?? '\n';
      const normalised = eol === '\r\n' ? fileEdits.map((e) => ({ ...e, text: e.text.replace(/(?<!\r)\n/g, '\r\n') })) : fileEdits;
      const result = applyEdits(before, normalised);
      if (result.text === before) continue;
      const lines = new LineIndex(before);
      const log = editLog.get(file) ?? [];
      for (const edit of result.applied as TaggedEdit[]) log.push({ transform: edit.transform, line: lines.position(edit.start).line, message: edit.message });
      editLog.set(file, log);
      changed.set(file, result.text);
      for (const item of manual.values()) if (item.file === file) item.offset = mapOffset(result.applied, item.offset);
    }
    if (changed.size === 0) break;
    const next = withChangedTexts(loaded, changed);
    for (const [file, error] of next.failed) {
      // The safety net: an edit that breaks the syntax is never written. The file keeps its original text.
      errors.set(file, `ds-migrate's edits would not parse (${error.reason}${error.line ? ` at ${error.line}:${error.column}` : ''}); the file was left unchanged. Please report this.`);
      changed.delete(file);
      texts.set(file, initial.analysed.get(file)!.source.text);
      editLog.delete(file);
    }
    for (const [file, newText] of changed) texts.set(file, newText);
    loaded = next.failed.size > 0 ? withChangedTexts(next.loaded, new Map([...next.failed.keys()].map((f) => [f, texts.get(f)!]))).loaded : next.loaded;
  }

  return {
    files: [...codeOutcomes(initial, texts, editLog, errors, [...manual.values()]), ...otherFileOutcomes(initial, policy, settings, transforms, envNamesRead(loaded.project))],
    notes: notesOf(findings, loaded, policy, transforms, text),
    secrets: secretsOf(initial),
    passes,
  };
}

/** Every edit one pass makes: fixes of enabled transforms, env renames, markers for what needs a person. */
function passEdits(
  findings: readonly Finding[],
  project: ProjectUsage,
  policy: EnvPolicy,
  transforms: ReadonlySet<TransformId>,
  text: (file: string) => string,
): TaggedEdit[] {
  const edits: TaggedEdit[] = [];
  for (const finding of findings) {
    if (!finding.fix || !transforms.has(finding.fix.transform)) continue;
    for (const edit of finding.fix.edits) edits.push({ ...edit, transform: finding.fix.transform, message: finding.fix.description });
  }
  if (transforms.has('env')) {
    for (const edit of envCodeEdits(project, policy, text).edits) edits.push({ ...edit, transform: 'env', message: edit.description });
  }
  if (transforms.has('markers')) {
    for (const edit of markerEdits(findings, text)) edits.push({ ...edit, transform: 'markers', message: `marker for ${edit.rule}` });
  }
  return edits;
}

function groupByFile(edits: readonly TaggedEdit[]): Map<string, TaggedEdit[]> {
  const byFile = new Map<string, TaggedEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

/**
 * Where an offset of the text before `applied` edits (sorted, non-overlapping) lands after them. An
 * insertion at the offset (a marker above the statement) pushes it down; a replacement that covers it
 * moves it to the replacement's start.
 */
export function mapOffset(applied: readonly Edit[], offset: number): number {
  let delta = 0;
  for (const edit of applied) {
    if (edit.start > offset) break;
    if (edit.start === edit.end) {
      delta += edit.text.length;
    } else if (edit.end <= offset) {
      delta += edit.text.length - (edit.end - edit.start);
    } else {
      return edit.start + delta;
    }
  }
  return offset + delta;
}

function codeOutcomes(
  initial: LoadedProject,
  texts: ReadonlyMap<string, string>,
  editLog: ReadonlyMap<string, EditRecord[]>,
  errors: ReadonlyMap<string, string>,
  manualItems: readonly { file: string; offset: number; finding: Finding }[],
): FileOutcome[] {
  const manualByFile = new Map<string, ManualRecord[]>();
  const lineIndexes = new Map<string, LineIndex>();
  for (const { file, offset, finding } of manualItems) {
    if (errors.has(file)) continue;
    let lines = lineIndexes.get(file);
    if (!lines) {
      lines = new LineIndex(texts.get(file) ?? '');
      lineIndexes.set(file, lines);
    }
    const list = manualByFile.get(file) ?? [];
    list.push({ rule: finding.rule, ...lines.position(offset), message: finding.message, docs: finding.docs });
    manualByFile.set(file, list);
  }
  const outcomes: FileOutcome[] = [];
  for (const [path, analysed] of initial.analysed) {
    const bom = analysed.source.bom ? '\uFEFF' : '';
    const before = bom + analysed.source.text;
    const after = bom + (texts.get(path) ?? analysed.source.text);
    const error = errors.get(path);
    outcomes.push({
      path,
      kind: 'code',
      status: error ? 'error' : after === before ? 'unchanged' : 'changed',
      before,
      after: error ? before : after,
      raw: analysed.raw,
      edits: error ? [] : (editLog.get(path) ?? []),
      manual: (manualByFile.get(path) ?? []).sort((a, b) => a.line - b.line || a.column - b.column),
      error,
    });
  }
  for (const error of initial.errors) {
    outcomes.push({ path: error.path, kind: 'code', status: 'error', before: '', after: '', raw: null, edits: [], manual: [], error: error.line ? `${error.message} (${error.line}:${error.column})` : error.message });
  }
  return outcomes;
}

function modelEnvNames(project: ProjectUsage): Set<string> {
  const names = new Set<string>();
  for (const call of project.calls) {
    const args = call.resolvedArgs;
    const model = args?.kind === 'object' ? args.properties.find((p) => p.key === 'model')?.value : undefined;
    if (model?.kind === 'env') names.add(model.name);
  }
  return names;
}

/** Env variables the migrated code reads: a template gains only variables something reads. */
function envNamesRead(project: ProjectUsage): Set<string> {
  const names = new Set<string>();
  for (const usage of project.files.values()) for (const read of usage.envReads) names.add(read.name);
  return names;
}

function otherFileOutcomes(
  initial: LoadedProject,
  policy: EnvPolicy,
  settings: TargetSettings,
  transforms: ReadonlySet<TransformId>,
  readAfter: ReadonlySet<string>,
): FileOutcome[] {
  if (!transforms.has('env')) return [];
  const models = modelEnvNames(initial.project);
  const outcomes: FileOutcome[] = [];
  for (const file of initial.otherFiles) {
    if (file.role !== 'env-template' && file.role !== 'manifest') continue;
    let raw: Buffer;
    try {
      raw = readFileSync(file.path);
    } catch {
      continue;
    }
    const before = raw.toString('utf8');
    if (file.role === 'manifest' && !/OPENAI|AZURE_OPENAI/.test(before) && ![...models].some((m) => before.includes(m))) continue;
    const change: TextChange =
      file.role === 'env-template' ? rewriteEnvTemplate(before, policy, models, settings, readAfter) : rewriteManifest(before, policy, models, settings);
    if (change.edits.length === 0 && change.manual.length === 0) continue;
    outcomes.push({
      path: file.path,
      kind: file.role,
      status: change.text === before ? 'unchanged' : 'changed',
      before,
      after: change.text,
      raw,
      edits: change.edits.map((e) => ({ transform: 'env', line: e.line, message: e.message })),
      manual: change.manual.map((m) => ({ rule: 'no-openai-env', line: m.line, column: 1, message: m.message, docs: '' })),
    });
  }
  return outcomes;
}

function notesOf(findings: readonly Finding[], final: LoadedProject, policy: EnvPolicy, transforms: ReadonlySet<TransformId>, text: (file: string) => string): MigrationResult['notes'] {
  const notes: MigrationResult['notes'] = [];
  for (const finding of findings) {
    if (finding.manual || finding.fix) continue;
    const position = final.analysed.get(finding.file)?.source.lines.position(finding.span.start) ?? { line: 0, column: 0 };
    notes.push({ path: finding.file, ...position, rule: finding.rule, message: finding.message });
  }
  if (transforms.has('env')) {
    for (const left of envCodeEdits(final.project, policy, text).left) {
      const position = final.analysed.get(left.file)?.source.lines.position(left.offset) ?? { line: 0, column: 0 };
      notes.push({ path: left.file, ...position, rule: 'no-openai-env', message: `${left.name} is read here and was left as is: ${left.reason}. If this value is for DeepSeek, read DEEPSEEK_API_KEY.` });
    }
  }
  return notes;
}

function secretsOf(initial: LoadedProject): MigrationResult['secrets'] {
  const out: MigrationResult['secrets'] = [];
  for (const file of initial.otherFiles) {
    if (file.role !== 'env-secret') continue;
    try {
      const variables = secretEnvVariables(readFileSync(file.path, 'utf8'));
      if (variables.length > 0) out.push({ path: file.path, variables });
    } catch {
      // An unreadable secrets file: nothing to report about it.
    }
  }
  return out;
}

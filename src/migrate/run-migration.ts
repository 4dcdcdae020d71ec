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
import { restoreLineBreaks, syntaxFailures, withChangedTexts, type LoadedProject } from '../project/load-project.js';
import { LineIndex } from '../parse/line-index.js';
import { envCodeEdits } from './env-code.js';
import { deepseekEnvName } from '../findings/env-names.js';
import { rewriteEnvTemplate, rewriteManifest, secretEnvVariables, type TextChange } from './env-files.js';
import { envPolicy, type EnvPolicy } from './env-policy.js';
import { isAcknowledged, markerEdits } from './markers.js';
import { trace } from '../trace.js';

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
  /** Files that import the SDK, construct a client or call one: 0 means the paths hold no SDK code. */
  readonly filesUsingSdk: number;
}

export interface MigrateOptions {
  readonly settings: TargetSettings;
  readonly transforms: ReadonlySet<TransformId>;
}

type TaggedEdit = Edit & { readonly transform: TransformId; readonly message: string };

export async function runMigration(initial: LoadedProject, options: MigrateOptions): Promise<MigrationResult> {
  const { settings, transforms } = options;
  let loaded = initial;
  const texts = new Map<string, string>([...initial.analysed].map(([path, f]) => [path, f.source.text]));
  const text = (file: string) => texts.get(file) ?? '';
  const editLog = new Map<string, EditRecord[]>();
  const errors = new Map<string, string>();

  // What the env transforms may do is decided once, on the code as it was.
  const first = computeFindings(initial.project, { settings, text });
  const policy = envPolicy(initial.project, first.plans);
  trace('env policy');

  // Manual items and notes of every pass: one raised while converting a client (its API key comes from
  // a config object) is still the user's job after the conversion, when later passes no longer raise it.
  // Offsets are carried through each pass's edits to the final text.
  const tracked = new Map<string, Tracked>();
  // The same items by file, to carry their offsets through one file's edits without scanning them all.
  const trackedByFile = new Map<string, Tracked[]>();
  const trackedIn = (file: string) => trackedByFile.get(file) ?? [];
  const track = (kind: Tracked['kind'], file: string, offset: number, rule: string, message: string, docs: string, nth: number) => {
    const key = `${kind}\0${file}\0${rule}\0${message}\0${nth}`;
    const item: Tracked = { kind, file, offset, rule, message, docs };
    const previous = tracked.get(key);
    // Raised again in a later pass: the new sighting (and its offset in the current text) replaces the old.
    tracked.set(key, item);
    const inFile = trackedByFile.get(file) ?? [];
    if (previous) inFile[inFile.indexOf(previous)] = item;
    else inFile.push(item);
    trackedByFile.set(file, inFile);
  };
  for (const left of transforms.has('env') ? envCodeEdits(initial.project, policy, text).left : []) {
    track('note', left.file, left.offset, 'no-openai-env', `${left.name} is read here and was left as is: ${left.reason}. If this value is for DeepSeek, read ${deepseekEnvName(left.name) ?? left.name}.`, '', 0);
  }

  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    // The first pass works on the code as it was: its findings are the ones computed above.
    const findings = passes === 0 ? first.findings : computeFindings(loaded.project, { settings, text }).findings;
    // The same message can stand at several places (two `store` params): the nth of them in one pass is
    // the nth in the next, since findings keep source order.
    const ordinals = new Map<string, number>();
    for (const finding of findings) {
      const acknowledged = finding.manual && isAcknowledged(text(finding.statementFile), finding.statementSpan.start, finding.rule);
      const kind = finding.manual && !acknowledged ? 'manual' : finding.fix === null || acknowledged ? 'note' : null;
      if (!kind) continue;
      const base = `${kind}\0${finding.file}\0${finding.rule}\0${finding.message}`;
      const nth = ordinals.get(base) ?? 0;
      ordinals.set(base, nth + 1);
      track(kind, finding.file, finding.span.start, finding.rule, finding.message, finding.docs, nth);
    }
    trace(`pass ${passes + 1}: findings`);
    const edits = passEdits(findings, loaded.project, policy, transforms, text);
    if (edits.length === 0) break;

    const changed = new Map<string, string>();
    let collided = false;
    for (const [file, fileEdits] of groupByFile(edits)) {
      if (errors.has(file)) continue;
      const before = text(file);
      const eol = initial.analysed.get(file)?.source.eol ?? '\n';
      const normalised = eol === '\r\n' ? fileEdits.map((e) => ({ ...e, text: e.text.replace(/(?<!\r)\n/g, '\r\n') })) : fileEdits;
      const result = applyEdits(before, normalised);
      collided ||= result.conflicts.length > 0;
      if (result.text === before) continue;
      const lines = new LineIndex(before);
      const log = editLog.get(file) ?? [];
      for (const edit of result.applied as TaggedEdit[]) log.push({ transform: edit.transform, line: lines.position(edit.start).line, message: edit.message });
      editLog.set(file, log);
      changed.set(file, result.text);
      for (const item of trackedIn(file)) item.offset = mapOffset(result.applied, item.offset);
    }
    if (changed.size === 0) break;
    trace(`pass ${passes + 1}: edits applied`);

    // The safety net: a file whose edits break its syntax is never written; it keeps its original text.
    // A pass without collisions applied everything the findings asked for, so a syntax check suffices;
    // after collisions the changed files are analysed again and the dropped edits re-derived.
    const next = collided ? await withChangedTexts(loaded, changed) : { loaded, failed: await syntaxFailures(changed) };
    for (const [file, error] of next.failed) {
      errors.set(file, `ds-migrate's edits would not parse (${error.message}${error.line ? ` at ${error.line}:${error.column}` : ''}); the file was left unchanged. Please report this.`);
      changed.delete(file);
      texts.set(file, initial.analysed.get(file)!.source.text);
      editLog.delete(file);
    }
    for (const [file, newText] of changed) texts.set(file, newText);
    trace(`pass ${passes + 1}: checked`);
    if (!collided) {
      passes++;
      break;
    }
    loaded = next.failed.size > 0 ? (await withChangedTexts(next.loaded, new Map([...next.failed.keys()].map((f) => [f, texts.get(f)!])))).loaded : next.loaded;
  }

  const items = [...tracked.values()].filter((t) => !errors.has(t.file));
  return {
    files: [...codeOutcomes(initial, texts, editLog, errors, items.filter((t) => t.kind === 'manual')), ...otherFileOutcomes(initial, policy, settings, transforms, envNamesRead(texts))],
    notes: positioned(items.filter((t) => t.kind === 'note'), texts).map((n) => ({ path: n.file, line: n.line, column: n.column, rule: n.rule, message: n.message })),
    secrets: secretsOf(initial),
    passes,
    filesUsingSdk: [...initial.project.files.values()].filter((u) => u.imports.length > 0 || u.clients.length > 0 || u.calls.length > 0).length,
  };
}

interface Tracked {
  readonly kind: 'manual' | 'note';
  readonly file: string;
  offset: number;
  readonly rule: string;
  readonly message: string;
  readonly docs: string;
}

/** Line and column of tracked items in the final texts. */
function positioned(items: readonly Tracked[], texts: ReadonlyMap<string, string>): (Tracked & { line: number; column: number })[] {
  const indexes = new Map<string, LineIndex>();
  return items.map((item) => {
    let lines = indexes.get(item.file);
    if (!lines) {
      lines = new LineIndex(texts.get(item.file) ?? '');
      indexes.set(item.file, lines);
    }
    return { ...item, ...lines.position(item.offset) };
  });
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
  for (const edit of edits) {
    const list = byFile.get(edit.file);
    if (list) list.push(edit);
    else byFile.set(edit.file, [edit]);
  }
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
  manualItems: readonly Tracked[],
): FileOutcome[] {
  const manualByFile = new Map<string, ManualRecord[]>();
  for (const item of positioned(manualItems, texts)) {
    const list = manualByFile.get(item.file) ?? [];
    list.push({ rule: item.rule, line: item.line, column: item.column, message: item.message, docs: item.docs });
    manualByFile.set(item.file, list);
  }
  const outcomes: FileOutcome[] = [];
  for (const [path, analysed] of initial.analysed) {
    const bom = analysed.source.bom ? '\uFEFF' : '';
    const before = bom + restoreLineBreaks(analysed, analysed.source.text);
    const after = bom + restoreLineBreaks(analysed, texts.get(path) ?? analysed.source.text);
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

/** Env variables the migrated code reads (by name): a template gains only variables something reads. */
function envNamesRead(texts: ReadonlyMap<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts.values()) for (const match of text.matchAll(/\b[A-Z0-9_]*(?:DEEPSEEK|OPENAI)[A-Z0-9_]*\b/g)) names.add(match[0]);
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

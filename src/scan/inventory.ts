/**
 * `ds-migrate scan`: what a repository uses of the OpenAI SDK, and what will break on DeepSeek.
 * Pure: builds the report from a loaded project and its findings; the command prints it.
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { ClientRecord, ValueShape } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import { COMPAT } from '../compat/index.js';
import { isJudgedCall, type FindingsResult } from '../findings/compute.js';
import { endpointSupport } from '../findings/endpoint-findings.js';
import { stringOf } from '../findings/static-value.js';
import { callTarget } from '../findings/target.js';
import type { Finding, TargetSettings } from '../findings/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../meta.js';
import type { LoadedProject } from '../project/load-project.js';
import { displayPath, positionIn } from '../project/positions.js';

export interface ScanClient {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly className: string;
  readonly provider: string;
  readonly evidence: string;
  readonly holder: string;
  readonly exportedAs: readonly string[];
  /** What the codemod does with it: convert, split, keep (serves only endpoints DeepSeek lacks), leave. */
  readonly plan: string;
}

export interface ScanCall {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endpoint: string;
  readonly method: string;
  /** The model as written (traced through constants and env defaults); null when not static. */
  readonly model: string | null;
  readonly provider: string | null;
  readonly clientFile: string | null;
  readonly receiver: string;
  readonly params: readonly string[];
  readonly stream: boolean;
  readonly support: string;
  /** The DeepSeek model and mode the call runs as after migration (chat calls on judged clients). */
  readonly target: { readonly model: string | null; readonly mode: string } | null;
  /** False for calls on other providers' clients: listed, never judged or changed. */
  readonly judged: boolean;
}

export interface ScanFinding {
  readonly rule: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fixable: boolean;
  readonly manual: boolean;
  readonly docs: string;
}

export interface ScanReport {
  readonly tool: string;
  readonly version: string;
  readonly dataAsOf: string;
  readonly target: TargetSettings;
  readonly summary: {
    readonly filesScanned: number;
    readonly filesAnalysed: number;
    readonly clients: number;
    readonly calls: number;
    readonly findings: Readonly<Record<string, number>>;
    readonly errors: number;
  };
  readonly clients: readonly ScanClient[];
  readonly calls: readonly ScanCall[];
  readonly findings: readonly ScanFinding[];
  readonly errors: readonly { readonly file: string; readonly line?: number; readonly column?: number; readonly message: string }[];
}

export function buildScanReport(loaded: LoadedProject, result: FindingsResult, settings: TargetSettings, cwd: string): ScanReport {
  const path = (file: string) => displayPath(cwd, file);
  const at = (file: string, offset: number) => positionIn(loaded, file, offset);

  const clients = [...loaded.project.clients.values()]
    .sort(byPosition)
    .map((client): ScanClient => ({
      file: path(client.file),
      ...at(client.file, client.span.start),
      className: client.className,
      provider: client.provider,
      evidence: client.providerEvidence,
      holder: describeHolder(client),
      exportedAs: client.exportedAs,
      plan: result.plans.get(client.id)?.action ?? 'leave',
    }));

  const calls = [...loaded.project.calls].sort(byPosition).map((call): ScanCall => {
    const judged = isJudgedCall(call);
    const chat = call.endpoint === 'chat.completions' || call.endpoint === 'beta.chat.completions';
    const target = judged && chat ? callTarget(call.resolvedArgs, settings) : null;
    return {
      file: path(call.file),
      ...at(call.file, call.span.start),
      endpoint: call.endpoint,
      method: call.method,
      model: stringOf(propertyOf(call.resolvedArgs, 'model')?.value)?.value ?? null,
      provider: call.client?.provider ?? null,
      clientFile: call.client ? path(call.client.file) : null,
      receiver: call.receiverText,
      params: paramsOf(call.resolvedArgs),
      stream: isStreaming(call),
      support: endpointSupport(call).support,
      target: target ? { model: target.model, mode: target.mode } : null,
      judged,
    };
  });

  const findings = [...result.findings].sort(byPosition).map((f: Finding): ScanFinding => ({
    rule: f.rule,
    severity: f.severity,
    file: path(f.file),
    ...at(f.file, f.span.start),
    message: f.message,
    fixable: f.fix !== null,
    manual: f.manual,
    docs: f.docs,
  }));

  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const errors = loaded.errors.map((e) => ({ file: path(e.path), line: e.line, column: e.column, message: e.message }));
  return {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    dataAsOf: COMPAT.asOf,
    target: settings,
    summary: {
      filesScanned: loaded.scanned,
      filesAnalysed: loaded.analysed.size,
      clients: clients.length,
      calls: calls.length,
      findings: counts,
      errors: errors.length,
    },
    clients,
    calls,
    findings,
    errors,
  };
}

function byPosition(a: { file: string; span: { start: number } }, b: { file: string; span: { start: number } }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start;
}

function describeHolder(client: ClientRecord): string {
  const h = client.holder;
  switch (h.kind) {
    case 'variable':
      return h.name;
    case 'class-field':
      return `${h.className ?? '(class)'}.${h.field}`;
    case 'factory':
      return `${h.functionName}()`;
    case 'injected':
      return `${h.name} (injected)`;
    default:
      return h.kind;
  }
}

function paramsOf(args: ValueShape | null): string[] {
  if (args?.kind !== 'object') return [];
  return args.properties.map((p) => p.key).concat(args.hasSpread ? ['...'] : []);
}

function isStreaming(call: LinkedCall): boolean {
  if (call.method === 'stream') return true;
  const stream = propertyOf(call.resolvedArgs, 'stream')?.value;
  return stream?.kind === 'boolean' && stream.value;
}

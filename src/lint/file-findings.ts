/**
 * Findings for one file, as the ESLint rules need them: the same analysis and the same findings
 * function as the codemod, over the AST and scopes ESLint already built. Without a project index,
 * clients imported from other modules are known only through `settings.clientModules`: calls on
 * bindings imported from those modules are judged as DeepSeek-bound calls. With `receiverTypes` (type-aware
 * detection), calls the type checker ties to the SDK's client are judged too (see typed-calls.ts).
 * What one file cannot know is left unjudged (see `withUnseenCallers`), never guessed.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { analyzeFile } from '../analysis/analyze-file.js';
import { FileContext } from '../analysis/context.js';
import { scopeManagerLookup } from '../analysis/scopes.js';
import { linkProject, type Resolver } from '../analysis/project/project-index.js';
import type { ClientRecord, FileUsage } from '../analysis/types.js';
import { computeFindings } from '../findings/compute.js';
import { mentionsSdk } from '../files/prefilter.js';
import type { Finding, TargetSettings } from '../findings/types.js';
import { withTypedCalls, type ReceiverTypes } from './typed-calls.js';

export interface FileFindingsOptions {
  /** Type-aware detection: the type checker's view of call receivers (absent: syntactic only). */
  readonly receiverTypes?: ReceiverTypes;
}

const cache = new WeakMap<TSESTree.Program, Map<string, Finding[]>>();

export function fileFindings(
  file: string,
  text: string,
  ast: TSESTree.Program,
  scopeManager: ScopeManager | null,
  settings: TargetSettings,
  options: FileFindingsOptions = {},
): Finding[] {
  const key = `${options.receiverTypes ? 'type-aware' : 'syntactic'}\0${JSON.stringify(settings)}`;
  let byKey = cache.get(ast);
  if (!byKey) {
    byKey = new Map();
    cache.set(ast, byKey);
  }
  const cached = byKey.get(key);
  if (cached) return cached;
  // Most files of a repository never touch the SDK: in syntactic mode a regex over the text decides
  // that (the codemod's own prefilter), so the rules cost almost nothing there. Files importing a
  // configured client module still get analysed; type-aware mode can find clients in any file.
  if (!options.receiverTypes && !mentionsSdk(text) && !(settings.clientModules ?? []).some((m) => text.includes(m))) {
    byKey.set(key, []);
    return [];
  }
  const manager = scopeManager ?? undefined;
  let usage = withUnseenCallers(withClientModules(analyzeFile(file, text, ast, manager ? { scopeManager: manager } : {}), settings));
  if (options.receiverTypes && manager) usage = withTypedCalls(usage, ast, new FileContext(file, text, scopeManagerLookup(manager)), options.receiverTypes);
  const findings = computeFindings(linkProject([usage], NO_FILES), {
    settings,
    text: (f) => {
      if (f !== file) throw new Error(`ds-migrate: single-file findings asked for ${f}`);
      return text;
    },
  }).findings.filter((f) => f.file === file);
  byKey.set(key, findings);
  return findings;
}

/** No other files exist for a single-file lint: imports resolve to nothing. */
const NO_FILES: Resolver = { resolve: () => null };

/**
 * What a shared client serves is decided by its calls in other modules, which one file cannot see: an
 * OpenAI or Azure client that this file exports (directly or through a factory) and never calls itself
 * may be kept on OpenAI on purpose (the codemod keeps a client that serves only embeddings, and adds a
 * DeepSeek client beside it). Judged from this file alone it would look unmigrated forever; so it is
 * left alone here, and `ds-migrate scan` judges it with the whole project in view.
 */
function withUnseenCallers(usage: FileUsage): FileUsage {
  const exported = new Set(
    Object.values(usage.exports).flatMap((target) => (target.kind === 'client' || target.kind === 'factory' ? [target.clientId] : [])),
  );
  const called = new Set(usage.calls.flatMap((call) => (call.receiver.kind === 'client' ? [call.receiver.clientId] : [])));
  const unseen = (client: ClientRecord) =>
    exported.has(client.id) && !called.has(client.id) && (client.provider === 'openai' || client.provider === 'azure');
  if (!usage.clients.some(unseen)) return usage;
  const clients = usage.clients.map((client) =>
    unseen(client)
      ? { ...client, provider: 'unknown' as const, providerEvidence: `${client.providerEvidence}; exported and called only from other modules` }
      : client,
  );
  return { ...usage, clients };
}

/**
 * Calls on a binding imported from a configured client module (`import { openai } from '@/lib/openai'`)
 * get a stand-in client: a DeepSeek-bound client constructed in that module.
 */
function withClientModules(usage: FileUsage, settings: TargetSettings): FileUsage {
  const modules = settings.clientModules ?? [];
  if (modules.length === 0) return usage;
  const clients: ClientRecord[] = [...usage.clients];
  const calls = usage.calls.map((call) => {
    const receiver = call.receiver;
    if ((receiver.kind !== 'import' && receiver.kind !== 'factory-import') || !modules.includes(receiver.source)) return call;
    const id = `${receiver.source}#${receiver.imported}`;
    if (!clients.some((c) => c.id === id)) {
      clients.push({
        id,
        file: usage.file,
        className: 'OpenAI',
        holder: { kind: 'injected', name: receiver.imported },
        exportedAs: [],
        provider: 'deepseek',
        providerEvidence: `imported from '${receiver.source}' (settings.deepseek.clientModules)`,
        span: call.receiverSpan,
        calleeSpan: null,
        options: null,
        statementSpan: null,
      });
    }
    return { ...call, receiver: { kind: 'client' as const, clientId: id } };
  });
  return { ...usage, clients, calls };
}

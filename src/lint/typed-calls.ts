/**
 * Type-aware detection (opt-in, `settings.deepseek.detection: 'type-aware'`): SDK calls the syntactic
 * analysis could not tie to a client it can see (a client imported from another module, an injected
 * one, a typed helper's return value) are judged when the type checker says the receiver is the
 * openai SDK's client class. What types cannot tell is which server the client talks to; so such a
 * call is judged as DeepSeek-bound unless the client's declaration, seen through the checker, points
 * at another provider (a Groq base URL) or at a base URL nobody can read statically.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { enclosingStatement, forEachNode, offsetsOf, propertyName, startOf, unwrap, type Node } from '../analysis/ast.js';
import type { FileContext } from '../analysis/context.js';
import { SDK_RESOURCE_ROOTS } from '../analysis/sdk-resources.js';
import type { CallRecord, ClientRecord, FileUsage, Provider, SdkClass } from '../analysis/types.js';
import { traceValue } from '../analysis/values.js';

/** What the type checker says about an expression used as a call's receiver. */
export interface TypedReceiver {
  readonly className: SdkClass;
  /** From the client's declaration when the checker can see its `new` expression; null when it cannot. */
  readonly provider: Provider | null;
  readonly evidence: string;
}

/** The seam to the type checker, so the call logic is testable and the checker is asked only about candidates. */
export interface ReceiverTypes {
  receiverOf(node: TSESTree.Node): TypedReceiver | null;
}

/** Providers whose clients are judged: DeepSeek's, and OpenAI's or Azure's (they are what gets migrated). */
const JUDGED: ReadonlySet<Provider | null> = new Set<Provider | null>([null, 'deepseek', 'openai', 'azure']);

export function withTypedCalls(usage: FileUsage, ast: TSESTree.Program, ctx: FileContext, types: ReceiverTypes): FileUsage {
  const clientsById = new Map(usage.clients.map((c) => [c.id, c]));
  const bySpan = new Map(usage.calls.map((c) => [spanKey(c.span), c]));
  const replaced = new Map<CallRecord, CallRecord>();
  const added: CallRecord[] = [];
  const standIns: ClientRecord[] = [];

  forEachNode(ast, (node) => {
    if (node.type !== 'CallExpression') return;
    const existing = bySpan.get(spanKey(offsetsOf(node)));
    if (existing && isSeen(existing, clientsById)) return;
    const candidate = typedReceiver(node, types);
    if (!candidate || !JUDGED.has(candidate.typed.provider)) return;
    const client = standIn(ctx, candidate.receiver, candidate.typed);
    standIns.push(client);
    const call = callRecord(ctx, node, candidate.receiver, candidate.path, client.id);
    if (existing) replaced.set(existing, call);
    else added.push(call);
  });

  if (standIns.length === 0) return usage;
  return {
    ...usage,
    clients: [...usage.clients, ...standIns],
    calls: [...usage.calls.map((c) => replaced.get(c) ?? c), ...added],
  };
}

/**
 * A call the syntactic analysis already tied to a client it can judge (or deliberately left alone,
 * like a client whose base URL comes from an unrelated env variable). Only calls on imported
 * bindings and on injected clients are open to the type checker's verdict.
 */
function isSeen(call: CallRecord, clients: ReadonlyMap<string, ClientRecord>): boolean {
  if (call.receiver.kind !== 'client') return false;
  const client = clients.get(call.receiver.clientId);
  return !(client && client.holder.kind === 'injected' && client.provider === 'unknown');
}

/**
 * The innermost prefix of the callee that is typed as an SDK client and is followed by an SDK resource
 * (`this.client` in `this.client.chat.completions.create`): the checker is asked only about those.
 */
function typedReceiver(
  call: TSESTree.CallExpression,
  types: ReceiverTypes,
): { receiver: Node; path: string[]; typed: TypedReceiver } | null {
  const members: TSESTree.MemberExpression[] = [];
  let current: Node = unwrapChain(call.callee);
  while (current.type === 'MemberExpression') {
    members.unshift(current);
    current = unwrapChain(current.object);
  }
  const names = members.map((m) => propertyName(m));
  for (let i = 0; i < members.length; i++) {
    const path = names.slice(i);
    // A resource then a method at least (`chat.completions.create`, `embeddings.create`).
    if (path.length < 2 || path.some((n) => n === null) || !SDK_RESOURCE_ROOTS.has(path[0]!)) continue;
    const receiver = unwrapChain(members[i].object);
    const typed = types.receiverOf(receiver);
    if (typed) return { receiver, path: path as string[], typed };
  }
  return null;
}

function unwrapChain(node: Node): Node {
  let current = unwrap(node);
  while (current.type === 'ChainExpression') current = unwrap(current.expression);
  return current;
}

function standIn(ctx: FileContext, receiver: Node, typed: TypedReceiver): ClientRecord {
  return {
    id: `${ctx.file}#typed:${startOf(receiver)}`,
    file: ctx.file,
    className: typed.className,
    holder: { kind: 'injected', name: ctx.textOf(receiver) },
    exportedAs: [],
    provider: 'deepseek',
    providerEvidence: typed.evidence,
    span: ctx.span(receiver),
    calleeSpan: null,
    options: null,
    statementSpan: null,
  };
}

function callRecord(ctx: FileContext, node: TSESTree.CallExpression, receiver: Node, path: string[], clientId: string): CallRecord {
  const argument = node.arguments[0];
  return {
    file: ctx.file,
    receiver: { kind: 'client', clientId },
    receiverText: ctx.textOf(receiver),
    receiverSpan: offsetsOf(receiver),
    endpoint: path.slice(0, -1).join('.'),
    method: path[path.length - 1],
    span: offsetsOf(node),
    statementSpan: ctx.span(enclosingStatement(node)),
    args: argument && argument.type !== 'SpreadElement' ? traceValue(ctx, argument) : null,
  };
}

function spanKey(span: { start: number; end: number }): string {
  return `${span.start}:${span.end}`;
}

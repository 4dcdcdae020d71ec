/**
 * The cross-file view: links calls to clients constructed in other modules (relative imports and
 * tsconfig path aliases), resolves values imported from other modules (a model constant in
 * `lib/models.ts`), and re-classifies client providers once imported values are known.
 */
import { classifyProvider } from '../provider.js';
import type {
  CallRecord,
  ClientRecord,
  ExportTarget,
  FileUsage,
  PropertyShape,
  ValueShape,
} from '../types.js';

export interface Resolver {
  resolve(specifier: string, fromFile: string): string | null;
}

/** A call with its client found and its request body resolved across files. */
export interface LinkedCall extends CallRecord {
  readonly client: ClientRecord | null;
  /** `args` with imported values replaced by their definitions (spans then point into other files). */
  readonly resolvedArgs: ValueShape | null;
}

export interface ProjectUsage {
  readonly files: ReadonlyMap<string, FileUsage>;
  readonly clients: ReadonlyMap<string, ClientRecord>;
  readonly calls: readonly LinkedCall[];
  /** Files that import a given file (by absolute path), for cross-file edits. */
  readonly importers: ReadonlyMap<string, ReadonlySet<string>>;
  resolveValue(shape: ValueShape, fromFile: string): ValueShape;
}

const MAX_HOPS = 6;

export function linkProject(usages: readonly FileUsage[], resolver: Resolver): ProjectUsage {
  const files = new Map(usages.map((u) => [u.file, u]));
  const importers = new Map<string, Set<string>>();
  for (const usage of usages) {
    for (const specifier of usage.moduleSpecifiers) {
      const target = resolver.resolve(specifier, usage.file);
      if (!target) continue;
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target)!.add(usage.file);
    }
  }

  /** Follows an export through re-exports and `export *` to its definition. */
  const findExport = (file: string, name: string, hops: number): { target: ExportTarget; file: string } | null => {
    const usage = files.get(file);
    if (!usage || hops > MAX_HOPS) return null;
    const target = usage.exports[name];
    if (target) {
      if (target.kind !== 're-export') return { target, file };
      const next = resolver.resolve(target.source, file);
      return next ? findExport(next, target.imported, hops + 1) : null;
    }
    if (name === 'default') return null;
    for (const source of usage.exportAll) {
      const next = resolver.resolve(source, file);
      const found = next ? findExport(next, name, hops + 1) : null;
      if (found) return found;
    }
    return null;
  };

  const resolveValue = (shape: ValueShape, fromFile: string, hops = 0): ValueShape => {
    if (hops > MAX_HOPS) return shape;
    switch (shape.kind) {
      case 'import': {
        const file = resolver.resolve(shape.source, fromFile);
        const found = file ? findExport(file, shape.imported, 0) : null;
        if (found?.target.kind !== 'value') return shape;
        return resolveValue(found.target.value, found.file, hops + 1);
      }
      case 'object': {
        if (!shape.properties.some((p) => needsResolution(p.value))) return shape;
        const properties: PropertyShape[] = shape.properties.map((p) => ({ ...p, value: resolveValue(p.value, fromFile, hops + 1) }));
        return { ...shape, properties };
      }
      case 'array': {
        if (!shape.elements.some(needsResolution)) return shape;
        return { ...shape, elements: shape.elements.map((e) => resolveValue(e, fromFile, hops + 1)) };
      }
      case 'env':
        return shape.fallback && needsResolution(shape.fallback)
          ? { ...shape, fallback: resolveValue(shape.fallback, fromFile, hops + 1) }
          : shape;
      default:
        return shape;
    }
  };

  // Clients, re-classified now that imported option values (a base URL constant) can be resolved.
  const clients = new Map<string, ClientRecord>();
  for (const usage of usages) {
    for (const client of usage.clients) {
      if (!client.options || !needsResolution(client.options)) {
        clients.set(client.id, client);
        continue;
      }
      const options = resolveValue(client.options, client.file);
      const verdict = client.holder.kind === 'injected' ? null : classifyProvider(client.className, options);
      clients.set(client.id, verdict ? { ...client, options, provider: verdict.provider, providerEvidence: verdict.evidence } : client);
    }
  }

  const clientOfReceiver = (call: CallRecord): ClientRecord | null => {
    const receiver = call.receiver;
    if (receiver.kind === 'client') return clients.get(receiver.clientId) ?? null;
    const file = resolver.resolve(receiver.source, call.file);
    const found = file ? findExport(file, receiver.imported, 0) : null;
    if (!found) return null;
    const { target } = found;
    if (receiver.kind === 'import' && target.kind === 'client') return clients.get(target.clientId) ?? null;
    if (receiver.kind === 'factory-import' && target.kind === 'factory') return clients.get(target.clientId) ?? null;
    return null;
  };

  const calls: LinkedCall[] = [];
  for (const usage of usages) {
    for (const call of usage.calls) {
      calls.push({
        ...call,
        client: clientOfReceiver(call),
        resolvedArgs: call.args ? resolveValue(call.args, call.file) : null,
      });
    }
  }

  return { files, clients, calls, importers, resolveValue: (shape, fromFile) => resolveValue(shape, fromFile) };
}

function needsResolution(shape: ValueShape): boolean {
  switch (shape.kind) {
    case 'import':
      return true;
    case 'object':
      return shape.properties.some((p) => needsResolution(p.value));
    case 'array':
      return shape.elements.some(needsResolution);
    case 'env':
      return shape.fallback !== null && needsResolution(shape.fallback);
    default:
      return false;
  }
}

/** `no-unsupported-endpoint`: calls DeepSeek does not serve, and what its partial endpoints ignore. */
import type { LinkedCall } from '../analysis/project/project-index.js';
import { endpoint, type EndpointEntry } from '../compat/index.js';
import { finding } from './context.js';
import type { Finding } from './types.js';

export type EndpointSupport = 'served' | 'partial' | 'not-served' | 'unknown';

/** Whether DeepSeek serves this call at all (the method included). */
export function endpointSupport(call: { endpoint: string; method: string }): { support: EndpointSupport; entry: EndpointEntry | undefined } {
  const entry = endpoint(call.endpoint);
  if (!entry) return { support: 'unknown', entry };
  if (entry.status === 'not-served') return { support: 'not-served', entry };
  if (entry.unknownMethods?.includes(call.method)) return { support: 'unknown', entry };
  if (entry.methods && !entry.methods.includes(call.method)) return { support: 'not-served', entry };
  return { support: entry.status, entry };
}

export function endpointFindings(call: LinkedCall): Finding[] {
  const { support, entry } = endpointSupport(call);
  if (!entry) return [];
  const name = `${call.endpoint}.${call.method}`;
  const base = { rule: 'no-unsupported-endpoint' as const, file: call.file, span: call.span, statementSpan: call.statementSpan, statementFile: call.file };
  if (support === 'not-served') {
    const why = entry.status === 'not-served' ? entry.note.replace(/^Not served:\s*/i, '') : `DeepSeek's ${entry.path} serves only ${entry.methods?.join(', ')}.`;
    return [finding({ ...base, message: `\`${name}\` is not served by DeepSeek: ${why}` })];
  }
  if (support !== 'partial' || !entry.ignoredParams || call.resolvedArgs?.kind !== 'object') return [];
  const out: Finding[] = [];
  for (const property of call.resolvedArgs.properties) {
    if (!entry.ignoredParams.includes(property.key)) continue;
    // `store: false`, `previous_response_id: null`: asking for what DeepSeek does anyway.
    if ((property.value.kind === 'boolean' && !property.value.value) || property.value.kind === 'null') continue;
    out.push(
      finding({
        ...base,
        file: property.span.file,
        span: property.span,
        message: `\`${property.key}\` is silently ignored by DeepSeek's ${entry.path} endpoint (${entry.limits?.[0] ?? entry.note}). Code that relies on it needs another way.`,
      }),
    );
  }
  return out;
}

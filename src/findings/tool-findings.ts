/**
 * Tool definitions DeepSeek's chat API refuses: any tool whose `type` is not `function` (custom tools,
 * Responses-style built-ins bridged to chat) answers 400 "unknown variant '<type>', expected
 * 'function'" (reference §4, §12 #19).
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import { propertyOf } from '../analysis/values.js';
import { finding } from './context.js';
import type { CallTarget } from './target.js';
import { describeTarget } from './target.js';
import type { Finding } from './types.js';

export function toolFindings(call: LinkedCall, target: CallTarget): Finding[] {
  const tools = propertyOf(call.resolvedArgs, 'tools')?.value;
  if (tools?.kind !== 'array') return [];
  const out: Finding[] = [];
  for (const tool of tools.elements) {
    const type = propertyOf(tool, 'type')?.value;
    if (type?.kind !== 'string' || type.value === 'function') continue;
    out.push(
      finding({
        rule: 'no-rejected-param',
        file: tool.span.file,
        span: tool.span,
        statementSpan: call.statementSpan,
        statementFile: call.file,
        message: `A \`${type.value}\` tool is rejected by ${describeTarget(target)} (HTTP 400: "unknown variant '${type.value}', expected 'function'"): DeepSeek's chat API takes function tools only. Describe it as a function tool, or drop it.`,
      }),
    );
  }
  return out;
}

/**
 * Findings on chat messages wherever they are built (not only inside a call's arguments): roles
 * DeepSeek rejects, content shapes it rejects, and the `reasoning_content` passback rule of thinking
 * mode with tools.
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { FieldUse, MessageLiteral } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import { roleEntry, SEQUENCE_NOT_STRING_ERROR } from '../compat/index.js';
import { quote } from '../edits/layout.js';
import { finding, type FindingContext } from './context.js';
import { functionRoleFinding } from './legacy-functions.js';
import type { Finding } from './types.js';
import type { Mode } from './target.js';

/** Roles whose content DeepSeek types as a string (reference §1 content parts). */
const STRING_CONTENT_ROLES = new Set(['system', 'assistant', 'tool', 'developer']);

export function messageFindings(message: MessageLiteral, ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const base = { file: message.file, statementSpan: message.statementSpan };
  const entry = roleEntry(message.role);
  if (message.role === 'function') {
    out.push(functionRoleFinding(message, ctx));
  } else if (entry && entry.status === 'rejected' && message.roleValue.kind === 'string') {
    const to = entry.fix.kind === 'rename' ? entry.fix.to : null;
    const role = message.roleValue;
    out.push(
      finding({
        ...base,
        rule: 'no-rejected-param',
        span: role.span,
        message: `\`role: '${message.role}'\` is rejected by DeepSeek (HTTP 400: "${entry.error ?? 'unknown variant'}"). ${entry.note}`,
        fix: to
          ? {
              transform: 'messages',
              description: `role '${message.role}' → '${to}'`,
              edits: [{ file: message.file, start: role.span.start, end: role.span.end, text: quote(to, role.quote === '`' ? "'" : role.quote) }],
              safe: true,
            }
          : null,
      }),
    );
  }
  const content = propertyOf(message.shape, 'content');
  if (content?.value.kind === 'array' && STRING_CONTENT_ROLES.has(message.role)) {
    out.push(
      finding({
        ...base,
        rule: 'no-rejected-param',
        span: content.span,
        message: `DeepSeek accepts an array of content parts only in user messages; \`${message.role}\` content must be a string (HTTP 400: "${SEQUENCE_NOT_STRING_ERROR}").`,
      }),
    );
  }
  if (message.role === 'assistant' && content?.value.kind === 'null') {
    const hasToolCalls = propertyOf(message.shape, 'tool_calls') !== undefined;
    out.push(
      finding({
        ...base,
        rule: 'no-rejected-param',
        span: content.span,
        message: hasToolCalls
          ? 'DeepSeek needs non-null `content` on assistant messages with tool calls: send an empty string.'
          : 'DeepSeek rejects an assistant message with `content: null` and no tool calls (HTTP 400: "content or tool_calls must be set").',
        fix: hasToolCalls
          ? {
              transform: 'messages',
              description: "`content: null` → `content: ''`",
              edits: [{ file: message.file, start: content.value.span.start, end: content.value.span.end, text: "''" }],
              safe: true,
            }
          : null,
      }),
    );
  }
  return out;
}

/**
 * In thinking mode with tools, DeepSeek requires `reasoning_content` on every earlier assistant turn
 * (reference §3): assistant turns rebuilt without it, and code that strips it (the R1-era rule), fail
 * with 400 "The reasoning_content in the thinking mode must be passed back to the API."
 */
export function passbackFindings(
  file: string,
  messages: readonly MessageLiteral[],
  fieldUses: readonly FieldUse[],
  callsInFile: readonly { call: LinkedCall; mode: Mode }[],
): Finding[] {
  const withTools = callsInFile.find(({ call, mode }) => mode !== 'non-thinking' && propertyOf(call.resolvedArgs, 'tools') !== undefined);
  if (!withTools) return [];
  const where = withTools.mode === 'thinking' ? 'thinking mode (the default)' : 'thinking mode (the default unless disabled)';
  const out: Finding[] = [];
  for (const message of messages) {
    if (message.role !== 'assistant' || message.shape.kind !== 'object' || message.shape.hasSpread) continue;
    if (!propertyOf(message.shape, 'tool_calls') || propertyOf(message.shape, 'reasoning_content')) continue;
    out.push(
      finding({
        rule: 'reasoning-content-passback',
        file,
        span: message.span,
        statementSpan: message.statementSpan,
        message: `This assistant turn is rebuilt without \`reasoning_content\`: with tools in ${where}, DeepSeek answers 400 "The reasoning_content in the thinking mode must be passed back to the API." Copy \`reasoning_content\` from the response message.`,
      }),
    );
  }
  for (const use of fieldUses) {
    if (use.kind !== 'reasoning_content-strip') continue;
    out.push(
      finding({
        rule: 'reasoning-content-passback',
        file,
        span: use.span,
        statementSpan: use.statementSpan,
        message: `This strips \`reasoning_content\` from messages (the 2025 deepseek-reasoner rule). With tools in ${where}, DeepSeek now requires it on every assistant turn and answers 400 without it.`,
      }),
    );
  }
  return out;
}

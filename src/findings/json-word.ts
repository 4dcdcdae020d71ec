/**
 * `json-mode-requires-json-word`: DeepSeek answers 400 "Prompt must contain the word 'json' in some form
 * to use 'response_format' of type 'json_object'." (reference §5, §12 #6). Only judged when every
 * message's text is statically known; otherwise the word may be in text we cannot see.
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { ValueShape } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import { JSON_WORD_REQUIRED_ERROR } from '../compat/index.js';
import { finding } from './context.js';
import type { Finding } from './types.js';

export function jsonWordFindings(call: LinkedCall): Finding[] {
  const args = call.resolvedArgs;
  const format = propertyOf(propertyOf(args, 'response_format')?.value, 'type')?.value;
  if (format?.kind !== 'string' || format.value !== 'json_object') return [];
  const messages = propertyOf(args, 'messages')?.value;
  const texts = messageTexts(messages);
  if (texts === null || texts.some((t) => /json/i.test(t))) return [];
  return [
    finding({
      rule: 'json-mode-requires-json-word',
      file: format.span.file,
      span: propertyOf(args, 'response_format')!.span,
      statementSpan: call.statementSpan,
          statementFile: call.file,
      message: `JSON mode without the word "json" in any message: DeepSeek answers 400 "${JSON_WORD_REQUIRED_ERROR}" Say that the answer is JSON (with an example) in the system or user message.`,
    }),
  ];
}

/**
 * Every text of a static messages array, or null when an instruction could hide the word: a message
 * or a system/assistant content that is not statically known. Dynamic *user* content is the user's
 * data, not an instruction, and cannot be relied on to say "json".
 */
function messageTexts(messages: ValueShape | undefined): string[] | null {
  if (messages?.kind !== 'array' || messages.hasSpread) return null;
  const texts: string[] = [];
  for (const message of messages.elements) {
    if (message.kind !== 'object' || message.hasSpread) return null;
    const role = propertyOf(message, 'role')?.value;
    const content = propertyOf(message, 'content')?.value;
    if (!content) continue;
    if (role?.kind === 'string' && role.value === 'user' && (content.kind === 'unknown' || content.kind === 'import')) continue;
    if (content.kind === 'string') texts.push(content.value);
    else if (content.kind === 'array' && !content.hasSpread) {
      for (const part of content.elements) {
        const text = propertyOf(part, 'text')?.value;
        if (text?.kind === 'string') texts.push(text.value);
        else if (propertyOf(part, 'type')?.value.kind === 'string' && !text) continue;
        else return null;
      }
    } else return null;
  }
  return texts;
}

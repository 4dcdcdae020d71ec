/**
 * Adding `thinking: { type: 'disabled' }` to a request. DeepSeek runs in thinking mode by default, so a
 * call migrated from a non-reasoning model must say so, or latency, cost and `temperature` semantics
 * change silently. In TypeScript the field is spread in (`...{ thinking: ... }`): openai's types do not
 * know it, and an excess-property error would break the build, while `@ts-expect-error` would break it
 * the day the types learn the field.
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { Edit } from '../edits/edit.js';
import { preferredQuote, quote } from '../edits/layout.js';
import { insertPropertyEdit } from '../edits/object-edits.js';
import { isTypeScript, type FindingContext } from './context.js';

export function thinkingEdit(call: LinkedCall, ctx: FindingContext): Edit | null {
  const args = call.resolvedArgs;
  if (args?.kind !== 'object') return null;
  const file = args.span.file;
  const text = ctx.text(file);
  const value = `{ type: ${quote('disabled', preferredQuote(text))} }`;
  const property = isTypeScript(file) ? `...{ thinking: ${value} }` : `thinking: ${value}`;
  return insertPropertyEdit(text, args, property);
}

/**
 * `--json-schema=inline`: DeepSeek rejects `response_format: { type: 'json_schema' }` (reference §12 #5),
 * but supports JSON mode. The downgrade sends `json_object` and puts the schema into a system message,
 * as Vercel's DeepSeek provider does. It trades a guarantee for a request that works, so it is opt-in.
 */
import type { PropertyShape, ValueShape } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import type { Edit } from '../edits/edit.js';
import { indentAt, preferredQuote, quote, skipTrivia } from '../edits/layout.js';
import type { FindingContext } from './context.js';
import type { Fix } from './types.js';

export function jsonSchemaInlineFix(args: Extract<ValueShape, { kind: 'object' }>, property: PropertyShape, ctx: FindingContext): Fix | null {
  const file = property.span.file;
  const text = ctx.text(file);
  const format = property.value;
  const schema = propertyOf(propertyOf(format, 'json_schema')?.value, 'schema');
  const messages = propertyOf(args, 'messages')?.value;
  if (format.kind !== 'object' || !schema || messages?.kind !== 'array' || messages.span.file !== file) return null;
  const q = preferredQuote(text);
  const schemaSource = schema.shorthand ? 'schema' : text.slice(skipTrivia(text, schema.keySpan.end) + 1, schema.span.end).trim();
  const instruction = `${quote('Respond only with JSON that conforms to this JSON schema: ', q)} + JSON.stringify(${schemaSource})`;
  const systemMessage = `{ role: ${quote('system', q)}, content: ${instruction} }`;
  const edits: Edit[] = [
    { file, start: format.span.start, end: format.span.end, text: `{ type: ${quote('json_object', q)} }` },
  ];
  const first = messages.elements[0];
  if (first) {
    const multiline = text.slice(messages.span.start, first.span.start).includes('\n');
    const separator = multiline ? `,\n${indentAt(text, first.span.start)}` : ', ';
    edits.push({ file, start: first.span.start, end: first.span.start, text: `${systemMessage}${separator}` });
  } else {
    edits.push({ file, start: messages.span.start + 1, end: messages.span.end - 1, text: systemMessage });
  }
  return {
    transform: 'params',
    description: 'json_schema → json_object with the schema in a system message (--json-schema=inline)',
    edits,
    safe: false,
  };
}

/**
 * Legacy OpenAI function calling → tools. DeepSeek documents only `tools`/`tool_choice`; the legacy
 * fields are not part of its API (reference §4, §13), so a request using them calls no function.
 *
 * - `functions: [a, b]` → `tools: [{ type: 'function', function: a }, ...]` (a literal array is rewritten
 *   in place; anything else is wrapped with `.map`).
 * - `function_call: 'auto'` → `tool_choice: 'auto'`; `{ name }` → `{ type: 'function', function: { name } }`.
 * - `message.function_call` reads → `message.tool_calls?.[0]?.function` in JavaScript. In TypeScript
 *   that expression does not type-check against openai ≥ 5 (tool calls may be custom), so it is a marker.
 * - `{ role: 'function', name: m.function_call.name, content }` → `{ role: 'tool', tool_call_id:
 *   m.tool_calls?.[0]?.id, content }` where the call it answers is visible; a marker otherwise.
 */
import type { FieldUse, MessageLiteral, PropertyShape, ValueShape } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import type { Edit } from '../edits/edit.js';
import { preferredQuote, quote, skipTrivia } from '../edits/layout.js';
import { removePropertyEdit, renameKeyEdit } from '../edits/object-edits.js';
import { finding, isTypeScript, type FindingContext } from './context.js';
import type { Finding, Fix } from './types.js';

type ObjectShape = Extract<ValueShape, { kind: 'object' }>;

export function legacyFunctionFix(args: ObjectShape, property: PropertyShape, ctx: FindingContext): Fix | null {
  const file = property.span.file;
  const text = ctx.text(file);
  const q = preferredQuote(text);
  const edits = property.key === 'functions' ? functionsEdits(args, property, text, q) : functionCallEdits(args, property, text, q);
  if (!edits) return null;
  return {
    transform: 'legacy-function-calling',
    description: property.key === 'functions' ? '`functions` → `tools`' : '`function_call` → `tool_choice`',
    edits,
    safe: false,
  };
}

function functionsEdits(args: ObjectShape, property: PropertyShape, text: string, q: "'" | '"'): Edit[] | null {
  if (args.properties.some((p) => p.key === 'tools')) return null; // both: a person must merge them
  const file = property.span.file;
  const value = property.value;
  const inPlace = value.kind === 'array' && !value.hasSpread && within(value.span, property.span);
  if (inPlace) {
    const edits: Edit[] = [renameKeyEdit(property, 'tools', text)];
    for (const element of value.elements) {
      const source = text.slice(element.span.start, element.span.end);
      edits.push({ file, start: element.span.start, end: element.span.end, text: `{ type: ${quote('function', q)}, function: ${source} }` });
    }
    return edits;
  }
  const source = valueText(property, text);
  const asConst = isTypeScript(file) ? ' as const' : '';
  return [
    {
      file,
      start: property.span.start,
      end: property.span.end,
      text: `tools: ${source}.map((fn) => ({ type: ${quote('function', q)}${asConst}, function: fn }))`,
    },
  ];
}

function functionCallEdits(args: ObjectShape, property: PropertyShape, text: string, q: "'" | '"'): Edit[] | null {
  const file = property.span.file;
  if (args.properties.some((p) => p.key === 'tool_choice')) return [removePropertyEdit(text, args, property)];
  const value = property.value;
  if (value.kind === 'string' && (value.value === 'auto' || value.value === 'none')) {
    return [renameKeyEdit(property, 'tool_choice', text)];
  }
  if (value.kind === 'object' && propertyOf(value, 'name') && within(value.span, property.span)) {
    const source = text.slice(value.span.start, value.span.end);
    return [{ file, start: property.span.start, end: property.span.end, text: `tool_choice: { type: ${quote('function', q)}, function: ${source} }` }];
  }
  return null;
}

/** `message.function_call` reads on responses. */
export function functionCallReadFinding(use: FieldUse, ctx: FindingContext): Finding {
  const text = ctx.text(use.file);
  const source = text.slice(use.span.start, use.span.end);
  const replacement = source.replace(/function_call$/, 'tool_calls?.[0]?.function');
  const base = {
    rule: 'no-legacy-function-calling' as const,
    file: use.file,
    span: use.span,
    statementSpan: use.statementSpan,
  };
  if (isTypeScript(use.file) || replacement === source) {
    return finding({
      ...base,
      message: `\`${short(source)}\` reads a legacy function call: DeepSeek answers with \`tool_calls\`. Read the function call from \`tool_calls\` (check \`type === 'function'\`).`,
    });
  }
  return finding({
    ...base,
    message: `\`${short(source)}\` reads a legacy function call: DeepSeek answers with \`tool_calls\`.`,
    fix: {
      transform: 'legacy-function-calling',
      description: `\`${short(source)}\` → \`${short(replacement)}\``,
      edits: [{ file: use.file, start: use.span.start, end: use.span.end, text: replacement }],
      safe: false,
    },
  });
}

/** `{ role: 'function', name, content }` result messages. */
export function functionRoleFinding(message: MessageLiteral, ctx: FindingContext): Finding {
  const text = ctx.text(message.file);
  const shape = message.shape;
  const name = propertyOf(shape, 'name');
  const base = {
    rule: 'no-legacy-function-calling' as const,
    file: message.file,
    span: message.span,
    statementSpan: message.statementSpan,
  };
  const answered = message.answersCallOf;
  if (shape.kind !== 'object' || !name || !answered || message.roleValue.kind !== 'string') {
    return finding({
      ...base,
      message: "`role: 'function'` messages are legacy function calling: DeepSeek accepts `role: 'tool'` with the `tool_call_id` of the call it answers.",
    });
  }
  const q = message.roleValue.quote === '`' ? preferredQuote(text) : message.roleValue.quote;
  const edits: Edit[] = [
    { file: message.file, start: message.roleValue.span.start, end: message.roleValue.span.end, text: quote('tool', q) },
    { file: message.file, start: name.span.start, end: name.span.end, text: `tool_call_id: ${answered}.tool_calls?.[0]?.id` },
  ];
  return finding({
    ...base,
    message: "`role: 'function'` messages are legacy function calling: DeepSeek accepts `role: 'tool'` with a `tool_call_id`.",
    fix: { transform: 'legacy-function-calling', description: "`role: 'function'` → `role: 'tool'` with `tool_call_id`", edits, safe: false },
  });
}

/** The source text of a property's value (`fns` in `functions: fns`, the key itself for shorthand). */
function valueText(property: PropertyShape, text: string): string {
  if (property.shorthand) return property.key;
  const colon = skipTrivia(text, property.keySpan.end);
  return text.slice(colon + 1, property.span.end).trim();
}

function within(inner: { start: number; end: number; file: string }, outer: { start: number; end: number; file: string }): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

function short(source: string): string {
  return source.length > 60 ? `${source.slice(0, 57)}...` : source;
}

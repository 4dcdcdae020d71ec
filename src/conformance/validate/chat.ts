/**
 * Semantic checks of chat completion answers, streamed or not, as DeepSeek documents them
 * (reference §3, §5, §6). Each function returns problems in words; none means the answer is right.
 */
import type { ThinkingMode } from '../../compat/index.js';
import { parseSse } from '../sse.js';

export const FINISH_REASONS: ReadonlySet<string> = new Set(['stop', 'length', 'content_filter', 'tool_calls', 'insufficient_system_resource']);

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** `usage` of a chat completion or FIM answer (reference §5 usage fields). */
export function usageProblems(usage: unknown, where = 'usage'): string[] {
  if (!isRecord(usage)) return [`${where} is missing`];
  const problems: string[] = [];
  const { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total } = usage;
  if (!isCount(prompt) || !isCount(completion) || !isCount(total)) {
    return [`${where} needs whole-number prompt_tokens, completion_tokens and total_tokens (got ${JSON.stringify(usage).slice(0, 120)})`];
  }
  if (total !== prompt + completion) problems.push(`${where}.total_tokens ${total} ≠ prompt_tokens ${prompt} + completion_tokens ${completion}`);
  const { prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss } = usage;
  if (isCount(hit) && isCount(miss) && hit + miss !== prompt) {
    problems.push(`${where}: prompt_cache_hit_tokens ${hit} + prompt_cache_miss_tokens ${miss} ≠ prompt_tokens ${prompt}`);
  }
  const reasoning = isRecord(usage.completion_tokens_details) ? usage.completion_tokens_details.reasoning_tokens : undefined;
  if (reasoning !== undefined && reasoning !== null && (!isCount(reasoning) || reasoning > completion)) {
    problems.push(`${where}.completion_tokens_details.reasoning_tokens ${String(reasoning)} is not a count within completion_tokens ${completion}`);
  }
  return problems;
}

/** DeepSeek's error envelope: `{"error":{"message","type","param","code"}}` (reference §7). */
export function errorEnvelopeProblems(body: unknown): string[] {
  if (!isRecord(body) || !isRecord(body.error)) return ['the error answer has no {"error": {...}} envelope'];
  const problems: string[] = [];
  if (typeof body.error.message !== 'string' || body.error.message === '') problems.push('error.message is not a non-empty string');
  if (typeof body.error.type !== 'string') problems.push('error.type is not a string');
  return problems;
}

export interface ChatExpectations {
  readonly mode: ThinkingMode;
  /** Names of the tools sent; tool calls must use one of them. */
  readonly toolNames?: readonly string[];
  /** A tool call must come back (forced with tool_choice), unless the output was cut. */
  readonly expectToolCall?: boolean;
  /** JSON mode: content must parse as a JSON object (unless cut or empty, which DeepSeek allows). */
  readonly json?: boolean;
  /** The `n` sent: up to that many choices are fine (whether DeepSeek honours n > 1 is not known). */
  readonly n?: number;
}

function toolCallProblems(calls: unknown, finish: unknown, expect: ChatExpectations, where: string): string[] {
  const problems: string[] = [];
  const list = Array.isArray(calls) ? calls : [];
  if (calls !== undefined && calls !== null && !Array.isArray(calls)) problems.push(`${where}.tool_calls is not an array`);
  if (expect.expectToolCall && list.length === 0 && finish !== 'length') problems.push(`no tool call came back although tool_choice forces one (finish_reason ${String(finish)})`);
  for (const [i, call] of list.entries()) {
    const at = `${where}.tool_calls[${i}]`;
    if (!isRecord(call) || !isRecord(call.function)) {
      problems.push(`${at} is not {id, type: "function", function: {...}}`);
      continue;
    }
    if (typeof call.id !== 'string' || call.id === '') problems.push(`${at}.id is missing`);
    if (call.type !== 'function') problems.push(`${at}.type is ${JSON.stringify(call.type)}, not "function"`);
    const name = call.function.name;
    if (typeof name !== 'string' || (expect.toolNames && !expect.toolNames.includes(name))) {
      problems.push(`${at}.function.name ${JSON.stringify(name)} is not one of the tools sent`);
    }
    if (typeof call.function.arguments !== 'string') problems.push(`${at}.function.arguments is not a string`);
    else if (finish !== 'length') {
      try {
        if (!isRecord(JSON.parse(call.function.arguments))) problems.push(`${at}.function.arguments is not a JSON object`);
      } catch {
        problems.push(`${at}.function.arguments is not valid JSON: ${call.function.arguments.slice(0, 80)}`);
      }
    }
  }
  return problems;
}

function jsonContentProblems(content: unknown, finish: unknown): string[] {
  if (finish !== 'stop' || typeof content !== 'string' || content.trim() === '') return [];
  try {
    return isRecord(JSON.parse(content)) ? [] : ['JSON mode answered JSON that is not an object'];
  } catch {
    return [`JSON mode answered content that is not JSON: ${content.slice(0, 80)}`];
  }
}

/** A non-streamed `chat.completion`. */
export function completionProblems(body: unknown, expect: ChatExpectations): string[] {
  if (!isRecord(body)) return ['the answer is not a JSON object'];
  const problems: string[] = [];
  if (body.object !== 'chat.completion') problems.push(`object is ${JSON.stringify(body.object)}, not "chat.completion"`);
  if (typeof body.id !== 'string' || body.id === '') problems.push('id is missing');
  if (typeof body.created !== 'number') problems.push('created is not a number');
  if (typeof body.model !== 'string') problems.push('model is not a string');
  const most = Math.max(1, expect.n ?? 1);
  if (!Array.isArray(body.choices) || body.choices.length < 1 || body.choices.length > most) {
    problems.push(`choices has ${Array.isArray(body.choices) ? body.choices.length : 'no'} elements, expected ${most === 1 ? 'exactly 1' : `1 to ${most}`}`);
    return problems;
  }
  const choice = body.choices[0];
  if (!isRecord(choice) || !isRecord(choice.message)) return [...problems, 'choices[0].message is missing'];
  const message = choice.message;
  if (message.role !== 'assistant') problems.push(`message.role is ${JSON.stringify(message.role)}, not "assistant"`);
  if (message.content !== null && typeof message.content !== 'string') problems.push('message.content is neither a string nor null');
  if (!FINISH_REASONS.has(String(choice.finish_reason))) problems.push(`finish_reason ${JSON.stringify(choice.finish_reason)} is not one DeepSeek documents`);
  if (expect.mode === 'thinking' && typeof message.reasoning_content !== 'string') {
    problems.push('thinking mode answered without message.reasoning_content');
  }
  if (expect.mode === 'non-thinking' && typeof message.reasoning_content === 'string' && message.reasoning_content !== '') {
    problems.push('non-thinking mode answered with reasoning_content');
  }
  problems.push(...toolCallProblems(message.tool_calls, choice.finish_reason, expect, 'message'));
  if (expect.json) problems.push(...jsonContentProblems(message.content, choice.finish_reason));
  problems.push(...usageProblems(body.usage));
  return problems;
}

export interface StreamSummary {
  readonly chunks: number;
  readonly keepAlives: number;
  readonly content: string;
  readonly reasoning: string;
  readonly finishReason: string | null;
  readonly usage: unknown;
}

export interface StreamCheck {
  readonly problems: readonly string[];
  readonly summary: StreamSummary;
}

interface ToolAccumulator {
  id?: string;
  type?: string;
  name: string;
  arguments: string;
}

/**
 * A streamed chat completion, DeepSeek's way (reference §6): strict SSE framing ending in
 * `data: [DONE]`; one id; exactly one choice per chunk; one finish_reason, on the last chunk; usage on
 * that last chunk (with `include_usage`, null on every other); reasoning deltas before content deltas.
 */
export function streamProblems(text: string, expect: ChatExpectations & { readonly includeUsage: boolean }): StreamCheck {
  const sse = parseSse(text, { expectDone: true });
  const problems: string[] = [...sse.problems];
  let id: unknown;
  let content = '';
  let reasoning = '';
  let sawReasoningField = false;
  let reasoningAfterContent = false;
  let finishReason: string | null = null;
  let finishes = 0;
  let usage: unknown = null;
  const tools = new Map<number, ToolAccumulator>();
  const chunks: Rec[] = [];

  sse.events.forEach((event, index) => {
    let chunk: unknown;
    try {
      chunk = JSON.parse(event.data);
    } catch {
      problems.push(`line ${event.line}: data is not valid JSON: ${event.data.slice(0, 80)}`);
      return;
    }
    if (!isRecord(chunk)) return void problems.push(`line ${event.line}: data is not a JSON object`);
    if (isRecord(chunk.error)) return void problems.push(`line ${event.line}: the stream carried an error: ${String(chunk.error.message)}`);
    chunks.push(chunk);
    if (chunk.object !== 'chat.completion.chunk') problems.push(`line ${event.line}: object is ${JSON.stringify(chunk.object)}, not "chat.completion.chunk"`);
    if (index === 0) id = chunk.id;
    else if (chunk.id !== id) problems.push(`line ${event.line}: id changed from ${JSON.stringify(id)} to ${JSON.stringify(chunk.id)}`);
    if (!Array.isArray(chunk.choices) || chunk.choices.length !== 1) {
      const empty = Array.isArray(chunk.choices) && chunk.choices.length === 0 && isRecord(chunk.usage);
      problems.push(
        empty
          ? `line ${event.line}: usage came on a separate chunk with empty choices (OpenAI's framing); DeepSeek puts it on the last content chunk`
          : `line ${event.line}: a chunk with ${Array.isArray(chunk.choices) ? chunk.choices.length : 'no'} choices, expected exactly 1`,
      );
      if (isRecord(chunk.usage)) usage = chunk.usage;
      return;
    }
    if (finishes > 0) problems.push(`line ${event.line}: a chunk after the one with finish_reason`);
    const choice = chunk.choices[0] as Rec;
    const delta = isRecord(choice.delta) ? choice.delta : {};
    if (delta.role !== undefined && delta.role !== null && delta.role !== 'assistant') problems.push(`line ${event.line}: delta.role ${JSON.stringify(delta.role)}`);
    if (typeof delta.reasoning_content === 'string') {
      sawReasoningField = true;
      if (delta.reasoning_content !== '' && content !== '') reasoningAfterContent = true;
      reasoning += delta.reasoning_content;
    }
    if (typeof delta.content === 'string') content += delta.content;
    if (Array.isArray(delta.tool_calls)) {
      for (const part of delta.tool_calls) {
        if (!isRecord(part) || typeof part.index !== 'number') {
          problems.push(`line ${event.line}: a tool_calls delta without an index`);
          continue;
        }
        const acc = tools.get(part.index) ?? { name: '', arguments: '' };
        if (typeof part.id === 'string') acc.id = part.id;
        if (typeof part.type === 'string') acc.type = part.type;
        const fn = isRecord(part.function) ? part.function : {};
        if (typeof fn.name === 'string') acc.name += fn.name;
        if (typeof fn.arguments === 'string') acc.arguments += fn.arguments;
        tools.set(part.index, acc);
      }
    }
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
      finishes++;
      finishReason = String(choice.finish_reason);
      if (!FINISH_REASONS.has(finishReason)) problems.push(`line ${event.line}: finish_reason ${JSON.stringify(choice.finish_reason)} is not one DeepSeek documents`);
    }
    if (isRecord(chunk.usage)) {
      if (choice.finish_reason === null || choice.finish_reason === undefined) problems.push(`line ${event.line}: usage on a chunk that is not the last (no finish_reason)`);
      usage = chunk.usage;
    } else if (expect.includeUsage && chunk.usage !== null) {
      problems.push(`line ${event.line}: with include_usage every chunk carries a usage field (null until the last)`);
    }
  });

  if (chunks.length === 0 && sse.problems.length === 0) problems.push('the stream carried no chunks');
  if (chunks.length > 0 && finishes === 0) problems.push('no chunk carried a finish_reason');
  if (finishes > 1) problems.push(`${finishes} chunks carried a finish_reason, expected exactly 1`);
  if (chunks.length > 0 && finishes > 0) problems.push(...usageProblems(usage, 'usage on the last chunk'));
  if (expect.mode === 'thinking' && chunks.length > 0 && !sawReasoningField) problems.push('thinking mode streamed no reasoning_content');
  if (expect.mode === 'non-thinking' && reasoning !== '') problems.push('non-thinking mode streamed reasoning_content');
  if (reasoningAfterContent) problems.push('reasoning_content arrived after content had started');
  const calls = [...tools.values()].map((t) => ({ id: t.id, type: t.type, function: { name: t.name, arguments: t.arguments } }));
  problems.push(...toolCallProblems(calls.length > 0 ? calls : undefined, finishReason, expect, 'the streamed message'));
  if (expect.json) problems.push(...jsonContentProblems(content, finishReason));

  return {
    problems,
    summary: { chunks: chunks.length, keepAlives: sse.comments, content, reasoning, finishReason, usage },
  };
}

/** Checks of the answers of `/models`, beta FIM and the Responses API (reference §5, §8). */
import { parseSse } from '../sse.js';
import { FINISH_REASONS, usageProblems } from './chat.js';

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{object: "list", data: [{id, object: "model", owned_by}]}`; returns the ids too. */
export function modelsListProblems(body: unknown): { problems: string[]; ids: string[] } {
  if (!isRecord(body) || !Array.isArray(body.data)) return { problems: ['the answer is not {object: "list", data: [...]}'], ids: [] };
  const problems: string[] = [];
  if (body.object !== 'list') problems.push(`object is ${JSON.stringify(body.object)}, not "list"`);
  const ids: string[] = [];
  for (const [i, model] of body.data.entries()) {
    if (!isRecord(model) || typeof model.id !== 'string') {
      problems.push(`data[${i}] has no id`);
      continue;
    }
    ids.push(model.id);
    if (model.object !== 'model') problems.push(`data[${i}].object is ${JSON.stringify(model.object)}, not "model"`);
    if (typeof model.owned_by !== 'string') problems.push(`data[${i}].owned_by is not a string`);
  }
  return { problems, ids };
}

/** A beta FIM `text_completion`. */
export function fimProblems(body: unknown): string[] {
  if (!isRecord(body)) return ['the answer is not a JSON object'];
  const problems: string[] = [];
  if (body.object !== 'text_completion') problems.push(`object is ${JSON.stringify(body.object)}, not "text_completion"`);
  const choice = Array.isArray(body.choices) && body.choices.length === 1 ? body.choices[0] : undefined;
  if (!isRecord(choice)) return [...problems, 'choices does not hold exactly one choice'];
  if (typeof choice.text !== 'string') problems.push('choices[0].text is not a string');
  if (!FINISH_REASONS.has(String(choice.finish_reason))) problems.push(`finish_reason ${JSON.stringify(choice.finish_reason)} is not one DeepSeek documents`);
  problems.push(...usageProblems(body.usage));
  return problems;
}

/** A Responses API `response`, with its output text. */
export function responseProblems(body: unknown): { problems: string[]; text: string } {
  if (!isRecord(body)) return { problems: ['the answer is not a JSON object'], text: '' };
  const problems: string[] = [];
  if (body.object !== 'response') problems.push(`object is ${JSON.stringify(body.object)}, not "response"`);
  if (body.status !== 'completed' && body.status !== 'incomplete') problems.push(`status is ${JSON.stringify(body.status)}, not completed or incomplete`);
  if (!Array.isArray(body.output)) return { problems: [...problems, 'output is not an array'], text: '' };
  let text = '';
  let messages = 0;
  for (const item of body.output) {
    if (!isRecord(item) || item.type !== 'message') continue;
    messages++;
    for (const part of Array.isArray(item.content) ? item.content : []) {
      if (isRecord(part) && part.type === 'output_text' && typeof part.text === 'string') text += part.text;
    }
  }
  if (messages === 0) problems.push('output holds no message item');
  const usage = body.usage;
  if (!isRecord(usage)) problems.push('usage is missing');
  else {
    const { input_tokens: input, output_tokens: output, total_tokens: total } = usage;
    if (typeof input !== 'number' || typeof output !== 'number' || typeof total !== 'number') problems.push('usage needs input_tokens, output_tokens and total_tokens');
    else if (total !== input + output) problems.push(`usage.total_tokens ${total} ≠ input_tokens ${input} + output_tokens ${output}`);
  }
  return { problems, text };
}

/** A streamed Responses answer: named semantic events, no `[DONE]` (reference §6), ending in a terminal event. */
export function responseStreamProblems(text: string): string[] {
  const sse = parseSse(text, { expectDone: false, allowEventField: true });
  const problems = [...sse.problems];
  const types = sse.events.map((e) => {
    try {
      const data = JSON.parse(e.data) as Rec;
      return String(data.type ?? e.event);
    } catch {
      problems.push(`line ${e.line}: data is not valid JSON`);
      return '';
    }
  });
  const last = types[types.length - 1];
  if (!['response.completed', 'response.incomplete', 'response.failed'].includes(last ?? '')) problems.push(`the stream did not end with response.completed (last event: ${last ?? 'none'})`);
  return problems;
}

/**
 * A strict parser for the event streams of chat completions (reference §6): `data:` lines, events
 * ended by a blank line, comment lines (`: keep-alive`) tolerated and counted, `data: [DONE]` last.
 * Anything else is a problem, reported with its line number, so a checker can say exactly what is
 * wrong with a stream rather than that "parsing failed". Pure: works on the whole text.
 */

export interface SseEvent {
  /** The event's `data:` lines joined by newlines. */
  readonly data: string;
  /** The `event:` field, where allowed (the Responses API names its events). */
  readonly event?: string;
  /** 1-based line of the event's first field. */
  readonly line: number;
}

export interface SseParse {
  readonly events: readonly SseEvent[];
  /** Comment lines seen (DeepSeek's keep-alives). */
  readonly comments: number;
  /** `data: [DONE]` was seen. */
  readonly done: boolean;
  readonly problems: readonly string[];
}

export interface SseOptions {
  /** The stream must end with `data: [DONE]` (chat completions do; the Responses API does not). */
  readonly expectDone: boolean;
  /** Accept `event:` fields (the Responses API). */
  readonly allowEventField?: boolean;
}

const MAX_PROBLEMS = 10;

export function parseSse(text: string, options: SseOptions): SseParse {
  const events: SseEvent[] = [];
  const problems: string[] = [];
  const problem = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  let comments = 0;
  let done = false;
  let data: string[] = [];
  let event: string | undefined;
  let startLine = 0;

  const dispatch = () => {
    if (data.length === 0) {
      if (event !== undefined) problem(`line ${startLine}: an event: field without data`);
      event = undefined;
      return;
    }
    const payload = data.join('\n');
    if (done) problem(`line ${startLine}: data after data: [DONE]`);
    if (payload === '[DONE]') done = true;
    else events.push({ data: payload, event, line: startLine });
    data = [];
    event = undefined;
  };

  const lines = text.split(/\r\n|\n|\r/);
  // A final newline leaves an empty last element, which is not a line of its own.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line === '') return dispatch();
    if (line.startsWith(':')) {
      comments++;
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (data.length === 0 && event === undefined) startLine = number;
    if (field === 'data') data.push(value);
    else if (field === 'event' && options.allowEventField) event = value;
    else problem(`line ${number}: unexpected ${colon === -1 ? 'text' : `field "${field}"`} in an event stream: ${JSON.stringify(line.slice(0, 80))}`);
  });
  if (data.length > 0) {
    problem(`line ${startLine}: the stream ended in the middle of an event (no blank line after it)`);
    dispatch();
  }
  if (options.expectDone && !done) problem('the stream ended without data: [DONE]');
  return { events, comments, done, problems };
}

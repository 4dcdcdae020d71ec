/**
 * Every request property of the openai SDK's `ChatCompletionCreateParamsBase` (openai 6.49.0), and what
 * DeepSeek's `POST /chat/completions` does with it in each mode (reference §1). A test reads the SDK's
 * own declarations and fails when a property is missing here or an entry here is stale.
 *
 * How fixes are chosen where the status is `unknown`:
 * - `remove` when the field is an OpenAI-side hint whose absence cannot change the output on DeepSeek
 *   (`metadata`, `store`, `service_tier`, `prediction`, the prompt-cache fields): removing it is safe
 *   whatever DeepSeek does with it.
 * - `manual` when code may rely on what the field does (`seed`, `logit_bias`, `n`, `audio`, `user`,
 *   `verbosity`, `web_search_options`...): a person must decide, and the conformance check probes it.
 *
 * A param-level `fix` is what to do in a mode whose status is not `supported`; in a mode where it is
 * `supported` there is nothing to do (`paramVerdict` returns `{ kind: 'none' }` there).
 */
import type { ExtensionParam, ParamEntry, ParamStatus, PerMode } from './types.js';

const both = (status: ParamStatus): PerMode<ParamStatus> => ({ thinking: status, 'non-thinking': status });
const modes = (nonThinking: ParamStatus, thinking: ParamStatus): PerMode<ParamStatus> => ({
  thinking,
  'non-thinking': nonThinking,
});

export const RESPONSE_FORMAT_UNAVAILABLE = 'This response_format type is unavailable now';
export const THINKING_TOOL_CHOICE_ERROR = 'Thinking mode does not support this tool_choice';
export const JSON_WORD_REQUIRED_ERROR =
  "Prompt must contain the word 'json' in some form to use 'response_format' of type 'json_object'.";

export const LEGACY_FUNCTION_CALLING_TRANSFORM = 'legacy-function-calling';

export const CHAT_PARAMS: readonly ParamEntry[] = [
  // reference §1 messages / roles: roles and content parts are detailed in messages.ts.
  {
    name: 'messages',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Supported. Roles system, user, assistant and tool only; only user content may be an array of parts.',
    source: { ref: 'reference §1 messages[].role', confidence: 'documented' },
  },
  // reference §1 model: model ids are detailed in models.ts.
  {
    name: 'model',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Use deepseek-flash or deepseek-v4-pro; any other name fails with 400 Model Not Exist.',
    source: { ref: 'reference §1 model', confidence: 'documented' },
  },
  // reference §1 modalities, audio: no audio models; error vs ignore is unknown.
  {
    name: 'audio',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice: 'DeepSeek has no audio output: remove `audio` (and `modalities`) and the code that reads `message.audio`.',
    },
    note: 'DeepSeek has no audio models; whether the field is ignored or rejected is not known.',
    source: { ref: 'reference §1 modalities, audio', confidence: 'unknown' },
  },
  // reference §1 presence_penalty / frequency_penalty: deprecated, "It will not take effect".
  {
    name: 'frequency_penalty',
    status: both('ignored'),
    fix: { kind: 'remove' },
    note: 'Silently ignored: DeepSeek marks it deprecated ("no longer supported. It will not take effect").',
    source: { ref: 'reference §1 presence_penalty / frequency_penalty', confidence: 'documented' },
  },
  // reference §1 functions / function_call, §4 legacy, §13: not documented, probably ignored.
  {
    name: 'function_call',
    status: both('unknown'),
    fix: {
      kind: 'replace',
      transform: LEGACY_FUNCTION_CALLING_TRANSFORM,
      description: 'rewrite `function_call` to `tool_choice`',
    },
    note: 'Not documented by DeepSeek; probably ignored silently, so no function gets called. Use `tool_choice`.',
    source: { ref: 'reference §1 functions / function_call', confidence: 'unknown' },
  },
  // reference §1 functions / function_call, §4 legacy, §13.
  {
    name: 'functions',
    status: both('unknown'),
    fix: {
      kind: 'replace',
      transform: LEGACY_FUNCTION_CALLING_TRANSFORM,
      description: 'rewrite `functions` to `tools` of type "function"',
    },
    note: 'Not documented by DeepSeek; probably ignored silently, so the model never calls your functions. Use `tools`.',
    source: { ref: 'reference §1 functions / function_call', confidence: 'unknown' },
  },
  // reference §1 logit_bias: [?] probably ignored.
  {
    name: 'logit_bias',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice: 'Not documented by DeepSeek: token bans or boosts may have no effect. Remove it and check the outputs.',
    },
    note: 'Not documented by DeepSeek; probably ignored, so token bans and boosts would not apply.',
    source: { ref: 'reference §1 logit_bias', confidence: 'unknown' },
  },
  // reference §1 logprobs / top_logprobs: in the V4 API ref (with logprobs of reasoning_content).
  {
    name: 'logprobs',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Supported; in thinking mode the response also has logprobs of reasoning_content (the R1 era rejected it).',
    source: { ref: 'reference §1 logprobs / top_logprobs', confidence: 'documented' },
  },
  // reference §1 max_completion_tokens, §12 #11: silently ignored.
  {
    name: 'max_completion_tokens',
    status: both('ignored'),
    fix: { kind: 'rename', to: 'max_tokens' },
    note: 'Silently ignored: the output cap disappears and the server default applies. DeepSeek reads `max_tokens`.',
    source: { ref: 'reference §1 max_completion_tokens; §12 #11', confidence: 'documented' },
  },
  // reference §1 max_tokens, §2.2: max output 384K; counts CoT + answer in thinking mode.
  {
    name: 'max_tokens',
    status: both('supported'),
    values: [
      // reference §14 #8: behaviour above 384K is not known.
      {
        match: { kind: 'greater-than', value: 384_000 },
        label: 'max_tokens > 384K',
        status: both('unknown'),
        fix: { kind: 'manual', advice: 'Use at most 384000: DeepSeek\'s documented maximum output is 384K tokens.' },
        note: 'Above the documented 384K maximum output; the error text and valid range are not known.',
        source: { ref: 'reference §2.2 models; §14 #8', confidence: 'unknown' },
      },
    ],
    fix: { kind: 'none' },
    note: 'Supported, up to 384K. In thinking mode it caps reasoning plus answer together.',
    source: { ref: 'reference §1 max_tokens', confidence: 'documented' },
  },
  // reference §1 store, metadata, service_tier: chat [?]; the Responses API ignores them silently.
  {
    name: 'metadata',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented for chat (the Responses API ignores it silently). It only tags stored completions on OpenAI.',
    source: { ref: 'reference §1 store, metadata, service_tier', confidence: 'unknown' },
  },
  // reference §1 modalities, audio.
  {
    name: 'modalities',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice: 'DeepSeek outputs text only: remove `modalities` (and `audio`); code reading `message.audio` gets nothing.',
    },
    note: 'DeepSeek outputs text only; whether `modalities` is ignored or rejected is not known.',
    source: { ref: 'reference §1 modalities, audio', confidence: 'unknown' },
  },
  // Not in the reference: OpenAI's moderated completions; DeepSeek serves no moderation (reference §8).
  {
    name: 'moderation',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice: 'DeepSeek has no moderation: remove `moderation` and moderate input and output elsewhere.',
    },
    note: 'Not documented by DeepSeek, which serves no moderation; no moderation results will come back.',
    source: { ref: 'reference §8 moderations', confidence: 'unknown' },
  },
  // reference §1 n, §12 #12: not documented; historically n > 1 errored.
  {
    name: 'n',
    status: both('unknown'),
    values: [
      {
        match: { kind: 'greater-than', value: 1 },
        label: 'n > 1',
        status: both('unknown'),
        fix: { kind: 'manual', advice: 'Send n separate requests instead: DeepSeek historically returned only one choice.' },
        note: 'Not documented; historically only n = 1 worked (n > 1 errored). V4 behaviour is not known.',
        source: { ref: 'reference §1 n; §12 #12', confidence: 'unknown' },
      },
      {
        match: { kind: 'equals', value: 1 },
        label: 'n = 1',
        status: both('supported'),
        fix: { kind: 'none' },
        note: 'n = 1 is what DeepSeek has always done.',
        source: { ref: 'reference §1 n; §12 #12', confidence: 'observed' },
      },
    ],
    fix: { kind: 'manual', advice: 'Send separate requests for several choices: DeepSeek historically returned only one.' },
    note: 'Not documented by DeepSeek; historically only n = 1 worked.',
    source: { ref: 'reference §1 n', confidence: 'unknown' },
  },
  // reference §1 parallel_tool_calls, §4: parallel calls always on (Responses doc); chat [?].
  {
    name: 'parallel_tool_calls',
    status: both('unknown'),
    values: [
      {
        match: { kind: 'equals', value: true },
        label: 'parallel_tool_calls: true',
        status: both('unknown'),
        fix: { kind: 'remove' },
        note: 'Parallel tool calls are always on at DeepSeek; removing the field changes nothing.',
        source: { ref: 'reference §4 parallel_tool_calls', confidence: 'unknown' },
      },
      {
        match: { kind: 'equals', value: false },
        label: 'parallel_tool_calls: false',
        status: both('unknown'),
        fix: {
          kind: 'manual',
          advice: 'Parallel tool calls are always on at DeepSeek: handle several tool calls per turn.',
        },
        note: 'Probably no effect: DeepSeek always allows parallel tool calls, so one turn may still hold several.',
        source: { ref: 'reference §4 parallel_tool_calls', confidence: 'unknown' },
      },
    ],
    fix: { kind: 'manual', advice: 'Parallel tool calls are always on at DeepSeek: handle several tool calls per turn.' },
    note: 'Not documented for chat; DeepSeek always allows parallel tool calls (the Responses API ignores the field).',
    source: { ref: 'reference §1 parallel_tool_calls; §4', confidence: 'unknown' },
  },
  // reference §1 prediction: [?].
  {
    name: 'prediction',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented by DeepSeek: predicted outputs (a latency optimisation) do not exist there.',
    source: { ref: 'reference §1 prediction', confidence: 'unknown' },
  },
  // reference §1 presence_penalty / frequency_penalty: deprecated, "It will not take effect".
  {
    name: 'presence_penalty',
    status: both('ignored'),
    fix: { kind: 'remove' },
    note: 'Silently ignored: DeepSeek marks it deprecated ("no longer supported. It will not take effect").',
    source: { ref: 'reference §1 presence_penalty / frequency_penalty', confidence: 'documented' },
  },
  // reference §8 responses (ignored there), §5 context caching: chat [?]; caching is automatic.
  {
    name: 'prompt_cache_key',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note:
      'Not documented for chat (the Responses API ignores it). DeepSeek caches prompt prefixes automatically; `user_id` isolates the cache per user.',
    source: { ref: 'reference §8 responses; §5 context caching', confidence: 'unknown' },
  },
  // reference §5 context caching: automatic, no cache controls.
  {
    name: 'prompt_cache_options',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented by DeepSeek, whose prompt cache is automatic and has no breakpoints or TTL.',
    source: { ref: 'reference §5 context caching', confidence: 'unknown' },
  },
  // reference §5 context caching: unused caches expire in "hours to days", not configurable.
  {
    name: 'prompt_cache_retention',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented by DeepSeek: cache lifetime is not configurable (unused caches expire in hours to days).',
    source: { ref: 'reference §5 context caching', confidence: 'unknown' },
  },
  // reference §1 reasoning_effort, §2.3: low/high/max in thinking mode; with thinking off: don't send it ([?] §14 #6).
  {
    name: 'reasoning_effort',
    status: modes('unknown', 'supported'),
    values: [
      {
        match: { kind: 'equals', value: 'none' },
        label: "reasoning_effort: 'none'",
        status: both('unknown'),
        fix: {
          kind: 'manual',
          advice: 'To turn reasoning off, send thinking: { type: "disabled" } and drop `reasoning_effort`.',
        },
        note: "Not a DeepSeek chat effort ('none' turns thinking off only in its Responses API). Use thinking: { type: \"disabled\" }.",
        source: { ref: 'reference §2.3 thinking toggle and effort', confidence: 'unknown' },
      },
    ],
    fix: { kind: 'remove' },
    note:
      'Thinking mode: low, high or max (minimal → low, medium and xhigh → high, ultra → max; default high). With thinking off, do not send it: what happens is not known.',
    source: { ref: 'reference §1 reasoning_effort; §2.3', confidence: 'documented' },
  },
  // reference §1 response_format, §5 JSON output, §12 #5 #6.
  {
    name: 'response_format',
    status: both('supported'),
    values: [
      // reference §12 #5: 400 `This response_format type is unavailable now`.
      {
        match: { kind: 'property-equals', path: 'type', value: 'json_schema' },
        label: 'json_schema',
        status: both('rejected'),
        fix: {
          kind: 'manual',
          advice:
            "Use { type: 'json_object' }, put the schema and the word 'json' in the prompt, and validate the output yourself.",
        },
        error: RESPONSE_FORMAT_UNAVAILABLE,
        note: 'Rejected with HTTP 400: DeepSeek chat has no structured outputs (only text and json_object).',
        source: { ref: 'reference §1 response_format json_schema; §12 #5', confidence: 'documented' },
      },
      // reference §5 JSON output, §12 #6: the prompt must contain "json".
      {
        match: { kind: 'property-equals', path: 'type', value: 'json_object' },
        label: 'json_object',
        status: both('supported'),
        fix: { kind: 'none' },
        note: "Supported, but the prompt must contain the word 'json' or the call fails with 400; content may occasionally be empty.",
        source: { ref: 'reference §1 response_format json_object; §5', confidence: 'documented' },
      },
      {
        match: { kind: 'property-equals', path: 'type', value: 'text' },
        label: 'text',
        status: both('supported'),
        fix: { kind: 'none' },
        note: 'Supported (the default).',
        source: { ref: 'reference §1 response_format', confidence: 'documented' },
      },
    ],
    fix: { kind: 'none' },
    note: "Types text and json_object only; json_schema is rejected. JSON mode needs the word 'json' in the prompt.",
    source: { ref: 'reference §1 response_format', confidence: 'documented' },
  },
  // reference §8 responses (ignored there): chat [?].
  {
    name: 'safety_identifier',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice:
        "Not documented for chat. DeepSeek's per-user field is `user_id` ([a-zA-Z0-9-_], at most 512 characters): rename it if the value fits.",
    },
    note: "Not documented for chat (the Responses API ignores it). DeepSeek's per-user field is `user_id`.",
    source: { ref: 'reference §8 responses; §1 user', confidence: 'unknown' },
  },
  // reference §1 seed: [?]; Vercel warns "unsupported".
  {
    name: 'seed',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice: 'Not documented by DeepSeek: do not rely on reproducible outputs. Remove `seed` or keep it knowingly.',
    },
    note: 'Not documented by DeepSeek (the Vercel AI SDK flags it unsupported): outputs are probably not reproducible.',
    source: { ref: 'reference §1 seed', confidence: 'unknown' },
  },
  // reference §1 store, metadata, service_tier.
  {
    name: 'service_tier',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented for chat (the Responses API ignores it). DeepSeek has no tiers; it bills off-peak hours at half price instead.',
    source: { ref: 'reference §1 store, metadata, service_tier', confidence: 'unknown' },
  },
  // reference §1 stop: API ref, up to 16; not in the thinking guide's unsupported list.
  {
    name: 'stop',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Supported: a string or up to 16 strings.',
    source: { ref: 'reference §1 stop', confidence: 'documented' },
  },
  // reference §1 store, metadata, service_tier; §8: DeepSeek has no stored completions.
  {
    name: 'store',
    status: both('unknown'),
    fix: { kind: 'remove' },
    note: 'Not documented for chat (the Responses API treats it as always false): nothing is stored for distillation or evals.',
    source: { ref: 'reference §1 store, metadata, service_tier', confidence: 'unknown' },
  },
  // reference §1 stream, §6 streaming.
  {
    name: 'stream',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Supported (SSE, ends with data: [DONE]); thinking mode streams delta.reasoning_content first. Under load, ": keep-alive" comments arrive.',
    source: { ref: 'reference §1 stream; §6', confidence: 'documented' },
  },
  // reference §1 stream_options.include_usage, §6: usage rides on the last content chunk.
  {
    name: 'stream_options',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'include_usage is supported, but usage rides on the last content chunk (choices has one element), not on a separate chunk with empty choices as at OpenAI.',
    source: { ref: 'reference §1 stream_options.include_usage; §6', confidence: 'documented' },
  },
  // reference §1 temperature: ignored in thinking mode (guides/thinking_mode).
  {
    name: 'temperature',
    status: modes('supported', 'ignored'),
    fix: { kind: 'remove' },
    note: 'Silently ignored in thinking mode (the default). It works only with thinking: { type: "disabled" }.',
    source: { ref: 'reference §1 temperature', confidence: 'documented' },
  },
  // reference §1 tool_choice, §4, §12 #7: thinking mode rejects it (DeepSeek's own agent guide).
  {
    name: 'tool_choice',
    status: modes('supported', 'rejected'),
    values: [
      // reference §12 #7: seen for 'required'.
      {
        match: { kind: 'equals', value: 'required' },
        label: "'required'",
        status: modes('supported', 'rejected'),
        fix: {
          kind: 'manual',
          advice:
            'Thinking mode cannot force a tool call: drop `tool_choice` (the model decides) or turn thinking off with thinking: { type: "disabled" }.',
        },
        error: THINKING_TOOL_CHOICE_ERROR,
        note: 'Rejected with HTTP 400 in thinking mode (the default); supported with thinking off.',
        source: { ref: 'reference §1 tool_choice; §12 #7', confidence: 'documented' },
      },
      // reference §4 tool_choice: allowed_tools is not documented by DeepSeek.
      {
        match: { kind: 'property-equals', path: 'type', value: 'allowed_tools' },
        label: 'allowed_tools',
        status: both('unknown'),
        fix: { kind: 'manual', advice: 'Pass only the allowed tools in `tools` instead.' },
        note: 'Not documented by DeepSeek, which knows none, auto, required and a named function only.',
        source: { ref: 'reference §4 tool_choice', confidence: 'unknown' },
      },
      // reference §12 #7: seen for a named function.
      {
        match: { kind: 'object' },
        label: 'a named tool',
        status: modes('supported', 'rejected'),
        fix: {
          kind: 'manual',
          advice:
            'Thinking mode cannot force a tool call: drop `tool_choice` (the model decides) or turn thinking off with thinking: { type: "disabled" }.',
        },
        error: THINKING_TOOL_CHOICE_ERROR,
        note: 'Rejected with HTTP 400 in thinking mode (the default); supported with thinking off.',
        source: { ref: 'reference §1 tool_choice; §12 #7', confidence: 'documented' },
      },
      // reference §4: unclear whether auto is accepted in thinking mode.
      {
        match: { kind: 'equals', value: 'auto' },
        label: "'auto'",
        status: modes('supported', 'unknown'),
        fix: { kind: 'remove' },
        note: "In thinking mode, 'auto' may be rejected (sources disagree); it is the default with tools, so removing it changes nothing.",
        source: { ref: 'reference §4 tool_choice', confidence: 'unknown' },
      },
      // reference §4: unclear whether none is accepted in thinking mode.
      {
        match: { kind: 'equals', value: 'none' },
        label: "'none'",
        status: modes('supported', 'unknown'),
        fix: {
          kind: 'manual',
          advice: "To stop tool calls in thinking mode, do not send `tools` rather than tool_choice: 'none'.",
        },
        note: "In thinking mode, 'none' may be rejected (sources disagree). Removing it would let the model call tools.",
        source: { ref: 'reference §4 tool_choice', confidence: 'unknown' },
      },
    ],
    fix: { kind: 'remove' },
    error: THINKING_TOOL_CHOICE_ERROR,
    note: "DeepSeek's thinking mode (the default) rejects tool_choice; with thinking off, none, auto, required and a named function work.",
    source: { ref: 'reference §1 tool_choice; §4', confidence: 'documented' },
  },
  // reference §1 tools, §4: function tools only, max 128; strict is beta-only.
  {
    name: 'tools',
    status: both('supported'),
    fix: { kind: 'none' },
    note: "Function tools only (at most 128); custom tools fail with unknown variant ... expected 'function'. `strict: true` needs the /beta base URL.",
    source: { ref: 'reference §1 tools; §4', confidence: 'documented' },
  },
  // reference §1 logprobs / top_logprobs (≤ 20).
  {
    name: 'top_logprobs',
    status: both('supported'),
    fix: { kind: 'none' },
    note: 'Supported, up to 20, with logprobs: true.',
    source: { ref: 'reference §1 logprobs / top_logprobs', confidence: 'documented' },
  },
  // reference §1 top_p: thinking mode unclear (older docs: ignored; a 3P summary: clamped to [0.95, 1]).
  {
    name: 'top_p',
    status: modes('supported', 'unknown'),
    fix: { kind: 'remove' },
    note: 'Works with thinking off. In thinking mode (the default) older docs say it is ignored and newer ones are silent: expect no effect.',
    source: { ref: 'reference §1 top_p', confidence: 'unknown' },
  },
  // reference §1 user: not documented for chat; DeepSeek uses user_id ([a-zA-Z0-9-_], ≤ 512).
  {
    name: 'user',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice:
        "DeepSeek's per-user field is `user_id` (only [a-zA-Z0-9-_], at most 512 characters): rename it if the value fits, e.g. a hash; an email would not.",
    },
    note: "Not documented for chat; what it does there is not known. DeepSeek's field is `user_id` (per-user scheduling and cache isolation).",
    source: { ref: 'reference §1 user', confidence: 'unknown' },
  },
  // Not in the reference: OpenAI's verbosity has no documented DeepSeek counterpart.
  {
    name: 'verbosity',
    status: both('unknown'),
    fix: { kind: 'manual', advice: 'No DeepSeek equivalent is documented: ask for the length you want in the prompt.' },
    note: 'Not documented by DeepSeek: answer length will not follow it.',
    source: { ref: 'reference §1 (not listed)', confidence: 'unknown' },
  },
  // reference §1 web_search_options: not in chat; only the Responses web_search tool.
  {
    name: 'web_search_options',
    status: both('unknown'),
    fix: {
      kind: 'manual',
      advice:
        "DeepSeek chat has no web search: use the Responses API's web_search tool, or DeepSeek's /v1/tools/search, and pass results in.",
    },
    note: 'Not supported in chat (web search exists only as a Responses API tool); whether it is ignored or rejected is not known.',
    source: { ref: 'reference §1 web_search_options', confidence: 'unknown' },
  },
];

/** DeepSeek-only request fields. The openai SDK's types do not know them: TypeScript needs a cast. */
export const EXTENSION_PARAMS: readonly ExtensionParam[] = [
  // reference §1 thinking, §2.3: on by default.
  {
    name: 'thinking',
    in: 'body',
    description:
      'Turns thinking on or off: { type: "enabled" } (the default) or { type: "disabled" }. In the openai Node SDK, put it in the params object (with a cast).',
    source: { ref: 'reference §1 DeepSeek extensions thinking; §2.3', confidence: 'documented' },
  },
  // reference §1 user_id, §7: [a-zA-Z0-9-_], ≤ 512 chars; per-user scheduling and KV-cache isolation.
  {
    name: 'user_id',
    in: 'body',
    description:
      'Identifies your end user ([a-zA-Z0-9-_], at most 512 characters): per-user scheduling, concurrency and KV-cache isolation.',
    source: { ref: 'reference §1 user_id; §5 context caching; §7 rate limiting', confidence: 'documented' },
  },
  // reference §1 assistant prefix, §5 Chat Prefix Completion: beta only.
  {
    name: 'prefix',
    in: 'assistant-message',
    beta: true,
    description:
      'prefix: true on the last (assistant) message makes the model continue that text (Chat Prefix Completion). Needs the /beta base URL.',
    source: { ref: 'reference §1 assistant prefix; §5 Chat Prefix Completion', confidence: 'documented' },
  },
  // reference §3: pass back on every assistant turn when the request has tools, or 400.
  {
    name: 'reasoning_content',
    in: 'assistant-message',
    description:
      'The reasoning of an earlier assistant turn. With `tools` in the request it must be passed back on every assistant turn, or the call fails with 400; without tools it is ignored. Clients send an empty string where a turn had none.',
    source: { ref: 'reference §3 reasoning_content', confidence: 'documented' },
  },
];

/**
 * A value to send for each chat parameter of the compat data, so every claim about it can be tested
 * with one cheap request. A parameter either has samples (one per value rule, plus one for the
 * parameter itself where a value reaches it), or says which probes already cover it. A test checks
 * that every parameter and every value rule of src/compat/chat-params.ts is reached, so a new entry in
 * the data cannot go unprobed.
 */
import type { StaticValue } from '../../compat/index.js';
import { JSON_PROMPT, WEATHER_FUNCTION, WEATHER_TOOL } from './shared.js';

export interface ParamSample {
  readonly value: StaticValue;
  /** Other fields the value needs to make sense (tools for tool_choice). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** The probe is about an output cap itself: leave `max_tokens` out. */
  readonly uncapped?: boolean;
  /** The user prompt, when the default would not do (JSON mode needs the word "json"). */
  readonly prompt?: string;
  /** How to see that the parameter had no effect, for claims of `ignored`. */
  readonly effect?: 'output-longer-than-value';
}

export type SampleEntry = { readonly samples: readonly ParamSample[] } | { readonly coveredBy: string };

const tools = { tools: [WEATHER_TOOL] };
const tool = (value: StaticValue): ParamSample => ({ value, extra: tools });
const COUNT_PROMPT = 'Count from 1 to 10, separated by spaces.';

export const PARAM_SAMPLES: Readonly<Record<string, SampleEntry>> = {
  messages: { coveredBy: 'every probe (messages are always sent)' },
  model: { coveredBy: 'the model probes (data: model:*) and protocol.errors.unknown-model' },
  stream: { coveredBy: 'the streaming probes (protocol.stream.*, sdk.stream)' },
  stream_options: { coveredBy: 'the streaming probes, which send include_usage' },
  tools: { coveredBy: 'the tool probes (protocol.tools.*, sdk.tools)' },
  max_tokens: { samples: [{ value: 400_000, uncapped: true }] },
  audio: { samples: [{ value: { voice: 'alloy', format: 'mp3' } }] },
  frequency_penalty: { samples: [{ value: 0.5 }] },
  function_call: { samples: [{ value: 'auto', extra: { functions: [WEATHER_FUNCTION] } }] },
  functions: { samples: [{ value: [WEATHER_FUNCTION] as unknown as StaticValue }] },
  logit_bias: { samples: [{ value: { '1000': -100 } }] },
  logprobs: { samples: [{ value: true }] },
  // A cap of 1 token on a prompt that needs ~20: ignored means the answer is longer.
  max_completion_tokens: { samples: [{ value: 1, uncapped: true, prompt: COUNT_PROMPT, effect: 'output-longer-than-value' }] },
  metadata: { samples: [{ value: { probe: 'ds-migrate' } }] },
  modalities: { samples: [{ value: ['text'] }] },
  moderation: { samples: [{ value: { model: 'omni-moderation-latest' } }] },
  n: { samples: [{ value: 2 }, { value: 1 }] },
  parallel_tool_calls: { samples: [tool(true), tool(false)] },
  prediction: { samples: [{ value: { type: 'content', content: 'ok' } }] },
  presence_penalty: { samples: [{ value: 0.5 }] },
  prompt_cache_key: { samples: [{ value: 'ds-migrate-probe' }] },
  prompt_cache_options: { samples: [{ value: { mode: 'implicit' } }] },
  prompt_cache_retention: { samples: [{ value: '24h' }] },
  reasoning_effort: { samples: [{ value: 'high' }, { value: 'none' }] },
  response_format: {
    samples: [
      {
        value: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false },
          },
        },
        prompt: JSON_PROMPT,
      },
      { value: { type: 'json_object' }, prompt: JSON_PROMPT },
      { value: { type: 'text' } },
    ],
  },
  safety_identifier: { samples: [{ value: 'probe-user' }] },
  seed: { samples: [{ value: 42 }] },
  service_tier: { samples: [{ value: 'auto' }] },
  stop: { samples: [{ value: ['\n\n'] }] },
  store: { samples: [{ value: false }] },
  temperature: { samples: [{ value: 0.5 }] },
  tool_choice: {
    samples: [
      tool('required'),
      tool({ type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_weather' } }] } }),
      tool({ type: 'function', function: { name: 'get_weather' } }),
      tool('auto'),
      tool('none'),
    ],
  },
  top_logprobs: { samples: [{ value: 2, extra: { logprobs: true } }] },
  top_p: { samples: [{ value: 0.9 }] },
  user: { samples: [{ value: 'probe-user' }] },
  verbosity: { samples: [{ value: 'low' }] },
  web_search_options: { samples: [{ value: {} }] },
};

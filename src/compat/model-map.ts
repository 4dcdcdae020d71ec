/**
 * Where code using an OpenAI model (or an old DeepSeek name) should go: a DeepSeek model AND a thinking
 * mode. Thinking is on by default at DeepSeek, so a non-reasoning OpenAI model must map to non-thinking,
 * or latency, cost and temperature semantics change silently.
 *
 * - Non-reasoning models (gpt-4o, gpt-4.1, gpt-4, gpt-3.5...) → deepseek-flash, non-thinking.
 * - Reasoning models: flagships (o1, o3, gpt-5...) → deepseek-v4-pro, thinking; mini / nano → deepseek-flash, thinking.
 *
 * The first matching rule wins, so more specific patterns come first (`gpt-5*-mini*` before `gpt-5*`).
 * A `*` matches any run of characters (usually trailing; `gpt-5*-mini*` also catches `gpt-5.4-mini`).
 * Matching is case-sensitive. Dated snapshots (`gpt-4o-2024-08-06`) match their family's pattern.
 * `mapModel` (lookups.ts) checks `NO_EQUIVALENT` before these rules.
 */
import type { ModelMapRule, NoEquivalentRule, ReasoningEffortMap } from './types.js';

const FLASH = 'deepseek-flash';
const PRO = 'deepseek-v4-pro';

const NON_REASONING = 'a non-reasoning model: deepseek-flash with thinking off keeps latency, cost and temperature as they were';
const SMALL_REASONING = 'a small reasoning model: deepseek-flash in thinking mode';
const FLAGSHIP_REASONING = 'a flagship reasoning model: deepseek-v4-pro in thinking mode';

export const MODEL_MAP: readonly ModelMapRule[] = [
  // ---------------------------------------------------------------------------------------------
  // Old DeepSeek names and their variants (models.ts has the exact ids; these catch the rest).

  // reference §2.2: legacy aliases served by V4.1-Flash; thinking stays DeepSeek's default.
  { from: 'deepseek-v4-flash*', to: FLASH, thinking: 'thinking', reason: 'a legacy DeepSeek alias, served by deepseek-flash' },
  // reference §2.2: deepseek-chat was the non-thinking mode, deepseek-reasoner the thinking mode.
  { from: 'deepseek-chat*', to: FLASH, thinking: 'non-thinking', reason: 'retired deepseek-chat was the non-thinking mode' },
  { from: 'deepseek-reasoner*', to: FLASH, thinking: 'thinking', reason: 'retired deepseek-reasoner was the thinking mode' },
  // reference §13: V3-era names were never DeepSeek API ids; V3 was served as deepseek-chat.
  { from: 'deepseek-v3*', to: FLASH, thinking: 'non-thinking', reason: 'a V3 name (never a DeepSeek API id); V3 chat was non-thinking' },
  { from: 'deepseek-coder*', to: FLASH, thinking: 'non-thinking', reason: 'the 2024 coder model, merged into non-thinking chat' },
  { from: 'deepseek-v2*', to: FLASH, thinking: 'non-thinking', reason: 'a V2 name (never a DeepSeek API id); V2 chat was non-thinking' },
  { from: 'deepseek-r1*', to: FLASH, thinking: 'thinking', reason: 'an R1 name (never a DeepSeek API id); R1 was the thinking model' },
  // Hugging Face style ids used by third-party hosts.
  { from: 'deepseek-ai/DeepSeek-R1*', to: FLASH, thinking: 'thinking', reason: 'a third-party host id of R1, the thinking model' },
  { from: 'deepseek-ai/DeepSeek-V3*', to: FLASH, thinking: 'non-thinking', reason: 'a third-party host id of V3 chat, non-thinking' },

  // ---------------------------------------------------------------------------------------------
  // GPT-5 family

  // gpt-5-chat-latest and later *-chat-latest snapshots are ChatGPT's fast, non-reasoning models.
  { from: 'gpt-5*-chat*', to: FLASH, thinking: 'non-thinking', reason: "ChatGPT's chat snapshot, " + NON_REASONING },
  { from: 'gpt-5*-mini*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  { from: 'gpt-5*-nano*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  // gpt-5, gpt-5.x, -pro, -codex, dated snapshots.
  { from: 'gpt-5*', to: PRO, thinking: 'thinking', reason: FLAGSHIP_REASONING },

  // ---------------------------------------------------------------------------------------------
  // o-series and other reasoning models

  { from: 'o1-mini*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  { from: 'o1*', to: PRO, thinking: 'thinking', reason: FLAGSHIP_REASONING },
  { from: 'o3-mini*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  // o3, o3-pro, o3-deep-research.
  { from: 'o3*', to: PRO, thinking: 'thinking', reason: FLAGSHIP_REASONING },
  { from: 'o4-mini*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  { from: 'codex-mini*', to: FLASH, thinking: 'thinking', reason: SMALL_REASONING },
  { from: 'gpt-oss*', to: FLASH, thinking: 'thinking', reason: "OpenAI's open-weights reasoning model, " + SMALL_REASONING },

  // ---------------------------------------------------------------------------------------------
  // Non-reasoning models

  { from: 'gpt-4o-mini*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  // gpt-4o and its dated snapshots (gpt-4o-2024-08-06), gpt-4o-search-preview.
  { from: 'gpt-4o*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  { from: 'chatgpt-4o*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  { from: 'gpt-4.5*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  { from: 'gpt-4.1*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  // gpt-4, gpt-4-turbo, gpt-4-32k, gpt-4-vision-preview, dated snapshots.
  { from: 'gpt-4*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  // gpt-3.5-turbo, -16k, -instruct, dated snapshots.
  { from: 'gpt-3.5-turbo*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
  { from: 'text-davinci*', to: FLASH, thinking: 'non-thinking', reason: NON_REASONING },
];

/**
 * OpenAI model families DeepSeek has nothing for (reference §8: no embeddings, images, audio,
 * moderation, realtime). Code using them must keep another provider; ds-migrate never rewrites them.
 */
export const NO_EQUIVALENT: readonly NoEquivalentRule[] = [
  { from: '*embedding*', kind: 'embedding', reason: 'DeepSeek has no embeddings API' },
  { from: 'dall-e*', kind: 'image', reason: 'DeepSeek has no image generation' },
  { from: '*image*', kind: 'image', reason: 'DeepSeek has no image generation' },
  { from: 'whisper*', kind: 'audio', reason: 'DeepSeek has no speech-to-text' },
  { from: 'tts-*', kind: 'audio', reason: 'DeepSeek has no text-to-speech' },
  { from: '*-tts*', kind: 'audio', reason: 'DeepSeek has no text-to-speech' },
  { from: '*transcribe*', kind: 'audio', reason: 'DeepSeek has no speech-to-text' },
  { from: '*audio*', kind: 'audio', reason: 'DeepSeek has no audio input or output' },
  { from: '*realtime*', kind: 'realtime', reason: 'DeepSeek has no Realtime (WebSocket) API' },
  { from: '*moderation*', kind: 'moderation', reason: 'DeepSeek has no moderation API' },
  { from: 'sora*', kind: 'video', reason: 'DeepSeek has no video generation' },
  { from: 'computer-use*', kind: 'computer-use', reason: 'DeepSeek has no computer-use tool' },
];

// reference §2.3 (DeepSeek's thinking_mode guide, newest): what DeepSeek runs for each effort value.
export const REASONING_EFFORT: ReasoningEffortMap = {
  minimal: 'low',
  low: 'low',
  medium: 'high',
  high: 'high',
  xhigh: 'high',
  max: 'max',
  ultra: 'max',
};

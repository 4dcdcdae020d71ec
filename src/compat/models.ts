/**
 * DeepSeek model ids: the two served today, the legacy aliases DeepSeek still routes, the retired ids,
 * and names that never existed on the official API but appear in tutorials and code.
 *
 * Ids are case-sensitive, as DeepSeek's are. Limits are DeepSeek's own round figures ("1M", "384K"),
 * written as the lower bound (1_000_000, 384_000): whether DeepSeek counts K as 1000 or 1024 is not
 * documented (its legacy errors used 1024: 128K = 131072, reference §12 #10).
 */
import type { ModelInfo } from './types.js';

const MODEL_NOT_EXIST = 'Model Not Exist';

export const MODELS: readonly ModelInfo[] = [
  // ---------------------------------------------------------------------------------------------
  // Current

  // reference §2.2: canonical Flash id since 2026-09-10, serving V4.1-Flash-1017.
  {
    id: 'deepseek-flash',
    status: 'current',
    servedBy: 'DeepSeek-V4.1-Flash-1017',
    contextTokens: 1_000_000,
    maxOutputTokens: 384_000,
    vision: true,
    thinkingModes: ['thinking', 'non-thinking'],
    defaultThinking: 'thinking',
    fim: true,
    prefixCompletion: true,
    note:
      'DeepSeek\'s fast model, with image input. Thinking is on unless the request sends thinking: { type: "disabled" }. FIM (beta) runs in non-thinking mode only.',
    source: { ref: 'reference §2.2 models (deepseek-flash)', confidence: 'documented' },
  },
  // reference §2.2: V4-Pro-0813; a planned reroute to V4.1-Flash was reversed, the newest pricing page still lists it.
  {
    id: 'deepseek-v4-pro',
    status: 'current',
    servedBy: 'DeepSeek-V4-Pro-0813',
    contextTokens: 1_000_000,
    maxOutputTokens: 384_000,
    vision: false,
    thinkingModes: ['thinking', 'non-thinking'],
    defaultThinking: 'thinking',
    fim: true,
    prefixCompletion: true,
    note:
      'DeepSeek\'s large model. No image input. Thinking is on unless the request sends thinking: { type: "disabled" }. Account concurrency is 500 (flash: 2500).',
    source: { ref: 'reference §2.2 models (deepseek-v4-pro)', confidence: 'documented' },
  },

  // ---------------------------------------------------------------------------------------------
  // Legacy aliases: still accepted, served by V4.1-Flash, billed at the Flash price.

  // reference §2.2: legacy name, served by V4.1-Flash.
  {
    id: 'deepseek-v4-flash',
    status: 'legacy-alias',
    servedBy: 'DeepSeek-V4.1-Flash-1017',
    thinkingModes: ['thinking', 'non-thinking'],
    defaultThinking: 'thinking',
    successor: { model: 'deepseek-flash', thinking: 'thinking' },
    note: 'Legacy name, still served by V4.1-Flash at the Flash price. Use deepseek-flash, the canonical id.',
    source: { ref: 'reference §2.2 models (legacy names)', confidence: 'documented' },
  },
  // reference §2.2 and §1 image_url: legacy vision id, served by V4.1-Flash.
  {
    id: 'deepseek-v4-flash-vision-exp',
    status: 'legacy-alias',
    servedBy: 'DeepSeek-V4.1-Flash-1017',
    vision: true,
    thinkingModes: ['thinking', 'non-thinking'],
    defaultThinking: 'thinking',
    successor: { model: 'deepseek-flash', thinking: 'thinking' },
    note: 'Experimental vision id from 2026-08-21, now served by V4.1-Flash. Use deepseek-flash, which takes images natively.',
    source: { ref: 'reference §2.2 models (legacy names)', confidence: 'documented' },
  },

  // ---------------------------------------------------------------------------------------------
  // Retired: calls fail.

  // reference §2.2: retired 2026-07-24 15:59 UTC; was v4-flash non-thinking. Exact error body is unknown (§14 #12).
  {
    id: 'deepseek-chat',
    status: 'retired',
    thinkingModes: [],
    retiredOn: '2026-07-24',
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    note:
      'Retired on 2026-07-24 15:59 UTC; calls now fail with HTTP 400. It was the non-thinking mode: use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'reference §2.2 models (deepseek-chat, deepseek-reasoner); §12 #13', confidence: 'documented' },
  },
  // reference §2.2: retired 2026-07-24 15:59 UTC; was v4-flash thinking.
  {
    id: 'deepseek-reasoner',
    status: 'retired',
    thinkingModes: [],
    retiredOn: '2026-07-24',
    successor: { model: 'deepseek-flash', thinking: 'thinking' },
    note:
      'Retired on 2026-07-24 15:59 UTC; calls now fail with HTTP 400. It was the thinking mode: use deepseek-flash (thinking is the default).',
    source: { ref: 'reference §2.2 models (deepseek-chat, deepseek-reasoner); §12 #13', confidence: 'documented' },
  },
  // Not in the reference: DeepSeek's 2024-07-25 news page names deepseek-coder as an API model next to
  // deepseek-chat, so it existed; it is absent from every later model list. When it stopped is not known.
  {
    id: 'deepseek-coder',
    status: 'retired',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    note:
      'A 2024 API model, merged into deepseek-chat with V2.5 and no longer listed (date unknown). Use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'https://api-docs.deepseek.com/news/news0725', confidence: 'documented' },
  },

  // ---------------------------------------------------------------------------------------------
  // Never existed on the official API (valid ids are documented; any other name: 400 Model Not Exist).

  // reference §13 and §12 #13: deepseek-v3 → 400 Model Not Exist (coze-studio#293).
  {
    id: 'deepseek-v3',
    status: 'never-existed',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    error: MODEL_NOT_EXIST,
    note:
      'Not a DeepSeek API id (V3 was served as deepseek-chat): calls fail with 400 Model Not Exist. Use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'reference §13 model names; §12 #13', confidence: 'observed' },
  },
  // reference §13: deepseek-v3-openai appears only in a tutorial, in no indexed source.
  {
    id: 'deepseek-v3-openai',
    status: 'never-existed',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    error: MODEL_NOT_EXIST,
    note:
      'Invented by a tutorial; never a DeepSeek id: calls fail with 400 Model Not Exist. Use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'reference §13 model names', confidence: 'documented' },
  },
  // reference §13: V3.2 ids exist only on third-party clouds; DeepSeek served V3.2 as deepseek-chat/reasoner.
  {
    id: 'deepseek-v3.2',
    status: 'never-existed',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    error: MODEL_NOT_EXIST,
    note:
      'A third-party cloud id (Tencent, Huawei), not DeepSeek\'s: calls fail with 400 Model Not Exist. Use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'reference §13 model names', confidence: 'documented' },
  },
  // reference §1 model: unknown names → 400 Model Not Exist. R1 was served as deepseek-reasoner.
  {
    id: 'deepseek-r1',
    status: 'never-existed',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'thinking' },
    error: MODEL_NOT_EXIST,
    note:
      'An open-weights / third-party-host name; DeepSeek served R1 as deepseek-reasoner. Calls fail with 400 Model Not Exist. Use deepseek-flash (thinking is the default).',
    source: { ref: 'reference §1 model; §2.2', confidence: 'documented' },
  },
  // reference §1 model: unknown names → 400 Model Not Exist. V2.5 was served as deepseek-chat/deepseek-coder.
  {
    id: 'deepseek-v2.5',
    status: 'never-existed',
    thinkingModes: [],
    successor: { model: 'deepseek-flash', thinking: 'non-thinking' },
    error: MODEL_NOT_EXIST,
    note:
      'An open-weights name; DeepSeek served V2.5 as deepseek-chat. Calls fail with 400 Model Not Exist. Use deepseek-flash with thinking: { type: "disabled" }.',
    source: { ref: 'reference §1 model; §2.2', confidence: 'documented' },
  },
];

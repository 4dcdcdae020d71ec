/**
 * Every resource of the openai SDK client (openai 6.49.0) and whether DeepSeek serves it (reference §8).
 * `path` is the property path on an `OpenAI` client. Deeper resources not listed here take the entry of
 * their longest listed prefix (`beta.threads.runs.steps` → `beta.threads`); a test checks that no SDK
 * resource falls back onto a served or partial entry this way.
 *
 * Sources: DeepSeek documents what it serves; for the rest, a third-party listing of DeepSeek's whole
 * API reference in August 2026 ("chat-completions, completions, responses, models, get-user-balance",
 * plus files from 2026-08-21) is the evidence, hence 'observed'. Where neither says anything about a
 * particular call, the confidence is 'unknown'.
 */
import type { EndpointEntry, Source } from './types.js';

/** reference §8 closing note: the whole DeepSeek API reference, as listed by a third party. */
const NOT_IN_API_REFERENCE: Source = {
  ref: 'reference §8 (DeepSeek API reference lists only chat, completions, responses, models, user balance, files)',
  confidence: 'observed',
};

const notServed = (path: string, note: string, source: Source = NOT_IN_API_REFERENCE): EndpointEntry => ({
  path,
  status: 'not-served',
  note,
  source,
});

export const ENDPOINTS: readonly EndpointEntry[] = [
  // ---------------------------------------------------------------------------------------------
  // Served, fully or in part

  {
    path: 'chat',
    status: 'partial',
    limits: ['a namespace: see chat.completions'],
    note: 'Namespace of chat.completions.',
    source: { ref: 'reference §8 chat.completions.create', confidence: 'documented' },
  },
  // reference §8: chat.completions.create ✓; stored-completion methods are not in DeepSeek's API.
  {
    path: 'chat.completions',
    status: 'partial',
    methods: ['create', 'stream', 'runTools', 'parse'],
    limits: [
      'list, retrieve, update and delete (stored completions) are not served: DeepSeek stores nothing',
      'parse() with zodResponseFormat sends a json_schema response_format, which DeepSeek rejects',
      'strict function tools (zodFunction) need the /beta base URL',
    ],
    note: 'Served: create (and the SDK helpers stream, runTools, parse built on it). Parameters differ per mode: see the chat params.',
    source: { ref: 'reference §8 chat.completions.create; §1', confidence: 'documented' },
  },
  notServed(
    'chat.completions.messages',
    'Not served: it lists messages of stored completions, and DeepSeek stores none.',
  ),
  // reference §8 completions, §5 FIM: beta FIM only, non-thinking, 4K max.
  {
    path: 'completions',
    status: 'partial',
    methods: ['create'],
    beta: true,
    limits: [
      'fill-in-the-middle only (prompt + suffix), at https://api.deepseek.com/beta',
      'non-thinking mode only',
      'at most 4K output tokens',
    ],
    note: 'Only as beta FIM completion at the /beta base URL; not a general text-completion endpoint.',
    source: { ref: 'reference §8 completions.create; §5 FIM', confidence: 'documented' },
  },
  // reference §8 files: images only, purpose user_data.
  {
    path: 'files',
    status: 'partial',
    limits: [
      'images only (JPEG, PNG, GIF, WebP)',
      "purpose must be 'user_data'",
      'at most 64 MiB per file; 10,000 files and 25 GiB per key',
      'optional expires_after from 1 hour to 30 days',
    ],
    note: "Images only, for { type: 'file', file_id } content parts. Files for assistants, fine-tuning or batches do not exist.",
    source: { ref: 'reference §8 files.*', confidence: 'documented' },
  },
  // reference §8 models: list ✓, retrieve [?].
  {
    path: 'models',
    status: 'served',
    methods: ['list'],
    unknownMethods: ['retrieve'],
    limits: ['delete is not served: there are no fine-tuned models'],
    note: 'list returns deepseek-flash and deepseek-v4-pro (owned_by "deepseek"). retrieve is not documented.',
    source: { ref: 'reference §8 models.list', confidence: 'documented' },
  },
  // reference §8 responses: stateless, create only.
  {
    path: 'responses',
    status: 'partial',
    methods: ['create', 'stream', 'parse'],
    ignoredParams: [
      'previous_response_id',
      'conversation',
      'store',
      'background',
      'metadata',
      'include',
      'prompt',
      'truncation',
      'service_tier',
      'safety_identifier',
      'prompt_cache_key',
      'context_management',
      'stream_options',
    ],
    limits: [
      'stateless: previous_response_id and conversation are silently ignored, so send the whole history each time',
      'retrieve, delete, cancel and compact are not served',
      'tools: function, web_search (server-side) and custom apply_patch only; others are ignored',
      'the developer role is treated as user',
      'streams semantic events with no [DONE]',
    ],
    note: 'Stateless Responses API: create only. Parameters that need server state are silently ignored.',
    source: { ref: 'reference §8 responses.create', confidence: 'documented' },
  },
  notServed(
    'responses.inputItems',
    'Not served: the Responses API is stateless, so there are no stored input items to list.',
    { ref: 'reference §8 responses.create (retrieve not supported)', confidence: 'documented' },
  ),
  notServed(
    'responses.inputTokens',
    'Not documented by DeepSeek (token counting for a response); presumably 404. The conformance check probes it.',
    { ref: 'reference §8 responses.create', confidence: 'unknown' },
  ),
  // openai 6.x posts beta Responses to /responses?beta=true; DeepSeek documents only POST /responses.
  notServed(
    'beta.responses',
    "OpenAI's beta Responses (POST /responses?beta=true) is not documented by DeepSeek; use client.responses, which is served statelessly.",
    { ref: 'reference §8 responses.create', confidence: 'unknown' },
  ),

  // ---------------------------------------------------------------------------------------------
  // Paths of older openai SDKs that code still uses

  // openai-node MIGRATION.md (v5): "The beta.chat namespace has been removed", methods moved to chat.completions.
  {
    path: 'beta.chat',
    status: 'partial',
    sdkRemovedIn: '5.0.0',
    limits: ['a namespace: see beta.chat.completions'],
    note: 'Removed from the openai SDK in 5.0.0 (now chat.completions). Namespace of beta.chat.completions.',
    source: {
      ref: 'reference §8 chat.completions.create; https://github.com/openai/openai-node/blob/master/MIGRATION.md',
      confidence: 'documented',
    },
  },
  {
    path: 'beta.chat.completions',
    status: 'partial',
    sdkRemovedIn: '5.0.0',
    methods: ['stream', 'runTools', 'parse'],
    limits: [
      'parse() with zodResponseFormat sends a json_schema response_format, which DeepSeek rejects',
      'strict function tools (zodFunction) need the /beta base URL',
    ],
    note: 'Old SDK path of the chat helpers (moved to chat.completions in openai 5.0.0). They call chat.completions.create, which is served.',
    source: {
      ref: 'reference §8 chat.completions.create; https://github.com/openai/openai-node/blob/master/MIGRATION.md',
      confidence: 'documented',
    },
  },

  // ---------------------------------------------------------------------------------------------
  // Not served

  // reference §8 embeddings: Vercel's embeddingModel throws; no official embeddings.
  notServed('embeddings', 'Not served: DeepSeek has no embeddings API. Keep another provider for embeddings.', {
    ref: 'reference §8 embeddings',
    confidence: 'observed',
  }),
  // reference §8 images: Vercel's imageModel throws.
  notServed('images', 'Not served: DeepSeek has no image generation, edit or variation API.', {
    ref: 'reference §8 images',
    confidence: 'observed',
  }),
  // reference §8 audio: no DeepSeek doc; Bifrost lists none.
  notServed('audio', 'Not served: DeepSeek has no audio API (speech, transcription, translation).', {
    ref: 'reference §8 audio',
    confidence: 'observed',
  }),
  notServed('audio.speech', 'Not served: DeepSeek has no text-to-speech.', {
    ref: 'reference §8 audio',
    confidence: 'observed',
  }),
  notServed('audio.transcriptions', 'Not served: DeepSeek has no speech-to-text.', {
    ref: 'reference §8 audio',
    confidence: 'observed',
  }),
  notServed('audio.translations', 'Not served: DeepSeek has no audio translation.', {
    ref: 'reference §8 audio',
    confidence: 'observed',
  }),
  notServed('moderations', 'Not served: DeepSeek has no moderation API.'),
  // reference §8 batches: Bifrost lists no DeepSeek batches.
  notServed('batches', 'Not served: DeepSeek has no Batch API; send requests individually (off-peak hours are half price).', {
    ref: 'reference §8 batches',
    confidence: 'observed',
  }),
  notServed('fineTuning', 'Not served: DeepSeek offers no fine-tuning.'),
  notServed('fineTuning.jobs', 'Not served: DeepSeek offers no fine-tuning.'),
  notServed('fineTuning.checkpoints', 'Not served: DeepSeek offers no fine-tuning.'),
  notServed('fineTuning.methods', 'Not served: DeepSeek offers no fine-tuning.'),
  notServed('fineTuning.alpha', 'Not served: DeepSeek offers no fine-tuning or graders.'),
  notServed('graders', 'Not served: DeepSeek has no graders API.'),
  notServed('graders.graderModels', 'Not served: DeepSeek has no graders API.'),
  notServed('vectorStores', 'Not served: DeepSeek has no vector stores; keep your own retrieval.'),
  notServed('vectorStores.files', 'Not served: DeepSeek has no vector stores.'),
  notServed('vectorStores.fileBatches', 'Not served: DeepSeek has no vector stores.'),
  notServed(
    'webhooks',
    'Not an HTTP endpoint: it verifies the signatures of webhooks OpenAI sends, locally. DeepSeek documents no webhooks, so there is nothing to verify.',
  ),
  notServed('beta', 'Namespace of OpenAI beta APIs (assistants, threads, realtime, chatkit); DeepSeek serves none of them.'),
  notServed('beta.assistants', 'Not served: DeepSeek has no Assistants API. Use chat completions with tools.'),
  notServed('beta.threads', 'Not served: DeepSeek has no threads or runs; keep the history yourself and call chat completions.'),
  notServed('beta.threads.runs', 'Not served: DeepSeek has no threads or runs.'),
  notServed('beta.threads.messages', 'Not served: DeepSeek has no threads.'),
  // reference §6, §8 realtime: no WebSocket transport; wss probes return 404.
  notServed('beta.realtime', 'Not served: DeepSeek has no Realtime (WebSocket) API; wss URLs return 404.', {
    ref: 'reference §8 realtime; §6',
    confidence: 'observed',
  }),
  notServed('beta.chatkit', 'Not served: DeepSeek has no ChatKit.'),
  notServed('uploads', 'Not served: DeepSeek has no multipart Uploads API; images go through files.'),
  notServed('uploads.parts', 'Not served: DeepSeek has no multipart Uploads API.'),
  notServed('admin', "Not served: DeepSeek has no organization admin API (its only account endpoint is GET /user/balance)."),
  notServed('admin.organization', 'Not served: DeepSeek has no organization admin API.'),
  notServed('realtime', 'Not served: DeepSeek has no Realtime (WebSocket) API; wss URLs return 404.', {
    ref: 'reference §8 realtime; §6',
    confidence: 'observed',
  }),
  notServed('realtime.clientSecrets', 'Not served: DeepSeek has no Realtime API.', {
    ref: 'reference §8 realtime',
    confidence: 'observed',
  }),
  notServed('realtime.calls', 'Not served: DeepSeek has no Realtime API.', {
    ref: 'reference §8 realtime',
    confidence: 'observed',
  }),
  // reference §8 responses: `conversation` is silently ignored; the Responses API is stateless.
  notServed(
    'conversations',
    'Not served: DeepSeek\'s Responses API is stateless and ignores `conversation`; keep the history yourself.',
    { ref: 'reference §8 responses.create', confidence: 'documented' },
  ),
  notServed('conversations.items', 'Not served: DeepSeek has no conversations.', {
    ref: 'reference §8 responses.create',
    confidence: 'documented',
  }),
  notServed('evals', 'Not served: DeepSeek has no evals API.'),
  notServed('evals.runs', 'Not served: DeepSeek has no evals API.'),
  notServed('containers', 'Not served: DeepSeek has no code-interpreter containers.'),
  notServed('containers.files', 'Not served: DeepSeek has no code-interpreter containers.'),
  notServed('skills', 'Not served: DeepSeek has no skills API.'),
  notServed('skills.content', 'Not served: DeepSeek has no skills API.'),
  notServed('skills.versions', 'Not served: DeepSeek has no skills API.'),
  notServed('videos', 'Not served: DeepSeek has no video generation.'),
];

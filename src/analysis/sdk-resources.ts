/**
 * The shape of the openai SDK client, as far as call detection needs it: which top-level properties
 * of a client are API resources (so `client.chat.completions.create` is a call and `client.baseURL`
 * is not). This is knowledge of the SDK, not of DeepSeek; DeepSeek's verdicts live in src/compat.
 */
export const SDK_RESOURCE_ROOTS: ReadonlySet<string> = new Set([
  'completions',
  'chat',
  'embeddings',
  'files',
  'images',
  'audio',
  'moderations',
  'models',
  'fineTuning',
  'graders',
  'vectorStores',
  'webhooks',
  'beta',
  'batches',
  'uploads',
  'responses',
  'realtime',
  'conversations',
  'evals',
  'containers',
  'videos',
  'skills',
  'admin',
]);

/** Client methods that return the same client with other options (`client.withOptions({...})`). */
export const CLIENT_PASSTHROUGH_METHODS: ReadonlySet<string> = new Set(['withOptions']);

/**
 * A few OpenAI endpoints DeepSeek does not serve (reference §8), with the HTTP route each SDK
 * resource calls and a minimal body. The data probes send them (expecting an error); the emulator
 * answers 404, unless a `contradict:endpoint:<path>` fault makes it serve one.
 */
export interface NotServedRoute {
  /** The SDK resource path, as in src/compat/endpoints.ts. */
  readonly endpoint: string;
  readonly method: 'POST' | 'GET';
  readonly httpPath: string;
  readonly body: Record<string, unknown>;
}

export const NOT_SERVED_ROUTES: readonly NotServedRoute[] = [
  { endpoint: 'embeddings', method: 'POST', httpPath: '/embeddings', body: { model: 'text-embedding-3-small', input: 'ok' } },
  { endpoint: 'moderations', method: 'POST', httpPath: '/moderations', body: { input: 'ok' } },
  { endpoint: 'images', method: 'POST', httpPath: '/images/generations', body: { model: 'gpt-image-1', prompt: 'a dot', size: '256x256' } },
];

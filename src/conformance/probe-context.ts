/**
 * What a probe gets to talk to the endpoint: raw requests and openai SDK clients, both over the run's
 * transport, both recording into the probe's own list of exchanges.
 */
import OpenAI from 'openai';
import { TOOL_NAME, TOOL_VERSION } from '../meta.js';
import { INVALID_API_KEY } from './catalog/shared.js';
import type { RunConfig } from './config.js';
import type { Transport } from './transport.js';
import type { Exchange, KeyChoice, PlannedRequest, ProbeContext } from './types.js';

const USER_AGENT = `${TOOL_NAME}/${TOOL_VERSION} conformance`;

function headersFor(request: PlannedRequest, apiKey: string): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.key === 'invalid' ? INVALID_API_KEY : apiKey}`,
    'user-agent': USER_AGENT,
    accept: request.body?.stream === true ? 'text/event-stream' : 'application/json',
  };
  if (request.body) headers['content-type'] = 'application/json';
  return headers;
}

export function probeContext(config: RunConfig, apiKey: string, transport: Transport, exchanges: Exchange[]): ProbeContext {
  return {
    exchanges: () => exchanges,
    send: (request) =>
      transport.send(
        `${config.urls[request.base]}${request.path}`,
        { method: request.method, headers: headersFor(request, apiKey), body: request.body ? JSON.stringify(request.body) : undefined },
        exchanges,
        request.key ?? 'user',
      ),
    sdk: (base, key: KeyChoice = 'user') =>
      new OpenAI({
        apiKey: key === 'invalid' ? INVALID_API_KEY : apiKey,
        baseURL: config.urls[base],
        // OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment must not travel to another provider.
        organization: null,
        project: null,
        maxRetries: 0,
        // The SDK logs unparsable stream lines to the console, past the redactor: the probe reports them instead.
        logLevel: 'off',
        // Ours fires first, with a clearer message.
        timeout: config.timeoutMs + 1000,
        fetch: transport.fetchFor(exchanges, 'openai-sdk', key),
        defaultHeaders: { 'user-agent': USER_AGENT },
      }),
  };
}

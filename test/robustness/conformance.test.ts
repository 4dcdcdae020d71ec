/**
 * `ds-migrate conformance` against hostile servers the emulator's faults do not cover (those are in
 * test/conformance/robustness.test.ts: stalls, endless streams, resets before an answer, HTML with
 * 200, cut-off JSON, connection refused, and the key echoed in headers and error messages). Each case
 * runs the built CLI against a tiny node:http server on 127.0.0.1 and checks that the run ends
 * within its timeouts with a clear verdict per probe, and that the key appears in no output: not on
 * stdout or stderr, not in any report file, whatever form the server echoes it in.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashOf, removeTempDirs, runBuiltCli, tempDir } from './harness.js';

afterAll(removeTempDirs);

const KEY = 'sk-7f3c9a1e5b2d4c6f8a0e1b3d5c7f9a2b';
const TIMEOUT_S = 2;

type Handler = (req: IncomingMessage, res: ServerResponse, key: string) => void;

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'deepseek-flash', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

const completion = (extra: Record<string, unknown>) =>
  JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: 'deepseek-flash', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }, ...extra });

/** Sends a JSON answer, or an SSE stream when the request asked for one. */
function answer(req: IncomingMessage, res: ServerResponse, body: string, stream: string): void {
  let raw = '';
  req.on('data', (d) => (raw += d));
  req.on('end', () => {
    const streaming = /"stream":\s*true/.test(raw);
    res.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json' });
    res.end(streaming ? `${stream}data: [DONE]\n\n` : body);
  });
}

/** Servers that break the protocol: each must yield a verdict per probe, quickly. */
const broken: Record<string, { handler: Handler; verdict: RegExp }> = {
  'answers with bytes that are not HTTP': {
    handler: (req) => req.socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'),
    verdict: /HTTP|protocol/i,
  },
  'resets the connection in the middle of a body': {
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      res.write('{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hel');
      setTimeout(() => res.destroy(), 20);
    },
    verdict: /reset|closed the connection|terminated|aborted/i,
  },
  'claims gzip and sends plain text': {
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(completion({}));
    },
    verdict: /header check|gzip|decompress|decod/i,
  },
  'redirects to itself forever': {
    handler: (req, res) => {
      res.writeHead(302, { location: req.url ?? '/' });
      res.end();
    },
    verdict: /redirect/i,
  },
  'sends its headers one line every half second, forever': {
    handler: (req) => {
      req.socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(() => req.socket.write('x-slow: 1\r\n'), 500);
      req.socket.on('close', () => clearInterval(timer));
    },
    verdict: new RegExp(`within ${TIMEOUT_S} s \\(--timeout\\)`),
  },
  'answers a plain request with an endless body, as fast as it can': {
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"c1","choices":[{"message":{"content":"');
      const block = 'a'.repeat(1 << 16);
      const pump = () => {
        while (!res.destroyed && res.write(block));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    verdict: /without ending|too large|KiB|MiB|within/i,
  },
  'answers 502 with a proxy error page': {
    handler: (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
    },
    verdict: /HTML|502/,
  },
};

/** Servers that echo the key back, in forms a plain search-and-replace of the key does not catch. */
const echoing: Record<string, Handler> = {
  'in an HTML error page': (_req, res, key) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end(`<html><title>Unauthorized: ${key}</title><body><pre>Authorization: Bearer ${key}</pre></body></html>`);
  },
  'in WWW-Authenticate and Location headers': (_req, res, key) => {
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Bearer realm="api", error="invalid_token", token="${key}"`, location: `http://127.0.0.1/?key=${key}` });
    res.end(JSON.stringify({ error: { message: 'invalid token', type: 'authentication_error' } }));
  },
  'in the fields of a successful answer, and whole in a streamed chunk': (req, res, key) =>
    answer(req, res, completion({ id: key, model: key, system_fingerprint: key }), chunk(`echo ${key}`) + chunk('.', 'stop')),
  'in a 400 error message that quotes the request': (req, res, key) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `Invalid request for key ${key}: ${req.method} ${req.url}`, type: 'invalid_request_error', param: key, code: key } }));
  },
};

async function withServer<T>(handler: Handler, fn: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    handler(req, res, auth.replace(/^Bearer /, ''));
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

interface Probe {
  id: string;
  verdict: string;
  reason: string;
}

/** The built CLI against `url`, protocol and SDK probes only; returns everything it printed and wrote. */
async function conformance(url: string) {
  const out = tempDir('conformance');
  const run = await runBuiltCli(
    ['conformance', '--base-url', url, '--timeout', String(TIMEOUT_S), '--idle-timeout', '1', '--concurrency', '8', '--out', out, '--only', 'protocol.*', 'sdk.*'],
    { cwd: out, timeoutMs: 120_000, env: { DEEPSEEK_API_KEY: KEY } },
  );
  const files = readdirSync(out).map((f) => readFileSync(path.join(out, f), 'utf8'));
  const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { probes: Probe[] };
  return { run, everything: [run.stdout, run.stderr, ...files].join('\n'), probes: report.probes };
}

/** The key, its secret part, and the forms a JSON or URL encoder gives them. */
function leaks(text: string): string[] {
  const secret = KEY.slice(3);
  const forms = [KEY, secret, secret.slice(0, 16), secret.slice(-16), encodeURIComponent(KEY)];
  return forms.filter((form) => text.includes(form));
}

describe('conformance against servers that break the protocol', () => {
  for (const [name, { handler, verdict }] of Object.entries(broken)) {
    it(`a server that ${name}: a clear verdict per probe, within the timeouts`, async () => {
      const { run, probes } = await withServer(handler, (url) => conformance(url));
      expect(crashOf(run), run.stderr).toBeNull();
      expect(run.code).toBe(1);
      // Each request is bounded by --timeout; the run stops early after a streak of failures.
      expect(run.ms).toBeLessThan(60_000);
      const failed = probes.filter((p) => p.verdict === 'fail');
      expect(failed.length).toBeGreaterThan(0);
      // A streaming probe answered with a JSON content type says so first: also a clear verdict.
      for (const probe of failed) expect(probe.reason, probe.id).toMatch(new RegExp(`${verdict.source}|expected an event stream, got`, verdict.flags));
      for (const probe of probes) expect(['fail', 'skipped'], `${probe.id}: ${probe.verdict} ${probe.reason}`).toContain(probe.verdict);
    });
  }
});

describe('conformance never shows the API key', () => {
  for (const [name, handler] of Object.entries(echoing)) {
    it(`when the server echoes it ${name}`, async () => {
      const { run, everything } = await withServer(handler, (url) => conformance(url));
      expect(crashOf(run), run.stderr).toBeNull();
      expect(leaks(everything)).toEqual([]);
    });
  }

  it('when the server echoes it JSON-escaped in an error body', async () => {
    const { everything } = await withServer(
      (_req, res, key) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(`{"error":{"message":"invalid key \\u0073${key.slice(1)}","type":"authentication_error"}}`);
      },
      (url) => conformance(url),
    );
    expect(leaks(everything)).toEqual([]);
  });

  it('when the server streams it back split over two chunks', async () => {
    const { everything } = await withServer(
      (req, res, key) => answer(req, res, completion({}), chunk(key.slice(0, 12)) + chunk(key.slice(12), 'stop')),
      (url) => conformance(url),
    );
    expect(leaks(everything)).toEqual([]);
  });
});

/**
 * `ds-migrate conformance` and `ds-migrate emulator` through the CLI entry point, in-process: exit
 * codes, report files, dry runs, caps, concurrency, --project, and the key kept out of every output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';
import { emulatorAction } from '../../src/conformance/command.js';
import type { ConformanceReport } from '../../src/conformance/report/model.js';
import { KEY, withEmulator } from './helpers.js';

interface Captured {
  readonly io: CliIO;
  readonly out: () => string;
  readonly err: () => string;
}

function capture(env: NodeJS.ProcessEnv, cwd: string, isTTY = false): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY, cwd, env },
    out: () => out,
    err: () => err,
  };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-conformance-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], c: Captured) => main(['node', 'ds-migrate', 'conformance', ...args], c.io);
const FAST = ['--timeout', '5', '--idle-timeout', '2', '--concurrency', '8'];
const readReport = (dir: string): ConformanceReport => JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));

describe('ds-migrate conformance', () => {
  it('exit 0 against the clean emulator, with Markdown, JSON and JUnit reports', async () => {
    const dir = tempDir();
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    const code = await withEmulator({}, (emulator) => run(['--base-url', emulator.url, '--out', 'out', ...FAST], c));
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    const out = path.join(dir, 'out');
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.json', 'report.md']);
    const report = readReport(out);
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'ds-migrate' }, sdk: { name: 'openai', version: '6.49.0' }, exitCode: 0 });
    const junit = readFileSync(path.join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)?.length).toBe(report.probes.length);
    expect(junit).not.toContain('<failure');
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/^## DeepSeek conformance: ✅ all good/);
    expect(c.out()).toContain(report.summary);
  });

  it('exit 1 on a contradiction; stdout, Markdown and JUnit name the data entry to fix', async () => {
    const dir = tempDir();
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    const code = await withEmulator({ faults: ['contradict:param:temperature:thinking'] }, (emulator) =>
      run(['--base-url', emulator.url, '--out', dir, '--only', 'data:param:temperature:*', 'protocol.chat.*', ...FAST], c),
    );
    expect(code).toBe(1);
    const ref = 'src/compat/chat-params.ts › temperature › thinking';
    expect(c.out()).toContain(`DATA  data:param:temperature:thinking: rejected (HTTP 400`);
    expect(c.out()).toContain(`→ fix ${ref}`);
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toContain(`Fix the data: \`${ref}\``);
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toMatch(/<failure type="contradicts-data" message="[^"]*fix src\/compat\/chat-params.ts › temperature › thinking/);
    expect(readReport(dir).probes.map((p) => p.id).sort()).toEqual(['data:param:temperature:non-thinking', 'data:param:temperature:thinking', 'protocol.chat.non-thinking', 'protocol.chat.thinking']);
  });

  it('exit 2 with one line for configuration errors', async () => {
    const dir = tempDir();
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [[], {}, /^ds-migrate: DEEPSEEK_API_KEY is not set: export your DeepSeek API key in it/],
      [['--api-key-env', 'OTHER'], { DEEPSEEK_API_KEY: KEY }, /^ds-migrate: OTHER is not set/],
      [['--base-url', 'localhost:1234'], { DEEPSEEK_API_KEY: KEY }, /^ds-migrate: --base-url must be an http\(s\) URL/],
      [['--base-url', '::'], { DEEPSEEK_API_KEY: KEY }, /^ds-migrate: --base-url "::" is not a URL/],
      [['--format', 'pdf'], { DEEPSEEK_API_KEY: KEY }, /^ds-migrate: --format takes md, json, junit/],
    ];
    for (const [args, env, message] of cases) {
      const c = capture(env, dir);
      expect(await run(args, c)).toBe(2);
      expect(c.err()).toMatch(message);
      expect(c.err().trim().split('\n')).toHaveLength(1);
    }
    // The key is never a flag.
    const c = capture({}, dir);
    expect(await run(['--api-key', KEY], c)).toBe(2);
    expect(c.err()).toContain("unknown option '--api-key'");
  });

  it('--dry-run lists the planned requests, needs no key, sends nothing and writes nothing', async () => {
    const dir = tempDir();
    const c = capture({}, dir);
    const [code, requests] = await withEmulator({}, async (emulator) => [await run(['--base-url', emulator.url, '--dry-run', '--out', 'out'], c), emulator.requests.length]);
    expect(code).toBe(0);
    expect(requests).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(c.out()).toMatch(/protocol\.chat\.thinking\s+POST http:\/\/127\.0\.0\.1:\d+\/chat\/completions\s+≤ \d+ tokens/);
    expect(c.out()).toMatch(/sdk\.beta\.fim\s+POST http:\/\/127\.0\.0\.1:\d+\/beta\/completions \(openai SDK\)/);
    expect(c.out()).toMatch(/dry run: \d+ probes would send \d+ requests, at most \d+ tokens \(≤ \$\d+\.\d{4}\); nothing was sent/);
  });

  it('--max-requests is a hard cap: exactly that many requests go out, the rest are skipped with the reason', async () => {
    const dir = tempDir();
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    const sent = await withEmulator({}, async (emulator) => {
      await run(['--base-url', emulator.url, '--out', dir, '--max-requests', '5', ...FAST], c);
      return emulator.requests.length;
    });
    expect(sent).toBe(5);
    const report = readReport(dir);
    expect(report.totals.requests).toBe(5);
    expect(report.probes.filter((p) => p.verdict === 'skipped' && p.reason.includes('--max-requests 5')).length).toBeGreaterThan(50);
  });

  it('--max-tokens caps the worst case of what is admitted', async () => {
    const dir = tempDir();
    const c = capture({}, dir);
    await run(['--dry-run', '--max-tokens', '500'], c);
    const planned = Number(/at most (\d+) tokens/.exec(c.out())?.[1]);
    expect(planned).toBeLessThanOrEqual(500);
    expect(c.out()).toMatch(/skipped: not sent: its worst case \(\d+ tokens\) would pass --max-tokens 500/);
  });

  it('--concurrency is a real pool: N requests in flight at once, never more', async () => {
    for (const n of [1, 4]) {
      const dir = tempDir();
      const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
      const most = await withEmulator({ latencyMs: 30 }, async (emulator) => {
        await run(['--base-url', emulator.url, '--out', dir, '--concurrency', String(n), '--only', 'data:param:t*'], c);
        return emulator.stats.maxInFlight;
      });
      expect(most).toBe(n);
    }
  });

  it('--format picks the files written', async () => {
    const dir = tempDir();
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    await withEmulator({}, (emulator) => run(['--base-url', emulator.url, '--out', dir, '--format', 'junit', '--only', 'protocol.models.list'], c));
    expect(readdirSync(dir)).toEqual(['junit.xml']);
  });
});

describe('the API key never appears in any output', () => {
  it('even when the server echoes it back in headers, bodies and error messages', async () => {
    const dir = tempDir();
    // A terminal: progress lines go to stderr too.
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir, true);
    const code = await withEmulator({ faults: ['echo-key', 'reword:role:developer'] }, async (emulator) => {
      // The fault really echoes the key: a direct call sees it.
      const direct = await fetch(`${emulator.url}/models/x`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(await direct.text()).toContain(KEY);
      return run(['--base-url', emulator.url, '--out', dir, ...FAST], c);
    });
    expect(code).toBe(1);
    // The rejection echoing the key is reported (redacted) on stdout and in every file.
    expect(c.out()).toContain('data:role:developer');
    expect(c.out()).toContain('Authorization: Bearer ***');
    expect(c.err()).toContain('data:role:developer');
    for (const text of [c.out(), c.err(), ...readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8'))]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(3));
    }
    const report = readReport(dir);
    expect(JSON.stringify(report)).toContain('***');
  });
});

describe('--project', () => {
  it('probes each distinct profile once and maps verdicts to file:line; other providers are never called', async () => {
    const dir = tempDir();
    const root = path.resolve('fixtures/projects/multi-provider');
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    const bodies = await withEmulator({}, async (emulator) => {
      await run(['--base-url', emulator.url, '--out', dir, '--project', root, '--only', 'project.*', ...FAST], c);
      return emulator.requests.map((r) => JSON.stringify(r.body));
    });
    const report = readReport(dir);
    expect(report.project).toMatchObject({ root, callSites: 6, profiles: 2 });
    expect(report.probes.map((p) => [p.verdict, p.callSites?.map((s) => `${s.file}:${s.line}`)])).toEqual([
      ['pass', ['src/providers/custom.ts:11']],
      ['pass', ['src/providers/openai.ts:9']],
    ]);
    for (const provider of ['groq', 'ollama', 'openrouter', 'together']) {
      expect(report.project!.notProbed.find((n) => n.site.file === `src/providers/${provider}.ts`)?.reason).toMatch(/another provider/);
    }
    // Nothing meant for Groq, Ollama, OpenRouter or Together reached the endpoint.
    expect(bodies.join('\n')).not.toMatch(/llama|claude|bge-large/);
  });

  it('a call site the endpoint rejects fails with its file:line and what the data predicted', async () => {
    const dir = tempDir();
    const c = capture({ DEEPSEEK_API_KEY: KEY }, dir);
    const code = await withEmulator({}, (emulator) =>
      run(['--base-url', emulator.url, '--out', dir, '--project', path.resolve('fixtures/projects/azure-enterprise'), '--only', 'project.*', ...FAST], c),
    );
    expect(code).toBe(1);
    const failed = readReport(dir).probes.filter((p) => p.verdict === 'fail');
    expect(failed.map((p) => p.callSites?.map((s) => `${s.file}:${s.line}`))).toEqual([['src/reports/extract.ts:14']]);
    expect(failed[0].reason).toContain('This response_format type is unavailable now');
    expect(failed[0].details).toContain('the compat data predicted it:');
    expect(c.out()).toContain('[src/reports/extract.ts:14]');
  });
});

describe('ds-migrate emulator', () => {
  it('serves until stopped, prints its URL, and applies faults given on the command line', async () => {
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    let out = '';
    const io: CliIO = { stdout: (t) => void (out += t), stderr: () => undefined, isTTY: false, cwd: '/', env: {} };
    const running = emulatorAction({ port: '0', fault: ['contradict:role:developer'] }, io, until);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
    expect(url).toBeDefined();
    const answer = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-anything-goes', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'deepseek-flash', messages: [{ role: 'developer', content: 'hi' }, { role: 'user', content: 'hi' }] }),
    });
    expect(answer.status).toBe(200);
    stop();
    await running;
    expect(out).toContain('emulator stopped');
  });

  it('rejects unknown faults with exit 2', async () => {
    let err = '';
    const io: CliIO = { stdout: () => undefined, stderr: (t) => void (err += t), isTTY: false, cwd: '/', env: {} };
    expect(await main(['node', 'ds-migrate', 'emulator', '--fault', 'explode'], io)).toBe(2);
    expect(err).toMatch(/unknown fault "explode"/);
  });
});

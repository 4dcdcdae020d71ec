/** scan goes on past files that do not parse; settings from a config file and flags change the verdicts. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import * as api from '../../src/index.js';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-scan-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const CALL = `import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\nexport const f = () => c.chat.completions.create({ model: 'gpt-4o', temperature: 0.5, messages: [] });\n`;

describe('scan', () => {
  it('reports a file that does not parse with its path and the parser message, and goes on', async () => {
    const dir = workspace({ 'broken.ts': `import OpenAI from 'openai';\nconst x = new OpenAI(;\n`, 'ok.ts': CALL });
    const run = await runCli(['scan', '.', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([{ file: 'broken.ts', line: 2, column: 22, message: "')' expected." }]);
    expect(report.calls).toHaveLength(1);
    expect(report.calls[0]).toMatchObject({ file: 'ok.ts', line: 3, model: 'gpt-4o', target: { model: 'deepseek-flash', mode: 'non-thinking' } });
  });

  it('says so when no file uses the SDK', async () => {
    const dir = workspace({ 'util.ts': 'export const add = (a: number, b: number) => a + b;\n' });
    const run = await runCli(['scan', '.'], { cwd: dir });
    expect(run.stdout).toContain('none uses the OpenAI SDK. Is this the folder with your source code?');
  });
});

describe('settings', () => {
  it('a --model-map override changes the target, and so the verdicts on params', async () => {
    const dir = workspace({ 'a.ts': CALL });
    const mapped = JSON.parse((await runCli(['scan', '.', '--json', '--model-map', 'gpt-4o=deepseek-v4-pro:thinking'], { cwd: dir })).stdout);
    expect(mapped.calls[0].target).toEqual({ model: 'deepseek-v4-pro', mode: 'thinking' });
    expect(mapped.findings.map((f: { rule: string }) => f.rule)).toContain('no-ignored-param');
    const plain = JSON.parse((await runCli(['scan', '.', '--json'], { cwd: dir })).stdout);
    expect(plain.findings.map((f: { rule: string }) => f.rule)).not.toContain('no-ignored-param');
  });

  it('reads ds-migrate.config.json, and rejects invalid settings with exit code 2', async () => {
    const dir = workspace({ 'a.ts': CALL, 'ds-migrate.config.json': JSON.stringify({ modelMap: { 'gpt-4o': 'deepseek-v4-pro' } }) });
    const run = JSON.parse((await runCli(['scan', '.', '--json'], { cwd: dir })).stdout);
    expect(run.calls[0].target.model).toBe('deepseek-v4-pro');

    writeFileSync(path.join(dir, 'ds-migrate.config.json'), JSON.stringify({ modelMap: { 'gpt-4o': 'deepseek-v5' } }));
    const bad = await runCli(['scan', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('model map entry "gpt-4o" must map to a current DeepSeek model');

    writeFileSync(path.join(dir, 'ds-migrate.config.json'), '{ "modelMap": ');
    expect((await runCli(['scan', '.'], { cwd: dir })).stderr).toContain('is not valid JSON');
    writeFileSync(path.join(dir, 'ds-migrate.config.json'), JSON.stringify({ modelmap: {} }));
    expect((await runCli(['scan', '.'], { cwd: dir })).stderr).toContain('unknown setting "modelmap"');
  });

  it('a missing path is a usage error', async () => {
    const dir = workspace({});
    const run = await runCli(['scan', 'nope'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder: nope');
  });
});

describe('programmatic API', () => {
  it('exposes the same pipeline as the CLI', async () => {
    const dir = workspace({ 'a.ts': CALL });
    const loaded = await api.loadProject([dir]);
    const result = await api.runMigration(loaded, { settings: {}, transforms: new Set(api.TRANSFORM_IDS) });
    expect(result.files[0].after).toContain("model: 'deepseek-flash'");
    expect(api.COMPAT.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('files that never mention the SDK', () => {
  it('are analysed when they import a client module, through an index file or an alias', async () => {
    const dir = workspace({});
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'lib'));
    writeFileSync(path.join(dir, 'lib/index.ts'), "import OpenAI from 'openai';\nexport const ai = new OpenAI();\n");
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['./*'] } } }));
    // Neither file names the SDK, an OpenAI variable or a model: only the import scan can find them.
    writeFileSync(path.join(dir, 'app.ts'), "import { ai } from './lib';\nexport const ask = (m: string) => ai.chat.completions.create({ model: m, messages: [] });\n");
    writeFileSync(path.join(dir, 'aliased.ts'), "import { ai } from '~/lib/index';\nexport const list = () => ai.models.list();\n");
    writeFileSync(path.join(dir, 'unrelated.ts'), "import { helper } from './helper';\nexport const x = helper;\n");
    const report = JSON.parse((await runCli(['scan', '.', '--json'], { cwd: dir })).stdout);
    expect(report.calls.map((c: { file: string; clientFile: string }) => `${c.file} → ${c.clientFile}`)).toEqual(['aliased.ts → lib/index.ts', 'app.ts → lib/index.ts']);
    expect(report.summary.filesAnalysed).toBe(3);
  });
});

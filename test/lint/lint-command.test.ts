/**
 * `ds-migrate lint` end to end, in-process: zero ESLint configuration, files picked as `scan` picks
 * them, the three formats, exit codes, settings, and per-file parse errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/findings/rule-catalog.js';
import { runCli } from '../cli-harness.js';
import { tempProject } from './temp-project.js';

const CLIENT = "import OpenAI from 'openai';\nexport const client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\n";
const REJECTED = `${CLIENT}await client.chat.completions.create({ model: 'deepseek-flash', messages: [{ role: 'developer', content: 'Be brief.' }] });\n`;
const IGNORED = `${CLIENT}await client.chat.completions.create({ model: 'deepseek-flash', temperature: 0.2, messages: [] });\n`;

const project = tempProject({
  '.gitignore': 'generated/\n',
  'src/rejected.ts': REJECTED,
  'src/ignored.mts': IGNORED,
  // Every extension parses with the TypeScript parser: JSX in .jsx/.tsx, CommonJS in .cts.
  'src/view.tsx': `${CLIENT}export const View = () => <div>{String(client)}</div>;\n`,
  'src/legacy.cts': "const OpenAI = require('openai');\nconst client = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\nclient.embeddings.create({ model: 'm', input: 'x' });\n",
  'src/widget.jsx': "export const Widget = () => <span>openai</span>;\n",
  'src/plain.js': 'export const answer = 42;\n',
  // Never linted: ignored by .gitignore, dependencies, build output.
  'generated/client.ts': REJECTED,
  'node_modules/some-lib/index.js': REJECTED.replace(/: \w+ \| undefined/g, ''),
  'dist/rejected.js': REJECTED,
});
const broken = tempProject({
  'src/broken.ts': `${CLIENT}const x = ;\n`,
  'src/rejected.ts': REJECTED,
});
const clean = tempProject({ 'src/ok.ts': `${CLIENT}await client.chat.completions.create({ model: 'deepseek-flash', messages: [] });\n`, 'src/other.js': 'module.exports = 1;\n' });

afterAll(() => {
  project.remove();
  broken.remove();
  clean.remove();
});

const lint = (args: string[], cwd = project.dir) => runCli(['lint', ...args], { cwd });

describe('ds-migrate lint', () => {
  it('reports errors and warnings in stylish format and exits 1 on an error', async () => {
    const run = await lint([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(path.join(project.dir, 'src', 'rejected.ts'));
    expect(run.stdout).toMatch(/3:84\s+error\s+`role: 'developer'` is rejected by DeepSeek .*ds-migrate\/no-rejected-param/);
    expect(run.stdout).toMatch(/3:65\s+warning\s+`temperature` is ignored by deepseek-flash in thinking mode.*ds-migrate\/no-ignored-param/);
    expect(run.stdout).toMatch(/3:1\s+error\s+`embeddings.create` is not served by DeepSeek/);
    // Ignored, dependency and build folders are not linted.
    expect(run.stdout).not.toContain('generated');
    expect(run.stdout).not.toContain('node_modules');
    expect(run.stdout).not.toContain(`${path.sep}dist${path.sep}`);
    expect(run.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await lint(['src/ignored.mts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ds-migrate/no-ignored-param');
  });

  it('says how much it checked when there is nothing to report', async () => {
    const run = await lint([], clean.dir);
    expect(run).toEqual({ code: 0, stdout: 'No DeepSeek problems found (2 files checked).\n', stderr: '' });
  });

  it('writes ESLint JSON with one result per code file', async () => {
    const run = await lint(['--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number; warningCount: number; messages: { ruleId: string }[] }[];
    expect(results.map((r) => path.relative(project.dir, r.filePath).split(path.sep).join('/'))).toEqual([
      'src/ignored.mts',
      'src/legacy.cts',
      'src/plain.js',
      'src/rejected.ts',
      'src/view.tsx',
      'src/widget.jsx',
    ]);
    const byFile = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]));
    expect(byFile).toEqual({
      'ignored.mts': ['ds-migrate/no-ignored-param'],
      'legacy.cts': ['ds-migrate/no-unsupported-endpoint'],
      'plain.js': [],
      'rejected.ts': ['ds-migrate/no-rejected-param'],
      'view.tsx': [],
      'widget.jsx': [],
    });
  });

  it('writes SARIF 2.1.0 for code scanning', async () => {
    const run = await lint(['--format', 'sarif', 'src']);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    const rules = sarifRun.tool.driver.rules as { id: string; helpUri: string; defaultConfiguration: { level: string; enabled?: boolean } }[];
    expect(sarifRun.tool.driver.name).toBe('ds-migrate');
    expect(rules.map((r) => r.id)).toEqual(RULE_IDS.map((id) => `ds-migrate/${id}`));
    expect(rules.find((r) => r.id === 'ds-migrate/no-ignored-param')?.defaultConfiguration).toEqual({ level: 'warning' });
    expect(rules.find((r) => r.id === 'ds-migrate/no-unverified-param')?.defaultConfiguration).toEqual({ level: 'warning', enabled: false });
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    const rejected = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'ds-migrate/no-rejected-param');
    expect(rejected).toMatchObject({
      ruleIndex: RULE_IDS.indexOf('no-rejected-param'),
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/rejected.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 84, endLine: 3, endColumn: 95 },
          },
        },
      ],
    });
    expect(rejected.message.text).toMatch(/^`role: 'developer'` is rejected by DeepSeek/);
    expect(sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'ds-migrate/no-ignored-param').level).toBe('warning');
    expect(sarifRun.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('writes the report to --output', async () => {
    const run = await lint(['--format', 'sarif', '--output', 'report.sarif', 'src/rejected.ts']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(project.dir, 'report.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });

  it('reports a file that does not parse, and lints the others', async () => {
    const run = await lint(['--format', 'json'], broken.dir);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean; message: string; line: number }[] }[];
    const [brokenFile, rejected] = results;
    expect(brokenFile.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, line: 3, message: expect.stringMatching(/Expression expected/) })]);
    expect(rejected.messages.map((m) => m.ruleId)).toEqual(['ds-migrate/no-rejected-param']);
    const sarif = JSON.parse((await lint(['--format', 'sarif'], broken.dir)).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' } }) })] }),
    ]);
  });

  it('reads the target from the config file and flags', async () => {
    const withConfig = tempProject({ 'ds-migrate.config.json': JSON.stringify({ thinking: 'non-thinking' }), 'src/ignored.ts': IGNORED });
    try {
      // temperature is honoured with thinking off.
      expect((await lint([], withConfig.dir)).stdout).toBe('No DeepSeek problems found (1 file checked).\n');
      expect((await lint(['--thinking', 'thinking'], withConfig.dir)).stdout).toContain('ds-migrate/no-ignored-param');
    } finally {
      withConfig.remove();
    }
  });

  it('runs another preset on request', async () => {
    const unverified = tempProject({ 'src/seed.ts': `${CLIENT}await client.chat.completions.create({ model: 'deepseek-flash', seed: 1, messages: [] });\n` });
    try {
      expect((await lint([], unverified.dir)).stdout).toMatch(/^No DeepSeek problems found/);
      const strict = await lint(['--preset', 'strict'], unverified.dir);
      expect(strict.code).toBe(0);
      expect(strict.stdout).toContain('ds-migrate/no-unverified-param');
    } finally {
      unverified.remove();
    }
  });

  it("honours the project's disable comments and ignores other rules its comments turn on", async () => {
    const comments = tempProject({
      'src/a.ts': `/* eslint no-console: "error" */\n${REJECTED.replace('await client', '// eslint-disable-next-line ds-migrate/no-rejected-param\nawait client')}console.log('openai');\n`,
    });
    try {
      expect(await lint([], comments.dir)).toEqual({ code: 0, stdout: 'No DeepSeek problems found (1 file checked).\n', stderr: '' });
    } finally {
      comments.remove();
    }
  });

  it.each([
    [['--format', 'xml'], /--format must be one of stylish, json, sarif, got "xml"/],
    [['--preset', 'lenient'], /--preset must be one of recommended, strict, all/],
    [['no-such-dir'], /no such file or folder: no-such-dir/],
    [['--model', 'gpt-4o'], /model "gpt-4o" is not a current DeepSeek model/],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const run = await lint(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});

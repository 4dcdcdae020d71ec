/**
 * The worker pools, through the built CLI (worker threads run compiled JavaScript): results are the
 * same as in-process, and a file over the per-file time limit is reported instead of hanging the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECTS_DIR } from '../fixtures/projects.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const cleanups: string[] = [];
afterAll(() => cleanups.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env, CI: '1' } });
}

describe.skipIf(!existsSync(CLI))('worker pool (built CLI)', () => {
  it('gives the same diff with workers as in the main thread', () => {
    const project = path.join(PROJECTS_DIR, 'openai-features');
    const inProcess = cli(['--dry', project], { DS_MIGRATE_WORKERS: '0' });
    const pooled = cli(['--dry', project], { DS_MIGRATE_WORKERS: '2' });
    expect(inProcess.status).toBe(0);
    expect(pooled.status).toBe(0);
    expect(pooled.stdout.length).toBeGreaterThan(1000);
    expect(pooled.stdout).toBe(inProcess.stdout);
  });

  it('reports a file over --file-timeout and still migrates the others', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-timeout-'));
    cleanups.push(dir);
    const calls = Array.from({ length: 20_000 }, (_, i) => `export const r${i} = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });`).join('\n');
    writeFileSync(path.join(dir, 'huge.ts'), `import OpenAI from 'openai';\nconst client = new OpenAI();\n${calls}\n`);
    const run = cli(['--dry', dir, '--file-timeout', '0.05']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('huge.ts  took longer than 50 ms to analyse; skipped (see --file-timeout)');
  });

  it('lint --file-timeout (worker threads) reports exactly what lint reports in-process', () => {
    const project = path.join(PROJECTS_DIR, 'commonjs-bot');
    const inProcess = cli(['lint', '--format', 'json', project]);
    const pooled = cli(['lint', '--format', 'json', '--file-timeout', '60', project]);
    expect(pooled.stderr).toBe('');
    expect(pooled.status).toBe(inProcess.status);
    const messages = (stdout: string) => (JSON.parse(stdout) as { filePath: string; messages: unknown[] }[]).map((r) => [r.filePath, r.messages]);
    expect(messages(pooled.stdout).flatMap(([, m]) => m as unknown[]).length).toBeGreaterThan(10);
    expect(messages(pooled.stdout)).toEqual(messages(inProcess.stdout));
  });
});

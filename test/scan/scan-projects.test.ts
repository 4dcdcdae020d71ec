/**
 * `ds-migrate scan <project> --json` reports every client and call site of the sample projects at its
 * exact position, with the model traced through constants and env defaults, and the provider that
 * decides whether it is migrated. The manifests were checked independently with the TypeScript checker
 * (test/fixtures/projects-manifests.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProjects, PROJECTS_DIR } from '../fixtures/projects.js';
import { runCli } from '../cli-harness.js';

interface Manifest {
  clients: { file: string; line: number; column: number; className: string; provider: string }[];
  calls: { file: string; line: number; column: number; endpoint: string; method: string; model?: string | null; clientFile: string | null; provider: string | null }[];
}

describe('ds-migrate scan on the sample projects', () => {
  for (const project of listProjects()) {
    it(`${project}: reports every client and call at its exact position`, async () => {
      const dir = path.join(PROJECTS_DIR, project);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'expected-scan.json'), 'utf8')) as Manifest;
      const run = await runCli(['scan', '.', '--json'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);

      const clients = report.clients.map((c: Manifest['clients'][number]) => ({ file: c.file, line: c.line, column: c.column, className: c.className, provider: c.provider }));
      expect(clients).toEqual(
        [...manifest.clients].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column),
      );

      const calls = report.calls.map((c: Manifest['calls'][number]) => ({
        file: c.file,
        line: c.line,
        column: c.column,
        endpoint: c.endpoint,
        method: c.method,
        model: c.model,
        clientFile: c.clientFile,
        provider: c.provider,
      }));
      const expected = manifest.calls
        .map((c) => ({ ...c, model: c.model === undefined ? null : c.model }))
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
      expect(calls).toEqual(expected);
    });
  }

  it('lists calls on other providers as left alone, never judged', async () => {
    const run = await runCli(['scan', '.', '--json'], { cwd: path.join(PROJECTS_DIR, 'multi-provider') });
    const report = JSON.parse(run.stdout);
    for (const call of report.calls) {
      if (call.provider === 'other' || call.provider === 'unknown') expect(call.judged).toBe(false);
    }
    const otherFiles = new Set(report.calls.filter((c: { provider: string }) => c.provider === 'other').map((c: { file: string }) => c.file));
    for (const finding of report.findings) expect(otherFiles.has(finding.file)).toBe(false);
  });
});

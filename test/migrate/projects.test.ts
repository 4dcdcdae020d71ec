/**
 * The codemod on the sample projects, from the command a user types: each project type-checks after
 * migration against the real openai types, a scan of the result finds nothing the report does not
 * list as manual work, a second run changes nothing, and the fake secret in `.env` never appears in
 * any output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import { FAKE_FIXTURE_KEY, listProjects, listSourceFiles, PROJECTS_DIR, typecheckProject } from '../fixtures/projects.js';
import { copyProject } from '../project-copy.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '', getNewLine: () => '\n' });
}

describe('ds-migrate on the sample projects', () => {
  for (const project of listProjects()) {
    it(`${project}: migrates, still type-checks, leaves nothing unlisted, and is idempotent`, async () => {
      const { dir, cleanup } = copyProject(path.join(PROJECTS_DIR, project));
      cleanups.push(cleanup);

      const run = await runCli(['.', '--allow-dirty', '--json', 'report.json'], { cwd: dir });
      expect(run.code, run.stderr + run.stdout).toBe(0);
      const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
      for (const output of [run.stdout, run.stderr, JSON.stringify(report)]) expect(output).not.toContain(FAKE_FIXTURE_KEY);

      const after = typecheckProject(dir);
      expect(format(after.diagnostics)).toBe('');

      // Everything a scan still finds (errors and warnings) is listed as manual work in the report.
      const scan = JSON.parse((await runCli(['scan', '.', '--json'], { cwd: dir })).stdout);
      const manual = new Set(report.files.flatMap((f: { path: string; manual: { rule: string; line: number }[] }) => f.manual.map((m) => `${f.path}:${m.line} ${m.rule}`)));
      const unlisted = scan.findings
        .filter((f: { severity: string }) => f.severity !== 'info')
        .map((f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`)
        .filter((key: string) => !manual.has(key));
      expect(unlisted).toEqual([]);

      // A second run over the migrated project changes nothing.
      const before = new Map(listSourceFiles(dir).filter((f) => !f.startsWith('node_modules/')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      const second = await runCli(['.', '--allow-dirty'], { cwd: dir });
      expect(second.code).toBe(0);
      for (const [file, text] of before) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
    });
  }

  // A split keeps a client on OpenAI: the template keeps OPENAI_API_KEY and gains the DeepSeek key the new client reads.
  it.each([
    ['nextjs-shared-client', '.env.example'],
    ['commonjs-express', '.env.example'],
  ])('%s: after a split, %s keeps OPENAI_API_KEY and gains DEEPSEEK_API_KEY', async (project, template) => {
    const { dir, cleanup } = copyProject(path.join(PROJECTS_DIR, project));
    cleanups.push(cleanup);
    const run = await runCli(['.', '--allow-dirty'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(path.join(dir, template), 'utf8').split('\n');
    expect(lines).toContain('OPENAI_API_KEY=');
    expect(lines.indexOf('DEEPSEEK_API_KEY=')).toBe(lines.indexOf('OPENAI_API_KEY=') + 1);
  });
});

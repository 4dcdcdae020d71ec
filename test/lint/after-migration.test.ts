/**
 * The linter and the codemod never disagree: after `ds-migrate` (the codemod) runs on a copy of each
 * sample project, `ds-migrate lint` reports no error that the codemod's report does not also list,
 * at the same file, line and column, under the same rule. Listed means manual work, or a note the
 * report prints (a model read from an env variable: the code is right, the deployed value may not be).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProjects, PROJECTS_DIR } from '../fixtures/projects.js';
import { runCli } from '../cli-harness.js';

interface Report {
  files: { path: string; manual: { rule: string; line: number; column: number }[] }[];
  notes: { path: string; rule: string; line: number; column: number }[];
}
interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; line: number; column: number; message: string }[];
}

const root = mkdtempSync(path.join(tmpdir(), 'ds-migrate-after-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ds-migrate lint after ds-migrate', () => {
  for (const project of listProjects()) {
    it(`${project}: every lint error is listed by the codemod's report`, async () => {
      const dir = path.join(root, project);
      cpSync(path.join(PROJECTS_DIR, project), dir, { recursive: true });
      const migrate = await runCli(['.', '--allow-dirty', '--json', 'report.json'], { cwd: dir });
      expect(migrate.code, migrate.stderr).toBe(0);
      const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
      const listed = new Set([
        ...report.files.flatMap((f) => f.manual.map((m) => `${f.path}:${m.line}:${m.column} ${m.rule}`)),
        ...report.notes.map((n) => `${n.path}:${n.line}:${n.column} ${n.rule}`),
      ]);

      const lint = await runCli(['lint', '--format', 'json'], { cwd: dir });
      expect(lint.stderr).toBe('');
      const errors = (JSON.parse(lint.stdout) as LintResult[]).flatMap((r) =>
        r.messages
          .filter((m) => m.severity === 2)
          .map((m) => ({
            key: `${path.relative(dir, r.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId?.replace(/^ds-migrate\//, '') ?? '(parse error)'}`,
            message: m.message,
          })),
      );
      expect(errors.filter((e) => !listed.has(e.key))).toEqual([]);
      // Exit 1 exactly when errors remain (the manual work the report lists).
      expect(lint.code).toBe(errors.length > 0 ? 1 : 0);
    });
  }
});

/**
 * One body of knowledge, two views: `ds-migrate lint` judges one file at a time, `ds-migrate scan`
 * the whole project (clients imported across modules, model constants in other files). On the sample
 * projects, everything lint reports, scan reports too: same file, line, column and rule. Lint may see
 * less, never something else.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProjects, PROJECTS_DIR } from '../fixtures/projects.js';
import { runCli } from '../cli-harness.js';
import { tempProject } from './temp-project.js';

/**
 * Projects whose clients live in one module and are called from others: one file shows no call on a
 * client it can see, so lint is silent there until `clientModules` names the client module.
 */
const SHARED_CLIENTS = ['azure-enterprise', 'commonjs-express', 'nextjs-shared-client'];
const NO_FINDINGS = ['no-sdk', 'legacy-deepseek'];

const keyOf = (dir: string, filePath: string, m: { ruleId: string; line: number; column: number }) =>
  `${path.relative(dir, filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId.replace(/^ds-migrate\//, '')}`;

describe('lint agrees with scan', () => {
  for (const project of listProjects()) {
    it(project, async () => {
      const dir = path.join(PROJECTS_DIR, project);
      const scan = JSON.parse((await runCli(['scan', '.', '--json'], { cwd: dir })).stdout) as {
        findings: { rule: string; file: string; line: number; column: number }[];
      };
      const scanned = new Set(scan.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`));
      const lint = await runCli(['lint', '--preset', 'all', '--format', 'json'], { cwd: dir });
      const reported = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).flatMap((r) =>
        r.messages.map((m) => keyOf(dir, r.filePath, m)),
      );
      expect(reported.filter((key) => !scanned.has(key))).toEqual([]);
      if (SHARED_CLIENTS.includes(project) || NO_FINDINGS.includes(project)) expect(reported).toEqual([]);
      else expect(reported.length).toBeGreaterThan(0);
    });
  }

  it('nextjs-shared-client with clientModules: calls on the shared client are judged', async () => {
    const dir = path.join(PROJECTS_DIR, 'nextjs-shared-client');
    const config = tempProject({});
    try {
      const file = path.join(config.dir, 'ds-migrate.config.json');
      writeFileSync(file, JSON.stringify({ clientModules: ['@/lib/openai', '../../lib/openai'] }));
      const lint = await runCli(['lint', '--format', 'json', '--config', file], { cwd: dir });
      const reported = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).flatMap((r) =>
        r.messages.map((m) => keyOf(dir, r.filePath, m)),
      );
      expect(reported).toEqual(['src/app/api/search/route.ts:19:26 no-unsupported-endpoint']);
      expect(lint.code).toBe(1);
    } finally {
      config.remove();
    }
  });
});

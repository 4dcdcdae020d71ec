/**
 * The codemod's promises to a user's repository, each from the command line: it refuses a dirty tree,
 * its --dry patch applies with `git apply`, --check gates CI, and it never touches what it has no
 * business with (unparsable files, .d.ts, ignored and dependency folders, invalid UTF-8, symlinks).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';
import { writeAtomically } from '../../src/migrate/write.js';

const CLIENT = `import OpenAI from 'openai';\n\nexport const client = new OpenAI();\n\nexport const ask = (q: string) =>\n  client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-safety-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function repo(files: Record<string, string | Buffer>): string {
  const dir = workspace(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'initial');
  return dir;
}

describe('git safety', () => {
  it('refuses to write over uncommitted changes, and writes with --allow-dirty', async () => {
    const dir = repo({ 'src/client.ts': CLIENT });
    writeFileSync(path.join(dir, 'src/client.ts'), `${CLIENT}// work in progress\n`);
    const refused = await runCli(['src'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes.*src\/client\.ts.*--allow-dirty/);
    expect(readFileSync(path.join(dir, 'src/client.ts'), 'utf8')).toBe(`${CLIENT}// work in progress\n`);

    const allowed = await runCli(['src', '--allow-dirty'], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(dir, 'src/client.ts'), 'utf8')).toContain("baseURL: 'https://api.deepseek.com'");
  });

  it('writes in a clean repository, and warns outside one', async () => {
    const clean = repo({ 'src/client.ts': CLIENT });
    expect((await runCli(['src'], { cwd: clean })).code).toBe(0);
    expect(git(clean, 'diff', '--stat')).toContain('src/client.ts');

    const loose = workspace({ 'client.ts': CLIENT });
    const run = await runCli(['.'], { cwd: loose });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('not inside a git repository');
  });
});

describe('--dry and --check', () => {
  it('--dry writes nothing and prints a patch that git apply turns into what a write produces', async () => {
    const files = { 'src/client.ts': CLIENT, 'src/crlf.ts': CLIENT.replace(/\n/g, '\r\n'), '.env.example': 'OPENAI_API_KEY=\n' };
    const dry = repo(files);
    const run = await runCli(['.', '--dry'], { cwd: dry });
    expect(run.code).toBe(0);
    expect(git(dry, 'status', '--porcelain')).toBe('');
    expect(run.stdout).toMatch(/^diff --git a\/\.env\.example b\/\.env\.example/m);
    expect(run.stderr).toContain('would change');
    writeFileSync(path.join(dry, 'migration.patch'), run.stdout);
    git(dry, 'apply', 'migration.patch');

    const written = repo(files);
    expect((await runCli(['.'], { cwd: written })).code).toBe(0);
    for (const name of Object.keys(files)) {
      expect(readFileSync(path.join(dry, name), 'utf8'), name).toBe(readFileSync(path.join(written, name), 'utf8'));
    }
  });

  it('--check exits 1 when something would change and 0 when nothing would, writing nothing', async () => {
    const dir = workspace({ 'client.ts': CLIENT });
    const check = await runCli(['.', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(readFileSync(path.join(dir, 'client.ts'), 'utf8')).toBe(CLIENT);
    const none = workspace({ 'util.ts': 'export const add = (a: number, b: number) => a + b;\n' });
    expect((await runCli(['.', '--check'], { cwd: none })).code).toBe(0);
  });

  it('--check exits 1 while manual work remains, even with nothing left to rewrite', async () => {
    const dir = workspace({ 'embed.ts': `import OpenAI from 'openai';\nconst c = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });\n// TODO(ds-migrate:no-unsupported-endpoint): kept\nexport const e = () => c.embeddings.create({ model: 'text-embedding-3-small', input: 'x' });\n` });
    const check = await runCli(['.', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/0 would change.*1 items left for you/);
  });
});

describe('files it has no business with', () => {
  it('reports a file that does not parse, leaves it byte-identical, migrates the rest and exits 1', async () => {
    const broken = `import OpenAI from 'openai';\nconst client = new OpenAI(\n`;
    const dir = workspace({ 'broken.ts': broken, 'ok.ts': CLIENT });
    const run = await runCli(['.', '--json', 'report.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/broken\.ts .*expected/);
    expect(readFileSync(path.join(dir, 'broken.ts'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(dir, 'ok.ts'), 'utf8')).toContain('deepseek');
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.files.find((f: { path: string }) => f.path === 'broken.ts')).toMatchObject({ status: 'error' });
    expect(report.summary).toMatchObject({ errors: 1, changed: 1 });
  });

  it('never rewrites .d.ts files, dependency and build folders, or what .gitignore (nested too) excludes', async () => {
    const dir = repo({
      '.gitignore': 'generated/\n',
      'src/.gitignore': 'local-*.ts\n',
      'src/types.d.ts': `import OpenAI from 'openai';\nexport declare const client: OpenAI;\n`,
      'node_modules/lib/index.js': CLIENT,
      'dist/client.js': CLIENT,
      'generated/client.ts': CLIENT,
      'src/local-client.ts': CLIENT,
      'src/client.ts': CLIENT,
    });
    expect((await runCli(['.'], { cwd: dir })).code).toBe(0);
    for (const untouched of ['src/types.d.ts', 'node_modules/lib/index.js', 'dist/client.js', 'generated/client.ts', 'src/local-client.ts']) {
      const original = untouched === 'src/types.d.ts' ? `import OpenAI from 'openai';\nexport declare const client: OpenAI;\n` : CLIENT;
      expect(readFileSync(path.join(dir, untouched), 'utf8'), untouched).toBe(original);
    }
    expect(readFileSync(path.join(dir, 'src/client.ts'), 'utf8')).toContain('deepseek');
  });

  it('reports invalid UTF-8 and NUL bytes instead of re-encoding, and does not follow symlinks', async () => {
    const invalid = Buffer.concat([Buffer.from(`import OpenAI from 'openai';\n// caf`), Buffer.from([0xe9]), Buffer.from(`\nexport const c = new OpenAI();\n`)]);
    const dir = workspace({ 'latin1.ts': invalid, 'nul.ts': Buffer.from(`import OpenAI from 'openai';\0\n`), 'real/client.ts': CLIENT });
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'), 'dir');
    symlinkSync(path.join(dir, 'link'), path.join(dir, 'real', 'loop'), 'dir');
    const run = await runCli(['.', '--json', 'report.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(dir, 'latin1.ts')).equals(invalid)).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const errors = Object.fromEntries(report.files.filter((f: { status: string }) => f.status === 'error').map((f: { path: string; error: string }) => [f.path, f.error]));
    expect(errors).toEqual({ 'latin1.ts': 'not valid UTF-8, left untouched', 'nul.ts': 'contains a NUL byte (binary file?), left untouched' });
    expect(report.summary.changed).toBe(1);
  });
});

describe('transform selection', () => {
  it('--only and --skip choose transforms; an unknown name is a usage error', async () => {
    const dir = workspace({ 'client.ts': CLIENT });
    const only = await runCli(['.', '--only', 'models', '--dry'], { cwd: dir });
    expect(only.stdout).toContain("+  client.chat.completions.create({ model: 'deepseek-flash'");
    expect(only.stdout).not.toContain('api.deepseek.com');
    const skip = await runCli(['.', '--skip', 'models', '--dry'], { cwd: dir });
    expect(skip.stdout).toContain('api.deepseek.com');
    expect(skip.stdout).not.toContain("'deepseek-flash'");
    const unknown = await runCli(['.', '--only', 'modles'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown transform "modles"');
    const list = await runCli(['--list-transforms'], { cwd: dir });
    expect(list.stdout).toMatch(/^clients\s+Clients:/m);
  });
});

describe('atomic writes', () => {
  it('refuses a file that changed on disk after it was read, keeping the newer content', () => {
    const dir = workspace({ 'a.ts': 'old\n' });
    const file = path.join(dir, 'a.ts');
    const raw = readFileSync(file);
    writeFileSync(file, 'edited by the user\n');
    expect(writeAtomically(file, raw, 'new\n')).toEqual({ ok: false, message: 'it changed on disk during the run; left as it is now' });
    expect(readFileSync(file, 'utf8')).toBe('edited by the user\n');
    expect(writeAtomically(file, readFileSync(file), 'new\n')).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });
});

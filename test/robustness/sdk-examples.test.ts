/**
 * The openai SDK's own examples, migrated. The npm package ships no `examples/` folder, so the
 * examples are what it does ship: the README's code blocks and the `@example` blocks of its `src/`
 * (one per API method, written by the SDK's authors). Each becomes a module; those that use `client`
 * without declaring it get the README's `const client = new OpenAI()` in front.
 *
 * Expected: no crash, every migrated example parses, every example that type-checks against the
 * installed SDK before the migration still does after it, and the chat examples run on DeepSeek.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, crashOf, parseProblem, REPO, removeTempDirs, runBuiltCli, tempDir } from './harness.js';

const SDK = path.join(REPO, 'node_modules/openai');

/** `[name, code]` for every ts/js block of the README and every `@example` block under src/. */
function sdkExamples(): [string, string][] {
  const out: [string, string][] = [];
  const readme = readFileSync(path.join(SDK, 'README.md'), 'utf8');
  let n = 0;
  for (const match of readme.matchAll(/^```(ts|js|typescript|javascript)\n([\s\S]*?)^```/gm)) {
    out.push([`readme/block-${String(++n).padStart(2, '0')}.${match[1].startsWith('t') ? 'ts' : 'js'}`, match[2]]);
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(SDK, 'src')).sort()) {
    const text = readFileSync(file, 'utf8');
    let i = 0;
    for (const match of text.matchAll(/^\s*\* ```ts\n([\s\S]*?)^\s*\* ```/gm)) {
      const code = match[1].replace(/^\s*\* ?/gm, '');
      const name = path.relative(path.join(SDK, 'src'), file).replace(/\.ts$/, '').split(path.sep).join('-');
      out.push([`api/${name}-${++i}.ts`, code]);
    }
  }
  return out.map(([name, code]) => [name, /\bclient\b/.test(code) && !/\bconst client\b/.test(code) ? `import OpenAI from 'openai';\n\nconst client = new OpenAI();\n\n${code}` : code]);
}

/** Type errors per file (the SDK's own types, strict), for the files given. */
function typeErrors(dir: string, files: readonly string[]): Map<string, string[]> {
  const program = ts.createProgram(
    files.map((f) => path.join(dir, f)),
    { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], typeRoots: [path.join(REPO, 'node_modules/@types')] },
  );
  const out = new Map<string, string[]>();
  for (const file of files) {
    const source = program.getSourceFile(path.join(dir, file));
    const diagnostics = source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    out.set(file, diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')));
  }
  return out;
}

interface Report {
  files: { path: string; status: string; error?: string; manual: unknown[] }[];
  summary: { scanned: number; changed: number; errors: number; manual: number };
}

let dir: string;
let examples: [string, string][];
let report: Report;
let exitCode: number | null;

beforeAll(async () => {
  examples = sdkExamples();
  dir = tempDir('sdk-examples');
  for (const [name, text] of examples) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  commitAll(dir);
  // After the commit, and skipped by discovery: only there so the examples type-check against the SDK.
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const reportFile = path.join(tempDir('report'), 'report.json');
  const run = await runBuiltCli(['--json', reportFile, '.'], { cwd: dir, timeoutMs: 300_000 });
  expect(crashOf(run), run.stderr).toBeNull();
  exitCode = run.code;
  report = JSON.parse(readFileSync(reportFile, 'utf8'));
}, 600_000);

afterAll(removeTempDirs);

describe("the openai SDK's own examples", () => {
  const status = (name: string) => report.files.find((f) => f.path === name)?.status ?? 'unchanged';

  it('are found: the README blocks and an @example per API method', () => {
    const parsing = examples.filter(([name, text]) => parseProblem(name, text) === null).length;
    console.log(`openai SDK examples: ${examples.length} (${parsing} parse as modules); ${JSON.stringify(report.summary)}`);
    expect(examples.filter(([n]) => n.startsWith('readme/')).length).toBeGreaterThan(20);
    expect(examples.filter(([n]) => n.startsWith('api/')).length).toBeGreaterThan(100);
  });

  it('migrate without a per-file error on any example that parses, and every migrated example parses', () => {
    const parsedBefore = examples.filter(([name, text]) => parseProblem(name, text) === null);
    // README blocks that are fragments (`...` placeholders) do not parse: an error is right for them.
    const errors = report.files.filter((f) => f.status === 'error');
    for (const failed of errors) expect(parsedBefore.map(([n]) => n), `${failed.path}: ${failed.error}`).not.toContain(failed.path);
    expect(exitCode).toBe(errors.length > 0 ? 1 : 0);
    for (const [name] of examples) {
      if (status(name) !== 'changed') continue;
      expect(parseProblem(name, readFileSync(path.join(dir, name), 'utf8')), name).toBeNull();
    }
  });

  it('chat examples run on DeepSeek: a DeepSeek base URL, and no OpenAI model left in a chat call', () => {
    // README blocks 15 and 16 use a `client` they never import: nothing says it is the SDK's.
    const chat = examples.filter(([, text]) => /from 'openai'/.test(text) && /chat\.completions\.(create|stream|parse|runTools)\(/.test(text)).map(([n]) => n);
    expect(chat.length).toBeGreaterThanOrEqual(5);
    for (const name of chat) {
      const after = readFileSync(path.join(dir, name), 'utf8');
      if (status(name) === 'error') continue;
      expect(after, name).toMatch(/api\.deepseek\.com|DEEPSEEK/);
      expect(after, name).not.toMatch(/chat\.completions\.\w+\(\{[^}]*model: '(gpt-|o\d)/);
    }
  });

  it('every example that type-checked against the SDK before the migration still does', () => {
    const names = examples.map(([n]) => n).filter((n) => n.endsWith('.ts'));
    const after = typeErrors(dir, names);
    const beforeDir = tempDir('sdk-examples-before');
    for (const [name, text] of examples) {
      mkdirSync(path.dirname(path.join(beforeDir, name)), { recursive: true });
      writeFileSync(path.join(beforeDir, name), text);
    }
    writeFileSync(path.join(beforeDir, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(path.join(REPO, 'node_modules'), path.join(beforeDir, 'node_modules'), 'dir');
    const before = typeErrors(beforeDir, names);
    const broken = names.filter((n) => before.get(n)!.length === 0 && after.get(n)!.length > 0).map((n) => `${n}: ${after.get(n)!.join('; ')}`);
    expect(broken).toEqual([]);
    expect(names.filter((n) => before.get(n)!.length === 0).length).toBeGreaterThan(100);
  }, 300_000);

  it('no migrated client combines the DeepSeek key with options the SDK rejects next to it', () => {
    const conflicting = examples.filter(([, text]) => /workloadIdentity:|provider: bedrock/.test(text)).map(([n]) => n);
    expect(conflicting.length).toBeGreaterThan(3);
    for (const name of conflicting) {
      const after = readFileSync(path.join(dir, name), 'utf8');
      if (!/apiKey: process\.env\.DEEPSEEK_API_KEY/.test(after)) continue;
      expect(after, name).not.toMatch(/workloadIdentity:|provider: bedrock/);
    }
  });

  it("a property's trailing comment does not move to the inserted baseURL", () => {
    for (const [name, text] of examples) {
      if (status(name) !== 'changed') continue;
      const comments = [...text.matchAll(/\/\/ .*$/gm)].map((m) => m[0]);
      const baseUrlLines = readFileSync(path.join(dir, name), 'utf8').split('\n').filter((l) => l.includes("baseURL: 'https://api.deepseek.com'"));
      for (const line of baseUrlLines) for (const comment of comments) expect(line, name).not.toContain(comment);
    }
  });
});

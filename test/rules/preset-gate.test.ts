/**
 * The presets leave out files whose saved text cannot reach the SDK (rules/preset-gate.ts), so that
 * ESLint's per-file cost of having a rule on is not paid where the SDK is not used. The gate must
 * never change what is reported: on every sample project and transform fixture, the gated preset
 * reports exactly what its rules report when turned on for every file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { savedFileCannotReachSdk } from '../../rules/preset-gate.js';
import { mayReachSdk } from '../../src/files/prefilter.js';
import { CODE_EXTENSIONS } from '../../src/parse/language.js';
import { listProjects, listSourceFiles, PROJECTS_DIR } from '../fixtures/projects.js';
import { tempProject } from '../lint/temp-project.js';

const TRANSFORMS_DIR = fileURLToPath(new URL('../../fixtures/transforms/', import.meta.url));
const CODE_FILES = [`**/*{${CODE_EXTENSIONS.join(',')}}`];
const { all } = plugin.configs;
/** The same rules, on for every file: what the gate must not change. */
const ungated: Linter.Config = { plugins: all.plugins, rules: all.rules };

function eslintWith(cwd: string, preset: Linter.Config, settings: Record<string, unknown> = {}): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        files: CODE_FILES,
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        settings: { deepseek: settings },
      },
      preset,
    ],
  });
}

async function messagesOf(eslint: ESLint, cwd: string, files: string[]): Promise<string[]> {
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();
}

async function hasPresetRules(eslint: ESLint, file: string): Promise<boolean> {
  const config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
  return Object.keys(config?.rules ?? {}).some((id) => id.startsWith('ds-migrate/'));
}

describe('mayReachSdk', () => {
  it.each([
    'client.chat.completions.create({})',
    'ai?.embeddings.create({})',
    "client['responses'].create({})",
    'client\n  .withOptions({ timeout: 5 })',
    'const { completions } = x.chat;',
    "import OpenAI from 'openai';",
    "const MODEL = 'gpt-4o-mini';",
    'process.env.DEEPSEEK_API_KEY',
  ])('lets through %j', (text) => {
    expect(mayReachSdk(text)).toBe(true);
  });

  it.each(['const files = [];', 'this.chatRoom.send(m);', 'getModels();', 'export const chat = () => null;', "const model = 'llama-3';"])(
    'leaves out %j',
    (text) => {
      expect(mayReachSdk(text)).toBe(false);
    },
  );
});

describe('savedFileCannotReachSdk', () => {
  const project = tempProject({ 'src/util.ts': 'export const sum = (a: number, b: number) => a + b;\n', 'src/chat.ts': 'await ai.chat.completions.create({});\n' });
  afterAll(() => project.remove());

  it('leaves out a saved file that cannot reach the SDK', () => {
    expect(savedFileCannotReachSdk(path.join(project.dir, 'src/util.ts'))).toBe(true);
  });
  it('keeps a saved file that reaches an SDK resource', () => {
    expect(savedFileCannotReachSdk(path.join(project.dir, 'src/chat.ts'))).toBe(false);
  });
  it('keeps a file it cannot read (text linted under a made-up name, a folder)', () => {
    expect(savedFileCannotReachSdk(path.join(project.dir, 'src/not-saved-yet.ts'))).toBe(false);
    expect(savedFileCannotReachSdk(path.join(project.dir, 'src'))).toBe(false);
  });
});

describe('the gated presets through ESLint', () => {
  for (const name of listProjects()) {
    it(`${name}: the same messages as the ungated rules`, async () => {
      const dir = path.join(PROJECTS_DIR, name);
      const files = listSourceFiles(dir);
      const gated = await messagesOf(eslintWith(dir, all), dir, files);
      expect(gated).toEqual(await messagesOf(eslintWith(dir, ungated), dir, files));
    });
  }

  it('nextjs-shared-client with clientModules: a file that only calls the imported client keeps its rules', async () => {
    const dir = path.join(PROJECTS_DIR, 'nextjs-shared-client');
    const settings = { clientModules: ['@/lib/openai', '../../lib/openai'] };
    const files = listSourceFiles(dir);
    const gated = await messagesOf(eslintWith(dir, all, settings), dir, files);
    expect(gated).toEqual(await messagesOf(eslintWith(dir, ungated, settings), dir, files));
    expect(gated.some((m) => m.startsWith(path.join('src', 'app', 'api', 'search', 'route.ts')))).toBe(true);
  });

  it('a file that names no SDK and only calls a client from settings.deepseek.clientModules keeps its rules', async () => {
    const project = tempProject({ 'src/search.ts': "import { ai } from '@/lib/ai';\n\nexport const embed = (input: string) => ai.embeddings.create({ input });\n" });
    try {
      const eslint = eslintWith(project.dir, plugin.configs.recommended, { clientModules: ['@/lib/ai'] });
      const messages = await messagesOf(eslint, project.dir, ['src/search.ts']);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('ds-migrate/no-unsupported-endpoint');
    } finally {
      project.remove();
    }
  });

  it('the transform fixtures: the same messages as the ungated rules', async () => {
    const gated = await messagesOf(eslintWith(TRANSFORMS_DIR, all), TRANSFORMS_DIR, ['.']);
    expect(gated.length).toBeGreaterThan(50);
    expect(gated).toEqual(await messagesOf(eslintWith(TRANSFORMS_DIR, ungated), TRANSFORMS_DIR, ['.']));
  });

  it('no-sdk: the preset applies only to the files that name the SDK (its near misses)', async () => {
    const dir = path.join(PROJECTS_DIR, 'no-sdk');
    const eslint = eslintWith(dir, plugin.configs.recommended);
    const files = listSourceFiles(dir);
    const applied: string[] = [];
    for (const file of files) if (await hasPresetRules(eslint, path.join(dir, file))) applied.push(file);
    expect(applied).toEqual(files.filter((file) => mayReachSdk(readFileSync(path.join(dir, file), 'utf8'))));
    expect(applied).not.toContain('src/lib/format.ts');
  });

  describe('text linted under a name', () => {
    const code = "import OpenAI from 'openai';\nconst ai = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });\nawait ai.chat.completions.create({ model: 'deepseek-flash', messages: [], temperature: 0.2 });\n";
    const project = tempProject({ 'src/saved-without-sdk.ts': 'export {};\n' });
    afterAll(() => project.remove());

    it('a name with no saved file gets the rules', async () => {
      const [result] = await eslintWith(project.dir, plugin.configs.recommended).lintText(code, { filePath: path.join(project.dir, 'src/new.ts') });
      expect(result.messages.map((m) => m.ruleId)).toEqual(['ds-migrate/no-ignored-param']);
    });

    it('the saved text decides: a buffer of a saved file that cannot reach the SDK is left out until saved', async () => {
      const file = path.join(project.dir, 'src/saved-without-sdk.ts');
      expect(readFileSync(file, 'utf8')).toBe('export {};\n');
      const [result] = await eslintWith(project.dir, plugin.configs.recommended).lintText(code, { filePath: file });
      expect(result.messages).toEqual([]);
    });
  });
});

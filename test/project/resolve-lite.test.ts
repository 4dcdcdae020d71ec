/**
 * resolve-lite.ts and tsconfig-lite.ts answer most imports without loading TypeScript; they must give
 * exactly TypeScript's answer. Every specifier here is resolved both ways (the resolver as it runs, and
 * with `typeScriptOnly`), over a matrix of files, configs and specifiers, the sample projects and a
 * generated SDK-dense project; and the lite way must really have answered, or the comparison proves
 * nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { denseCorpus } from '../../bench/corpus.js';
import { ModuleResolver } from '../../src/analysis/project/module-resolver.js';
import { parseJsonWithComments } from '../../src/analysis/project/tsconfig-lite.js';
import { codeFilesUnder } from '../fixtures/code-files.js';
import { listProjects, PROJECTS_DIR } from '../fixtures/projects.js';

const root = mkdtempSync(join(tmpdir(), 'ds-migrate-resolve-lite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(base: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

/** Files whose lookups disagree if an extension, index or declaration rule is off. */
const SOURCE_FILES = [
  'a.ts', 'b.tsx', 'c.d.ts', 'd.js', 'e.jsx', 'f.mts', 'g.cts', 'h.mjs', 'i.cjs', 'j.ts', 'j.d.ts', 'k.js', 'k.d.ts',
  'user.service.ts', 'view.d.css.ts', 'both.js', 'both.ts', 'pair.ts', 'pair.tsx', 'o.ts', 'o/index.ts',
  'dir/index.ts', 'dir2/index.js', 'dir4/index.d.ts', 'dir5/index.tsx', 'data.json', 'v1.2.ts',
  // node10 finds q/index.ts (TypeScript files first, folders included), bundler q.js (files first).
  'q.js', 'q/index.ts',
  'lib/openai.ts', 'lib/models/index.ts', 'lib/helpers.js', 'feature/x.ts', 'feature/deep/y.ts',
];

const SPECIFIERS = [
  './a', './a.js', './a.ts', './a.tsx', './a.jsx', './a.mjs', './b', './b.js', './b.jsx', './b.ts', './c', './c.js', './d', './d.js',
  './d.ts', './e', './e.js', './e.jsx', './f', './f.mjs', './f.js', './f.mts', './g', './g.cjs', './h', './h.mjs', './h.js', './i',
  './i.cjs', './j', './j.js', './k', './k.js', './user.service', './user.service.js', './view.css', './both', './both.js', './pair',
  './pair.js', './o', './o/', './dir', './dir/index', './dir/index.js', './dir2', './dir3', './dir4', './dir5', './data.json',
  './data', './q', './v1.2', './v1', './missing', './missing.js', '.', '..', './lib/openai', './lib/models', './lib/helpers', 'lib/openai',
  'lib/helpers.js', '@/lib/openai', '@/lib/openai.js', '@/lib/models', '@/a', '@/missing', '@/', '~/lib/openai', '~/a', 'exact',
  'openai', 'node:fs', '#internal', 'self-pkg', 'self-pkg/utils', 'a', 'feature/x', 'starstar/x/y', 'lib/sub/a', 'dollar/$&', 'src/a',
];

/** The folder every specifier is written in (`../` from feature/x.ts reaches the source root). */
const FROM_FILES = ['feature/x.ts', 'feature/deep/y.ts', 'a.ts'];

const PATHS = {
  '@/*': ['./src/*'],
  '~/*': ['./missing/*', './src/*'],
  exact: ['./src/lib/openai'],
  'lib/*': ['./src/lib/*'],
  'lib/sub/*': ['./src/*'],
  'starstar/*/*': ['./src/*'],
  'dollar/*': ['./src/*'],
  // Matches, finds nothing: TypeScript does not go on to baseUrl (where src/a.ts is).
  'src/*': ['./missing/*'],
};

const json = (value: unknown) => JSON.stringify(value);

/**
 * One project per config shape; each has the same src/ tree, in `app` when it is set. `links`: symlink
 * path → its target, relative to it.
 */
const PROJECTS: Record<string, { config?: Record<string, string>; links?: Record<string, string>; app?: string; lite: boolean }> = {
  'bundler-paths': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', baseUrl: '.', paths: PATHS } }) }, lite: true },
  'paths-no-baseurl': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: PATHS } }) }, lite: true },
  'baseurl-src': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './src' } }) }, lite: true },
  'node10-paths': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'node', module: 'commonjs', baseUrl: '.', paths: PATHS } }) }, lite: true },
  'node10-explicit': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'Node10' } }) }, lite: true },
  classic: { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'classic', baseUrl: 'src' } }) }, lite: true },
  'module-commonjs': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', paths: { '@/*': ['src/*'] } } }) }, lite: true },
  jsconfig: { config: { 'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }) }, lite: true },
  comments: {
    config: {
      'tsconfig.json': `// a comment\n{\n  /* block, with "quotes" and // inside */\n  "compilerOptions": {\n    "baseUrl": ".", // trailing\n    "paths": { "@/*": ["./src/*",], "url//*": ["./src/*"], },\n  },\n}\n`,
    },
    lite: true,
  },
  'extends-relative': {
    app: 'app',
    config: {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'app/tsconfig.json': JSON.stringify({ extends: '../tsconfig.base', compilerOptions: { strict: true } }),
    },
    lite: true,
  },
  'extends-override': {
    config: {
      'configs/base.json': JSON.stringify({ compilerOptions: { moduleResolution: 'node', baseUrl: '..', paths: { '@/*': ['../missing/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './configs/base.json', compilerOptions: { paths: { '@/*': ['./src/*'], '~/*': ['./src/lib/*'] } } }),
    },
    lite: true,
  },
  'extends-paths-only-in-base': {
    config: {
      'configs/base.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['../src/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './configs/base.json' }),
    },
    lite: true,
  },
  'self-name': {
    config: {
      'package.json': JSON.stringify({ name: 'self-pkg', exports: { './utils': './src/lib/openai.ts' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
    },
    lite: true,
  },
  'folder-with-package-json': {
    config: { 'src/dir3/package.json': JSON.stringify({ main: './main.js', types: './main.d.ts' }), 'src/dir3/main.ts': '', 'src/dir3/main.js': '' },
    lite: true,
  },
  'no-config': { lite: true },
  // Left to TypeScript: the comparison still holds, and says the fallback is wired.
  'root-dirs': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { rootDirs: ['src', 'generated'] } }) }, lite: false },
  nodenext: { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }) }, lite: false },
  // A config from a package: each base sets what resolution depends on, so reading the wrong one (or
  // none) changes answers.
  'extends-package-file': {
    config: {
      'node_modules/@tsconfig/paths-base/tsconfig.json': json({ compilerOptions: { moduleResolution: 'node', baseUrl: '../../..', paths: { '@/*': ['src/*'] } } }),
      'tsconfig.json': json({ extends: '@tsconfig/paths-base/tsconfig.json' }),
    },
    lite: true,
  },
  // The project is in apps/web/: its node_modules folder, without the package, and apps/, with none, are
  // passed over for the one at the top.
  'extends-package-folder': {
    app: 'apps/web',
    config: {
      'node_modules/base-config/package.json': json({ name: 'base-config', version: '1.0.0' }),
      'node_modules/base-config/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['../../apps/web/src/*'], '~/*': ['../../apps/web/src/lib/*'] } } }),
      'apps/web/node_modules/unrelated/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['./missing/*'] } } }),
      'apps/web/tsconfig.json': json({ extends: 'base-config' }),
    },
    lite: true,
  },
  // …and the nearest node_modules folder that has it wins.
  'extends-package-nearest': {
    app: 'app',
    config: {
      'node_modules/base-config/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['../../missing/*'] } } }),
      'app/node_modules/base-config/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['../../src/*'] } } }),
      'app/tsconfig.json': json({ extends: 'base-config' }),
    },
    lite: true,
  },
  'extends-package-json-appended': {
    config: {
      'node_modules/@repo/tsconfig/base.json': json({ compilerOptions: { baseUrl: '../../../src' } }),
      'node_modules/@repo/tsconfig/base': json({ compilerOptions: { baseUrl: '../../../missing' } }),
      'tsconfig.json': json({ extends: '@repo/tsconfig/base' }),
    },
    lite: true,
  },
  // A monorepo's shared config, linked into node_modules by the package manager: TypeScript reads it at
  // its real path, so its `paths` are relative to packages/typescript-config. Its base says NodeNext,
  // which the config that extends it overrides.
  'extends-workspace-link': {
    config: {
      'packages/typescript-config/package.json': json({ name: '@repo/typescript-config', private: true }),
      'packages/typescript-config/base.json': json({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
      'packages/typescript-config/nextjs.json': json({ extends: './base.json', compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '@/*': ['../../src/*'] } } }),
      'tsconfig.json': json({ extends: '@repo/typescript-config/nextjs.json', compilerOptions: { allowJs: true } }),
    },
    links: { 'node_modules/@repo/typescript-config': '../../packages/typescript-config' },
    lite: true,
  },
  'extends-list': {
    config: {
      'configs/a.json': json({ compilerOptions: { moduleResolution: 'node', paths: { '@/*': ['../missing/*'] } } }),
      'node_modules/@tsconfig/paths-b/tsconfig.json': json({ compilerOptions: { paths: { '@/*': ['../../../src/*'] } } }),
      'tsconfig.json': json({ extends: ['./configs/a.json', '@tsconfig/paths-b/tsconfig.json'] }),
    },
    lite: true,
  },
  // A relative path into node_modules: TypeScript reads it where it is written (no real path).
  'extends-relative-into-node-modules': {
    config: {
      'node_modules/@tsconfig/strictest/tsconfig.json': json({ compilerOptions: { strict: true, baseUrl: '../../../src' } }),
      'tsconfig.json': json({ extends: './node_modules/@tsconfig/strictest/tsconfig' }),
    },
    lite: true,
  },
  'extends-missing-package': { config: { 'tsconfig.json': json({ extends: '@tsconfig/node20/tsconfig.json', compilerOptions: { baseUrl: '.' } }) }, lite: false },
  'extends-package-with-exports': {
    config: {
      'node_modules/exported-config/package.json': json({ name: 'exported-config', exports: { './base': './configs/base.json' } }),
      'node_modules/exported-config/configs/base.json': json({ compilerOptions: { baseUrl: '../../../src' } }),
      // What the lookup would find if it ignored `exports`.
      'node_modules/exported-config/base.json': json({ compilerOptions: { baseUrl: '../../missing' } }),
      'tsconfig.json': json({ extends: 'exported-config/base' }),
    },
    lite: false,
  },
  'extends-nodenext-kept': {
    config: {
      'configs/base.json': json({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }),
      'tsconfig.json': json({ extends: './configs/base.json', compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
    },
    lite: false,
  },
  'not-json': { config: { 'tsconfig.json': '{ compilerOptions: { baseUrl: "." } }' }, lite: false },
  'config-dir-template': { config: { 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['${configDir}/src/*'] } } }) }, lite: false },
};

function compare(pairs: readonly (readonly [string, string])[]) {
  const lite = new ModuleResolver();
  const typescript = new ModuleResolver({ typeScriptOnly: true });
  const differences: string[] = [];
  for (const [specifier, from] of pairs) {
    const expected = typescript.resolve(specifier, from);
    const actual = lite.resolve(specifier, from);
    if (actual !== expected) differences.push(`${specifier} from ${from}: TypeScript ${expected}, lite ${actual}`);
  }
  return { differences, lite };
}

describe('resolve-lite answers as TypeScript does', () => {
  for (const [name, project] of Object.entries(PROJECTS)) {
    it(name, () => {
      const base = join(root, name);
      write(base, Object.fromEntries(SOURCE_FILES.map((file) => [`src/${file}`, 'export {};\n'])));
      write(base, project.config ?? {});
      for (const [link, target] of Object.entries(project.links ?? {})) {
        mkdirSync(dirname(join(base, link)), { recursive: true });
        symlinkSync(target, join(base, link), 'dir');
      }
      const app = project.app ? join(base, project.app) : base;
      if (app !== base) write(app, Object.fromEntries(SOURCE_FILES.map((file) => [`src/${file}`, 'export {};\n'])));
      const pairs = FROM_FILES.flatMap((from) => SPECIFIERS.map((specifier) => [specifier, join(app, 'src', from)] as const));
      const { differences, lite } = compare(pairs);
      expect(differences).toEqual([]);
      if (project.lite) {
        expect(lite.answeredBy.lite).toBeGreaterThan(lite.answeredBy.typescript);
      } else {
        expect(lite.answeredBy.lite).toBe(0);
      }
    });
  }

  it('every import of the sample projects', () => {
    const pairs = listProjects().flatMap((project) => codeFilesUnder(join(PROJECTS_DIR, project)).flatMap((file) => specifiersIn(readFileSync(file, 'utf8')).map((specifier) => [specifier, file] as const)));
    expect(pairs.length).toBeGreaterThan(50);
    const { differences, lite } = compare(pairs);
    expect(differences).toEqual([]);
    expect(lite.answeredBy.lite).toBeGreaterThan(0);
  });

  it('every import of a generated SDK-dense project (300 files)', () => {
    const base = join(root, 'dense');
    const corpus = denseCorpus({ seed: 11, files: 300 });
    write(base, Object.fromEntries(corpus.map((file) => [file.path, file.text])));
    const pairs = corpus.flatMap((file) => specifiersIn(file.text).map((specifier) => [specifier, join(base, file.path)] as const));
    expect(pairs.length).toBeGreaterThan(100);
    const { differences, lite } = compare(pairs);
    expect(differences).toEqual([]);
    expect(lite.answeredBy.typescript).toBe(0);
  });
});

describe('tsconfig files are read as TypeScript reads them', () => {
  it('comments and trailing commas, but not strings that look like them', () => {
    expect(parseJsonWithComments('{ "a": "// not a comment", /* c */ "b": [1, 2,], }')).toEqual({ a: '// not a comment', b: [1, 2] });
    expect(parseJsonWithComments('{ "a": "x,}" }')).toEqual({ a: 'x,}' });
    expect(parseJsonWithComments('{ "a": "quote \\" /* inside */" }')).toEqual({ a: 'quote " /* inside */' });
  });

  it('leaves what is not JSON with comments to TypeScript', () => {
    expect(parseJsonWithComments('{ a: 1 }')).toBeUndefined();
    expect(parseJsonWithComments('{ "a": 1 /* unterminated')).toBeUndefined();
    expect(parseJsonWithComments('')).toBeUndefined();
  });
});

/** Static import/export/require specifiers, by pattern (enough to list what a file imports). */
function specifiersIn(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

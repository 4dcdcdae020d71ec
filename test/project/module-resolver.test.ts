/**
 * ModuleResolver answers as the project's TypeScript would, while resolving each bare or aliased
 * specifier once per compiler options and package (not once per importing folder).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleResolver } from '../../src/analysis/project/module-resolver.js';

const root = mkdtempSync(join(tmpdir(), 'ds-migrate-resolver-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

write({
  'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', module: 'esnext', baseUrl: '.', paths: { '@/*': ['./shared/*'] } } }),
  'shared/openai.ts': 'export const client = 1;\n',
  'packages/a/package.json': JSON.stringify({ name: 'pkg-a', exports: { './utils': './src/utils.ts' } }),
  'packages/a/src/utils.ts': 'export const x = 1;\n',
  'packages/a/src/deep/x.ts': "import { x } from 'pkg-a/utils';\n",
  'packages/b/package.json': JSON.stringify({ name: 'pkg-b' }),
  'packages/b/src/y.ts': "import { x } from 'pkg-a/utils';\n",
  'node_modules/pkg-a/package.json': JSON.stringify({ name: 'pkg-a', main: 'index.js' }),
  'node_modules/pkg-a/index.js': 'exports.x = 1;\n',
  // A project inside a node_modules folder: TypeScript calls everything there an external library.
  'node_modules/app/package.json': JSON.stringify({ name: 'app' }),
  'node_modules/app/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~/*': ['./src/*'] } } }),
  'node_modules/app/src/lib/openai.ts': 'export const client = 1;\n',
  'node_modules/app/src/feature/a.ts': "import { client } from '../lib/openai';\n",
});

describe('ModuleResolver', () => {
  it('resolves an alias to the same file from every folder', () => {
    const resolver = new ModuleResolver();
    const expected = join(root, 'shared/openai.ts');
    expect(resolver.resolve('@/openai', join(root, 'packages/a/src/deep/x.ts'))).toBe(expected);
    expect(resolver.resolve('@/openai', join(root, 'packages/b/src/y.ts'))).toBe(expected);
  });

  it('keeps answers that depend on the package apart: a self-reference resolves only inside its package', () => {
    const resolver = new ModuleResolver();
    // Inside pkg-a, `pkg-a/utils` is its own source file (package.json `exports`); in pkg-b it is the
    // installed package, which is never a project file.
    expect(resolver.resolve('pkg-a/utils', join(root, 'packages/a/src/deep/x.ts'))).toBe(join(root, 'packages/a/src/utils.ts'));
    expect(resolver.resolve('pkg-a/utils', join(root, 'packages/b/src/y.ts'))).toBeNull();
  });

  it('treats files inside node_modules as packages, as TypeScript does, even a relative import there', () => {
    const resolver = new ModuleResolver();
    const from = join(root, 'node_modules/app/src/feature/a.ts');
    expect(resolver.resolve('../lib/openai', from)).toBeNull();
    expect(resolver.resolve('~/lib/openai', from)).toBeNull();
  });

  it('answers null for what only node_modules holds', () => {
    expect(new ModuleResolver().resolve('pkg-a', join(root, 'packages/b/src/y.ts'))).toBeNull();
  });
});

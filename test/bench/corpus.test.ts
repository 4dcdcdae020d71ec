/**
 * The bench corpora are generated from a seed: the same seed must give the same files, byte for byte,
 * or ratios from two runs are not comparable. No timing here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFilesIn, CORPUS_EXTENSIONS, denseCorpus, isCodePath, Rng, sparseCorpus, writeCorpus, type CorpusFile } from '../../bench/corpus.js';

const SDK = /openai|deepseek|OPENAI_|DEEPSEEK_/i;
const code = (files: readonly CorpusFile[]) => files.filter((f) => isCodePath(f.path));

describe('Rng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('sparse corpus', () => {
  const files = sparseCorpus({ seed: 11, files: 5000 });

  it('is the same for the same seed, byte for byte, and different for another seed', () => {
    expect(sparseCorpus({ seed: 11, files: 5000 })).toEqual(files);
    expect(sparseCorpus({ seed: 12, files: 5000 })).not.toEqual(files);
  });

  it('has the requested number of code files, unique paths, a tsconfig with a paths alias', () => {
    expect(code(files)).toHaveLength(5000);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    const tsconfig = JSON.parse(files.find((f) => f.path === 'tsconfig.json')!.text);
    expect(tsconfig.compilerOptions.paths['@/*']).toEqual(['./src/*']);
  });

  it('uses the SDK in about 1% of files, across kinds of app files', () => {
    const users = code(files).filter((f) => SDK.test(f.text) || /from '@\/lib\/ai/.test(f.text));
    expect(users.length).toBeGreaterThanOrEqual(40);
    expect(users.length).toBeLessThanOrEqual(60);
    for (const kind of ['/components/', '/hooks/', '/utils/', '/types/', '/__tests__/', '/services/', 'route.ts']) {
      expect(files.some((f) => f.path.includes(kind)), kind).toBe(true);
    }
    expect(files.some((f) => f.path.endsWith('.tsx'))).toBe(true);
  });
});

describe('dense corpus', () => {
  const files = denseCorpus({ seed: 5, files: 1000 });

  it('is the same for the same seed', () => {
    expect(denseCorpus({ seed: 5, files: 1000 })).toEqual(files);
  });

  it('uses the SDK in every file, in varied ways', () => {
    expect(code(files)).toHaveLength(1000);
    const text = code(files).map((f) => f.text).join('\n');
    for (const feature of ['stream: true', 'tools,', 'function_call', "type: 'json_object'", "type: 'json_schema'", 'embeddings.create', 'responses.create', "require('openai')", "from '@/lib/ai/client'", "from '../", 'CHAT_MODEL', 'new AzureOpenAI']) {
      expect(text, feature).toContain(feature);
    }
    // Every code file uses a client: a local one, one imported from the shared modules, or is one of them.
    for (const file of code(files)) expect(file.text, file.path).toMatch(/openai|\bai\b|azure|MODEL/i);
  });

  it('has only extensions every tool is given, and no declaration files', () => {
    for (const file of code(files)) expect(CORPUS_EXTENSIONS).toContain(path.extname(file.path).slice(1));
    expect(files.some((f) => f.path.endsWith('.d.ts'))).toBe(false);
  });
});

describe('writeCorpus', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ds-migrate-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes exactly the generated files, and replaces what was there', () => {
    writeCorpus(dir, sparseCorpus({ seed: 3, files: 200 }));
    const files = denseCorpus({ seed: 3, files: 50 });
    writeCorpus(dir, files);
    const onDisk = codeFilesIn(dir).map((f) => path.relative(dir, f).split(path.sep).join('/'));
    expect(onDisk.sort()).toEqual(code(files).map((f) => f.path).sort());
    for (const file of files) expect(readFileSync(path.join(dir, file.path), 'utf8')).toBe(file.text);
  });
});

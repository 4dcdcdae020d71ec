/**
 * Two parsers feed the same analysis: oxc in the analysis workers (fast, needs a big stack) and
 * typescript-estree in the main thread and for files too long for the workers' stack bound (see
 * `OXC` in src/project/analyse-pool.ts). What the analysis reads from either AST must be the same, or a
 * run's result would depend on its size. Checked on every transform fixture, every sample project file
 * and a generated SDK-dense corpus; and both must refuse the same broken input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseCorpus } from '../../bench/corpus.js';
import { analyzeFile } from '../../src/analysis/analyze-file.js';
import { endOf, startOf } from '../../src/analysis/ast.js';
import { isCodeFile } from '../../src/parse/language.js';
import { loadOxc, oxcSyntaxError, parseWithOxc } from '../../src/parse/oxc-parse.js';
import { ParseError, parseText } from '../../src/parse/source-file.js';
import { syntaxError } from '../../src/parse/syntax-check.js';
import { codeFilesUnder } from '../fixtures/code-files.js';
import { listProjects, listSourceFiles, PROJECTS_DIR } from '../fixtures/projects.js';

beforeAll(async () => {
  expect(await loadOxc()).toBe(true);
});

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The analysis of a file under both parsers (this thread parses with typescript-estree by default). */
function bothWays(file: string, text: string) {
  return { estree: analyzeFile(file, text, parseText(file, text)), oxc: analyzeFile(file, text, parseWithOxc(file, text)) };
}

describe('oxc and typescript-estree give the analysis the same file', () => {
  it('every transform fixture', () => {
    const files = codeFilesUnder(path.join(FIXTURES, 'transforms'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const { estree, oxc } = bothWays(file, readFileSync(file, 'utf8'));
      expect(oxc, file).toEqual(estree);
    }
  });

  it('every sample project file', () => {
    for (const project of listProjects()) {
      for (const rel of listSourceFiles(path.join(PROJECTS_DIR, project))) {
        const file = path.join(PROJECTS_DIR, project, rel);
        const { estree, oxc } = bothWays(file, readFileSync(file, 'utf8'));
        expect(oxc, file).toEqual(estree);
      }
    }
  });

  it('a generated SDK-dense corpus (300 files)', () => {
    for (const { path: rel, text } of denseCorpus({ seed: 7, files: 300 })) {
      if (!isCodeFile(rel)) continue;
      const file = path.join('/virtual', rel);
      const { estree, oxc } = bothWays(file, text);
      expect(oxc, rel).toEqual(estree);
    }
  });
});

describe('both refuse broken input', () => {
  const broken: Record<string, string> = {
    'unclosed.ts': 'const client = new OpenAI({ apiKey: "x" ;\n',
    'bad-jsx.tsx': 'export const A = () => <div><span></div>;\n',
    'generic-arrow-in-ts.ts': 'const f = <T>(x: T) => <div>{x}</div>;\n',
    'stray-brace.js': 'function f() {\n  return 1;\n}}\n',
    'keyword.mjs': 'const class = 1;\n',
  };
  for (const [file, text] of Object.entries(broken)) {
    it(file, () => {
      expect(() => parseText(file, text)).toThrow(ParseError);
      expect(() => parseWithOxc(file, text)).toThrow(ParseError);
      const error = oxcSyntaxError(file, text);
      expect(error?.line).toBeGreaterThan(0);
      expect(syntaxError(file, text)).toBeInstanceOf(ParseError);
    });
  }

  it('oxc ranges are UTF-16 offsets, as for typescript-estree (text after an emoji)', () => {
    const text = "const s = '😀 é';\nconst model = 'gpt-4o';\n";
    const { estree, oxc } = bothWays('a.ts', text);
    expect(oxc).toEqual(estree);
    const literal = (parseWithOxc('a.ts', text).body[1] as TSESTree.VariableDeclaration).declarations[0].init!;
    expect(text.slice(startOf(literal), endOf(literal))).toBe("'gpt-4o'");
  });

  it('oxc positions are 1-based lines and columns in UTF-16 code units, as for typescript-estree', () => {
    const text = "const s = '😀😀';\nconst t = (;\n";
    expect(oxcSyntaxError('a.ts', text)).toMatchObject({ line: 2, column: 12 });
  });
});

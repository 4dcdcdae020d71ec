/**
 * The codemod resolves identifiers with its own lite scopes (src/analysis/lite-scopes.ts); the ESLint
 * rules with ESLint's scope manager. Both must answer the same: for every identifier of every file
 * here, the same declaration (definition types, nodes and names, in the same order), the same writes,
 * and one binding object wherever scope-manager has one variable.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { beforeAll, describe, expect, it } from 'vitest';
import { denseCorpus, sparseCorpus } from '../../bench/corpus.js';
import { endOf, forEachNode, startOf, type Node } from '../../src/analysis/ast.js';
import { liteScopes } from '../../src/analysis/lite-scopes.js';
import { scopeManagerLookup, type Binding } from '../../src/analysis/scopes.js';
import { isCodeFile } from '../../src/parse/language.js';
import { loadOxc, parseWithOxc } from '../../src/parse/oxc-parse.js';
import { parseText } from '../../src/parse/source-file.js';
import { codeFilesUnder } from '../fixtures/code-files.js';
import { listProjects, listSourceFiles, PROJECTS_DIR } from '../fixtures/projects.js';

beforeAll(async () => {
  expect(await loadOxc()).toBe(true);
});

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** scope-manager reads `range` (parameter defaults); oxc's AST, as the analysis asks for it, has `start`/`end`. */
function withRanges(ast: TSESTree.Program): TSESTree.Program {
  forEachNode(ast, (node) => {
    node.range ??= [startOf(node), endOf(node)];
  });
  return ast;
}

/** Every difference between the two scope answers for the file's identifiers (empty when they agree). */
function disagreements(ast: TSESTree.Program): string[] {
  const reference = scopeManagerLookup(analyze(withRanges(ast), { sourceType: 'module', lib: [] }));
  const lite = liteScopes(ast);
  const identifiers: (Node & { name: string })[] = [];
  forEachNode(ast, (node) => {
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') identifiers.push(node as Node & { name: string });
  });
  const pairs = new Map<Binding, Binding>();
  const problems: string[] = [];
  for (const id of identifiers) {
    const at = `${id.name} at ${startOf(id)}`;
    const expected = reference.variableOf(id);
    const actual = lite.variableOf(id);
    if (!expected || !actual) {
      if (expected || actual) problems.push(`${at}: ${expected ? 'declared' : 'undeclared'} for scope-manager, ${actual ? 'declared' : 'undeclared'} for lite scopes`);
      continue;
    }
    const paired = pairs.get(expected);
    if (paired && paired !== actual) problems.push(`${at}: one scope-manager variable, two lite bindings`);
    pairs.set(expected, actual);
    const defsOf = (b: Binding) => b.defs.map((d) => [d.type, d.node, d.name, d.parent ?? null]);
    if (!sameItems(defsOf(expected), defsOf(actual))) problems.push(`${at}: definitions differ (${expected.defs.map((d) => d.type)} vs ${actual.defs.map((d) => d.type)})`);
    // scope-manager may record one write twice (`[c = 1] = x`); the analysis asks only whether there is one.
    const writesOf = (b: Binding) => [...new Set(b.references.filter((r) => r.isWrite()).map((r) => startOf(r.identifier)))].sort((x, y) => x - y);
    if (expected.defs.some((d) => d.type === 'Variable') && writesOf(expected).join() !== writesOf(actual).join()) {
      problems.push(`${at}: writes differ (${writesOf(expected)} vs ${writesOf(actual)})`);
    }
  }
  return problems;
}

function sameItems(a: unknown[][], b: unknown[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v === b[i][j]));
}

function check(label: string, ast: TSESTree.Program): void {
  expect(disagreements(ast), label).toEqual([]);
}

describe('lite scopes answer as scope-manager does', () => {
  it('on the shapes scoping is made of', () => {
    const cases: Record<string, string> = {
      'shadowing.ts': `import OpenAI from 'openai';\nconst client = new OpenAI();\nfunction f(client: OpenAI) { { const client = 1; client; } return client; }\nclass OpenAI2 { m() { const OpenAI = 1; return OpenAI; } }\n`,
      'hoisting.js': `function f() { if (x) { var a = 1; } a = 2; a++; for (var i of xs) {} i; }\nvar a = 3; var a = 4;\n`,
      'named-function-expression.js': `const g = function h(n) { return n ? h(n - 1) : g; };\nconst k = function k() { k = 1; };\n`,
      'classes.ts': `class A<T> extends B { static { var s = 1; } x = () => A; m<U>(u: U): T { return this.x as T; } }\nconst C = class D { d = D; };\nnew A(); C;\n`,
      'blocks.js': `let x = 1;\nfor (let x = 0; x < 2; x++) { const y = x; }\nfor (const [k, v] of map) { k; v; }\nfor (x in obj) {}\nswitch (x) { case 1: let z = 1; z; }\ntry { x } catch ({ message }) { message; } finally { x }\nlabel: { x = 2; }\n`,
      'destructuring.js': `let a, b, c;\n({ a, b: [c = 1, ...b] } = obj);\n[a, { b }] = arr;\nconst { d = a, ...e } = obj;\nfunction p({ q, r: [s] = [] }, ...t) { q = 1; return [q, s, t]; }\n`,
      'typescript.ts': `import type { X } from './x';\nimport Y = require('y');\nimport Z = Y.Z;\nexport = Y;\nnamespace N { export const n = 1; var v = 2; }\nnamespace N { n; }\ndeclare global { interface Window { w: 1 } }\ndeclare module 'm' { import q from 'q'; }\nenum E { a = 1, 'b c' = 2, d = a }\ntype T<P> = P;\ninterface I { i(): void }\nfunction over(a: string): void;\nfunction over(a: unknown) { return a; }\nclass P { constructor(private readonly client: Y, public name = 'x') {} }\nabstract class Q { abstract m(x: number): void; }\nlet u = <T,>(t: T) => t;\nconst s = (n as any)!;\n`,
      'merging.ts': `function f() {}\nnamespace f { export const x = 1; }\ninterface C { a: 1 }\nclass C {}\nenum D { a }\nenum D { b = a }\nconst T = 1; type T = number;\n`,
      'jsx.tsx': `import { Button } from './ui';\nexport const A = ({ label }: { label: string }) => <Button onClick={() => label}>{label}<span /></Button>;\n`,
      'commonjs.cjs': `const { OpenAI } = require('openai');\nconst openai = new OpenAI();\nmodule.exports = { openai };\nexports.x = openai;\nfunction g() { return arguments; }\n`,
      'writes.js': `let a = 1; a += 1; a ||= 2; [a] = [3]; ({ a } = {}); for (a of []) {} for (a in {}) {} a--;\nconst b = 1;\nlet c; c = b;\n`,
    };
    for (const [file, text] of Object.entries(cases)) {
      check(`${file} (typescript-estree)`, parseText(file, text));
      check(`${file} (oxc)`, parseWithOxc(file, text));
    }
  });

  it('on every transform fixture and sample project file', () => {
    const files = [...codeFilesUnder(path.join(FIXTURES, 'transforms')), ...listProjects().flatMap((p) => listSourceFiles(path.join(PROJECTS_DIR, p)).map((rel) => path.join(PROJECTS_DIR, p, rel)))];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) check(file, parseWithOxc(file, readFileSync(file, 'utf8')));
  });

  it('on the generated bench corpora', () => {
    const files = [...denseCorpus({ seed: 7, files: 300 }), ...sparseCorpus({ seed: 7, files: 300 })];
    for (const { path: rel, text } of files) if (isCodeFile(rel)) check(rel, parseWithOxc(path.join('/virtual', rel), text));
  });

  it('on real packages: openai, commander, eslint, @babel/traverse', () => {
    const roots = ['openai', 'commander', 'eslint', '@babel/traverse'].map((name) => fileURLToPath(new URL(`../../node_modules/${name}/`, import.meta.url)));
    const files = roots.flatMap((root) => codeFilesUnder(root)).filter((f) => statSync(f).size < 200_000);
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      let ast: TSESTree.Program;
      try {
        ast = parseWithOxc(file, readFileSync(file, 'utf8'));
      } catch {
        continue; // not every file in a package is meant to parse on its own (templates, Flow)
      }
      check(file, ast);
    }
  });
});

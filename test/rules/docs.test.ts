/**
 * The docs cannot drift from the rules: every rule has docs/rules/<rule>.md with the generated header
 * (description, presets, fix kinds) and compat facts, the sections a user needs, and examples that lint
 * as they claim; the rule table in docs/rules/README.md (and in README.md, when it exists) is the one
 * rendered from the catalog; and every rule has its own test file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../rules/index.js';
import { RULE_IDS } from '../../src/findings/rule-catalog.js';
import { SETTING_KEYS } from '../../src/lint/plugin-settings.js';
import { renderRuleFacts } from '../../src/lint/rule-facts.js';
import { generatedFiles, renderRuleHeader, renderRulesTable, RULE_DOCS_DIR, tableIn } from '../../src/lint/rules-table.js';
import { PACKAGE_ROOT } from '../../src/meta.js';

const REQUIRED_SECTIONS = ['## Rule details', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## Settings read', '## When not to use it', '## The DeepSeek facts'];

/** The fenced ts/js blocks of one `### ` section. */
function examples(doc: string, heading: string): { lang: string; code: string }[] {
  const start = doc.indexOf(heading);
  if (start === -1) return [];
  const rest = doc.slice(start + heading.length);
  const end = rest.search(/\n#{2,3} /);
  const section = end === -1 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```(ts|js)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] }));
}

const linter = new Linter({ configType: 'flat' });
function lintExample(id: string, example: { lang: string; code: string }): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser } },
    { plugins: { 'ds-migrate': plugin }, rules: { [`ds-migrate/${id}`]: 'error' } },
  ];
  return linter.verify(example.code, config, `example.${example.lang}`);
}

describe('rule docs', () => {
  it('exist for every rule and no other', () => {
    const docs = readdirSync(RULE_DOCS_DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(docs.sort()).toEqual(RULE_IDS.map((id) => `${id}.md`).sort());
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      const doc = readFileSync(path.join(RULE_DOCS_DIR, `${id}.md`), 'utf8');

      it('starts with the header generated from rule meta', () => {
        expect(doc.startsWith(`${renderRuleHeader(id)}\n`)).toBe(true);
      });

      it('has the sections a user needs, once each', () => {
        for (const section of REQUIRED_SECTIONS) expect(doc.split(`\n${section}\n`).length - 1, section).toBe(1);
      });

      it('shows the compat facts generated from the data', () => {
        expect(doc).toContain(`<!-- facts:start -->\n${renderRuleFacts(id)}\n<!-- facts:end -->`);
        expect(renderRuleFacts(id).split('\n').length).toBeGreaterThan(4); // at least one fact row
      });

      it('has incorrect examples the rule reports', () => {
        const blocks = examples(doc, '### ❌ Incorrect');
        expect(blocks.length).toBeGreaterThan(0);
        for (const block of blocks) {
          const messages = lintExample(id, block);
          expect(messages.filter((m) => m.fatal), block.code).toEqual([]);
          expect(messages.filter((m) => m.ruleId === `ds-migrate/${id}`).length, block.code).toBeGreaterThan(0);
        }
      });

      it('has correct examples the rule leaves alone', () => {
        const blocks = examples(doc, '### ✅ Correct');
        expect(blocks.length).toBeGreaterThan(0);
        for (const block of blocks) expect(lintExample(id, block), block.code).toEqual([]);
      });
    });
  }
});

describe('rule table', () => {
  it('docs/rules/README.md holds the table rendered from the catalog', () => {
    expect(tableIn(readFileSync(path.join(RULE_DOCS_DIR, 'README.md'), 'utf8'))).toBe(renderRulesTable());
  });

  it('README.md holds the same table between its markers, when it has them', () => {
    const readme = path.join(PACKAGE_ROOT, 'README.md');
    const table = existsSync(readme) ? tableIn(readFileSync(readme, 'utf8')) : null;
    if (table !== null) expect(table).toBe(renderRulesTable());
  });

  it('lists every rule once, with its docs link', () => {
    const table = renderRulesTable();
    for (const id of RULE_IDS) expect(table.split(`[\`ds-migrate/${id}\`](`).length - 1, id).toBe(1);
  });

  it('nothing generated is out of date', () => {
    expect(generatedFiles().filter((f) => f.current !== f.expected).map((f) => path.relative(PACKAGE_ROOT, f.path))).toEqual([]);
  });
});

describe('settings docs', () => {
  it('docs/rules/README.md documents every setting', () => {
    const readme = readFileSync(path.join(RULE_DOCS_DIR, 'README.md'), 'utf8');
    for (const key of SETTING_KEYS) expect(readme, key).toContain(`| \`${key}\` |`);
  });
});

describe('rule tests', () => {
  it('every rule has its own RuleTester file', () => {
    for (const id of RULE_IDS) expect(existsSync(path.join(PACKAGE_ROOT, 'test', 'rules', `${id}.test.ts`)), id).toBe(true);
  });
});

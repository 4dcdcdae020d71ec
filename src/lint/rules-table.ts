/**
 * The generated parts of the rule docs, rendered from the catalog so they cannot drift from rule
 * meta: the rule table (in docs/rules/README.md and in the main README, between markers), the header
 * of each docs/rules/<rule>.md, and its compat facts (rule-facts.ts). test/rules/docs.test.ts fails when a file is out of date;
 * after a build, `node dist/src/lint/rules-table.js` rewrites them (`--check` only compares).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS, RULES, type PresetLevel, type RuleId } from '../findings/rule-catalog.js';
import { PACKAGE_ROOT, ruleDocsUrl } from '../meta.js';
import { withRuleFacts } from './rule-facts.js';

export const TABLE_START = '<!-- rules-table:start -->';
export const TABLE_END = '<!-- rules-table:end -->';
export const HEADER_END = '<!-- end auto-generated rule header -->';

const PLUGIN = 'ds-migrate';

function level(value: PresetLevel): string {
  return value === 'off' ? '' : value;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The rule table: name (linking its docs), what it reports, preset levels, fix kinds. */
export function renderRulesTable(): string {
  const lines = [
    '| Rule | Reports | recommended | strict | 🔧 | 💡 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...RULE_IDS.map((id) => {
      const meta = RULES[id];
      return `| [\`${PLUGIN}/${id}\`](${ruleDocsUrl(id)}) | ${cell(meta.description)} | ${level(meta.recommended)} | ${level(meta.strict)} | ${meta.fixable ? '🔧' : ''} | ${meta.hasSuggestions ? '💡' : ''} |`;
    }),
    '',
    '`recommended` and `strict` give the level in `configs.recommended` and `configs.strict` (empty: not in the preset); `configs.all` sets every rule to `error`. 🔧 some findings have an autofix (the fix keeps what the code meant); 💡 some findings have a suggestion (a change for a person to accept).',
  ];
  return lines.join('\n');
}

/** The header every docs/rules/<rule>.md starts with, ending at HEADER_END. */
export function renderRuleHeader(id: RuleId): string {
  const meta = RULES[id];
  const presets = [`\`recommended\`: ${meta.recommended}`, `\`strict\`: ${meta.strict}`, '`all`: error'].join(' · ');
  const fixes = [
    meta.fixable ? '🔧 Some findings have an autofix (`eslint --fix`).' : null,
    meta.hasSuggestions ? '💡 Some findings have a suggestion (applied by hand in the editor).' : null,
  ].filter((line): line is string => line !== null);
  return [
    `# \`${PLUGIN}/${id}\``,
    '',
    `${meta.description}.`,
    '',
    `Presets: ${presets}.`,
    ...(fixes.length > 0 ? ['', fixes.join('\n\n')] : []),
    '',
    HEADER_END,
  ].join('\n');
}

/** `text` with the part between the table markers replaced by the current table; null when it has no markers. */
export function withRulesTable(text: string): string | null {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return null;
  return `${text.slice(0, start + TABLE_START.length)}\n${renderRulesTable()}\n${text.slice(end)}`;
}

/** The table between the markers of `text`, as written; null when it has no markers. */
export function tableIn(text: string): string | null {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) return null;
  return text.slice(start + TABLE_START.length, end).trim();
}

/** A rule doc with its header regenerated (everything after HEADER_END is kept). */
export function withRuleHeader(id: RuleId, text: string): string {
  const end = text.indexOf(HEADER_END);
  const body = end === -1 ? `\n\n${text}` : text.slice(end + HEADER_END.length);
  return `${renderRuleHeader(id)}${body}`;
}

export const RULE_DOCS_DIR = join(PACKAGE_ROOT, 'docs', 'rules');

/** Every generated file and what it should hold; files that do not exist (yet) are skipped. */
export function generatedFiles(): { path: string; current: string; expected: string }[] {
  const out: { path: string; current: string; expected: string }[] = [];
  for (const path of [join(RULE_DOCS_DIR, 'README.md'), join(PACKAGE_ROOT, 'README.md')]) {
    if (!existsSync(path)) continue;
    const current = readFileSync(path, 'utf8');
    const expected = withRulesTable(current);
    if (expected !== null) out.push({ path, current, expected });
  }
  for (const id of RULE_IDS) {
    const path = join(RULE_DOCS_DIR, `${id}.md`);
    if (!existsSync(path)) continue;
    const current = readFileSync(path, 'utf8');
    const withHeader = withRuleHeader(id, current);
    out.push({ path, current, expected: withRuleFacts(id, withHeader) ?? withHeader });
  }
  return out;
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  let stale = 0;
  for (const file of generatedFiles()) {
    if (file.current === file.expected) continue;
    stale++;
    if (check) process.stderr.write(`out of date: ${file.path}\n`);
    else writeFileSync(file.path, file.expected);
  }
  if (!check) process.stdout.write(`rule docs: ${stale} file(s) updated\n`);
  return check && stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));

/** How one finding becomes one ESLint report: autofix, suggestion, or neither. */
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { reportOf } from '../../rules/finding-report.js';
import type { Edit } from '../../src/edits/edit.js';
import type { Finding } from '../../src/findings/types.js';

const sourceCode = { getLocFromIndex: (index: number) => ({ line: 1, column: index }) } as unknown as TSESLint.SourceCode;

const finding = (fix: Finding['fix']): Finding => ({
  rule: 'no-ignored-param',
  severity: 'warning',
  file: '/p/a.ts',
  span: { start: 4, end: 9 },
  message: '`x` is ignored by deepseek-flash in thinking mode.',
  fix,
  manual: false,
  statementSpan: { start: 0, end: 10 },
  statementFile: '/p/a.ts',
  docs: 'https://example.com',
});
const edit = (start: number, end: number, text: string, file = '/p/a.ts'): Edit => ({ file, start, end, text });
const both = { fixable: true, hasSuggestions: true };

/** Applies a report's fix function with a recording fixer. */
function applied(fix: TSESLint.ReportFixFunction | null | undefined): unknown {
  const fixer = { replaceTextRange: (range: readonly [number, number], text: string) => ({ range, text }) } as unknown as TSESLint.RuleFixer;
  return fix ? fix(fixer) : undefined;
}

describe('reportOf', () => {
  it('reports the message at the span, without a fix when there is none', () => {
    const report = reportOf(finding(null), sourceCode, both);
    expect(report).toEqual({
      loc: { start: { line: 1, column: 4 }, end: { line: 1, column: 9 } },
      messageId: 'finding',
      data: { message: '`x` is ignored by deepseek-flash in thinking mode.' },
    });
  });

  it('turns a safe fix into an autofix, edits sorted and de-duplicated', () => {
    const report = reportOf(finding({ transform: 'params', description: 'x', safe: true, edits: [edit(8, 9, 'b'), edit(4, 5, 'a'), edit(8, 9, 'b')] }), sourceCode, both);
    expect('suggest' in report).toBe(false);
    expect(applied(report.fix)).toEqual([
      { range: [4, 5], text: 'a' },
      { range: [8, 9], text: 'b' },
    ]);
  });

  it('turns an unsafe fix into a suggestion with its description', () => {
    const report = reportOf(finding({ transform: 'params', description: 'remove `x`', safe: false, edits: [edit(4, 9, '')] }), sourceCode, both);
    expect(report.fix).toBeUndefined();
    expect(report.suggest).toHaveLength(1);
    expect(report.suggest![0]).toMatchObject({ messageId: 'suggestion', data: { description: 'remove `x`' } });
    expect(applied(report.suggest![0].fix)).toEqual([{ range: [4, 9], text: '' }]);
  });

  it('offers no more than the rule meta declares', () => {
    const safe = finding({ transform: 'params', description: 'rename', safe: true, edits: [edit(4, 9, 'y')] });
    expect(reportOf(safe, sourceCode, { fixable: false, hasSuggestions: true }).suggest).toHaveLength(1);
    const bare = reportOf(safe, sourceCode, { fixable: false, hasSuggestions: false });
    expect(bare.fix).toBeUndefined();
    expect('suggest' in bare).toBe(false);
  });

  it('drops fixes that touch another file or overlap', () => {
    const elsewhere = finding({ transform: 'params', description: 'x', safe: true, edits: [edit(4, 9, 'y'), edit(0, 1, 'z', '/p/b.ts')] });
    expect(reportOf(elsewhere, sourceCode, both).fix).toBeUndefined();
    const overlapping = finding({ transform: 'params', description: 'x', safe: true, edits: [edit(4, 9, 'y'), edit(6, 7, 'z')] });
    expect(reportOf(overlapping, sourceCode, both).fix).toBeUndefined();
  });
});

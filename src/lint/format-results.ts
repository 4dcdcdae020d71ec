/**
 * The report formats of `ds-migrate lint`: ESLint's own `stylish` and `json` (tools that read ESLint
 * output read these), and SARIF for code scanning.
 */
import type { ESLint } from 'eslint';
import { toSarif } from './sarif.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export async function formatResults(
  format: Format,
  results: ESLint.LintResult[],
  context: { eslint: ESLint; cwd: string; color: boolean },
): Promise<string> {
  if (format === 'sarif') return `${JSON.stringify(toSarif(results, context.cwd), null, 2)}\n`;
  const formatter = await context.eslint.loadFormatter(format);
  const text = await formatter.format(results, { color: context.color });
  if (format === 'json') return `${text}\n`;
  // stylish prints nothing when there is nothing to say; say how much was checked.
  if (text.trim() === '') return `No DeepSeek problems found (${results.length} ${results.length === 1 ? 'file' : 'files'} checked).\n`;
  // `ds-migrate lint` writes nothing; the codemod applies fixes (with its git and atomic-write guards).
  return text.replace(/potentially fixable with the `--fix` option\./g, 'fixable: run `ds-migrate <paths>` (the codemod) to apply them.');
}

/**
 * One file, start to finish: parse and analyse (or only check syntax). Pure and self-contained, so it
 * runs the same in the main thread and in a worker thread; results are plain data.
 */
import { analyzeFile } from '../analysis/analyze-file.js';
import type { FileUsage } from '../analysis/types.js';
import { ParseError, parseText, stripBom } from '../parse/source-file.js';
import { syntaxError } from '../parse/syntax-check.js';

export interface FileProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type AnalyseOutcome = { readonly ok: true; readonly usage: FileUsage } | { readonly ok: false; readonly problem: FileProblem };

export type Job = { readonly kind: 'analyse' | 'check'; readonly path: string; readonly text: string };

/** `analyse`: the file's usage records. `check`: only whether it parses (usage is then empty). */
export function runJob(job: Job): AnalyseOutcome {
  const text = stripBom(job.text).text;
  try {
    if (job.kind === 'check') {
      const error = syntaxError(job.path, text);
      return error ? { ok: false, problem: problemOf(error) } : { ok: true, usage: emptyUsage(job.path) };
    }
    const ast = parseText(job.path, text);
    return { ok: true, usage: analyzeFile(job.path, text, ast) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: problemOf(error) };
    const message = error instanceof RangeError ? 'too deeply nested to analyse' : `analysis failed: ${(error as Error).message}`;
    return { ok: false, problem: { message } };
  }
}

function problemOf(error: ParseError): FileProblem {
  return { message: error.reason, line: error.line, column: error.column };
}

function emptyUsage(file: string): FileUsage {
  return { file, imports: [], clients: [], calls: [], envReads: [], messages: [], fieldUses: [], exports: {}, exportAll: [], moduleSpecifiers: [] };
}

/**
 * A syntax-only check for text ds-migrate produced: TypeScript's parser with the file's script kind,
 * without building the ESTree or scopes. It is the safety net before a write (an edit that breaks
 * syntax is never written), at a third of the cost of a full parse.
 */
import type * as TS from 'typescript';
import { ts } from '../typescript.js';
import { usesJsx } from './language.js';
import { ParseError } from './source-file.js';

function scriptKind(path: string): TS.ScriptKind {
  if (/\.[mc]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  return usesJsx(path) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

export function syntaxError(path: string, text: string): ParseError | null {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(path));
  const diagnostic = (source as unknown as { parseDiagnostics: TS.DiagnosticWithLocation[] }).parseDiagnostics[0];
  if (!diagnostic) return null;
  const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start);
  return new ParseError(path, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'), line + 1, character + 1);
}

/**
 * A syntax-only check for text ds-migrate produced, without building the ESTree or scopes: the safety
 * net before a write (an edit that breaks syntax is never written). Where the thread parses with oxc,
 * oxc checks (the same parser that read the file); elsewhere TypeScript's parser with the file's script
 * kind, at a third of the cost of a full typescript-estree parse.
 */
import type * as TS from 'typescript';
import { loadTypeScript } from '../typescript.js';
import { usesJsx } from './language.js';
import { oxcSyntaxError } from './oxc-parse.js';
import { oxcParses, ParseError } from './source-file.js';

function scriptKind(ts: typeof TS, path: string): TS.ScriptKind {
  if (/\.[mc]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  return usesJsx(path) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

export function syntaxError(path: string, text: string): ParseError | null {
  if (oxcParses(text)) return oxcSyntaxError(path, text);
  return typeScriptSyntaxError(path, text);
}

function typeScriptSyntaxError(path: string, text: string): ParseError | null {
  // Loaded here, not at the top: a thread that checks with oxc never needs TypeScript.
  const ts = loadTypeScript();
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(ts, path));
  const diagnostic = (source as unknown as { parseDiagnostics: TS.DiagnosticWithLocation[] }).parseDiagnostics[0];
  if (!diagnostic) return null;
  const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start);
  return new ParseError(path, ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'), line + 1, character + 1);
}

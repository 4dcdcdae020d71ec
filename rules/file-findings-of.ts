/**
 * The findings of the file a rule context lints: every rule asks, the first pays (the analysis is
 * cached per AST and settings). Reads `settings.deepseek`, and the TypeScript program only when the
 * user opted into type-aware detection.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Finding } from '../src/findings/types.js';
import { fileFindings } from '../src/lint/file-findings.js';
import { readPluginSettings } from '../src/lint/plugin-settings.js';
import { typeScriptReceivers } from '../src/lint/typescript-receivers.js';

export function fileFindingsOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Finding[] {
  const { sourceCode } = context;
  const settings = readPluginSettings(context.settings);
  // `getParserServices` would throw without a program; type information is never required. Without a
  // program (a JavaScript file outside the project, a parser without type information), detection
  // stays syntactic for that file, as docs/rules/README.md says.
  const services = sourceCode.parserServices;
  const receiverTypes =
    settings.detection === 'type-aware' && services?.program && services.esTreeNodeToTSNodeMap
      ? typeScriptReceivers({ program: services.program, esTreeNodeToTSNodeMap: services.esTreeNodeToTSNodeMap })
      : undefined;
  return fileFindings(context.filename, sourceCode.text, sourceCode.ast, sourceCode.scopeManager, settings.target, { receiverTypes });
}

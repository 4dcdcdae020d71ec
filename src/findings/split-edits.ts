/**
 * Split, never break: a client that serves calls DeepSeek offers (chat) and calls it does not
 * (embeddings, images...) stays as it is for the latter, and a DeepSeek client is declared beside it
 * (exported beside it when the original is shared); only the supported calls move to it, in every
 * file that uses the client.
 *
 *   export const openai = new OpenAI();
 *   export const deepseek = new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' });
 *
 *   import { openai, deepseek } from '@/lib/openai';      // or `{ deepseek }` when nothing else remains
 *   await deepseek.chat.completions.create(...);
 */
import type { LinkedCall } from '../analysis/project/project-index.js';
import type { ClientRecord, ImportBinding } from '../analysis/types.js';
import type { Edit } from '../edits/edit.js';
import { identifierOccurrences, indentAt, lineBreakOf } from '../edits/layout.js';
import { insertPropertyEdit } from '../edits/object-edits.js';
import { deepseekClientOptions } from './client-edits.js';
import type { FindingContext } from './context.js';

export interface SplitResult {
  readonly name: string;
  readonly edits: Edit[];
  /** Moved calls whose receiver could not be rewritten: they stay on OpenAI until a person moves them. */
  readonly unmoved: LinkedCall[];
}

const NAME_CANDIDATES = ['deepseek', 'deepseekClient', 'deepseekApi', 'deepseek2'];

/**
 * `siblings`: the other clients declared in the client's file. A DeepSeek client that an earlier run
 * declared beside this one is reused (so a second run, with calls still left on the original, changes
 * nothing), and exported if the original is and it is not yet.
 */
export function splitEdits(client: ClientRecord, moved: readonly LinkedCall[], ctx: FindingContext, siblings: readonly ClientRecord[] = []): SplitResult | { reason: string } {
  const text = ctx.text(client.file);
  const statement = client.statementSpan;
  if (!statement || !client.calleeSpan) return { reason: 'the client is not declared in a statement ds-migrate can copy' };
  if (client.className !== 'OpenAI') return { reason: 'an Azure client serving both kinds of calls: declare a DeepSeek client beside it and move the chat calls' };

  const edits: Edit[] = [];
  const earlier = siblings.find((s) => s.provider === 'deepseek' && sameHolderKind(s, client) && NAME_CANDIDATES.includes(holderName(s)));
  let name: string;
  if (earlier) {
    name = holderName(earlier);
    if (client.exportedAs.length > 0 && earlier.exportedAs.length === 0) {
      const exported = client.commonjsExport ? commonjsExportEdit(client, text, name) : esmExportEdit(earlier, text);
      if (exported) edits.push(exported);
    }
  } else {
    const involvedFiles = new Set([client.file, ...moved.map((c) => c.file)]);
    // A name is taken when it appears as an identifier; inside strings like 'deepseek-flash' it is not.
    const free = NAME_CANDIDATES.find((candidate) => [...involvedFiles].every((f) => identifierOccurrences(ctx.text(f), candidate) === 0));
    if (!free) return { reason: 'every name ds-migrate would give the DeepSeek client is taken' };
    name = free;
    const declaration = newDeclaration(client, text, name);
    if ('reason' in declaration) return declaration;
    edits.push(declaration.edit);
    const exported = commonjsExportEdit(client, text, name);
    if (exported) edits.push(exported);
  }
  const unmoved: LinkedCall[] = [];
  // Importers can reach the sibling when the module exports it: always for ES modules; for CommonJS, when
  // the client is a property of `module.exports` (not the whole of it).
  const siblingExported = client.commonjsExport?.kind !== 'module';

  // Receivers in the client's own file, and in each importing file.
  const byFile = new Map<string, LinkedCall[]>();
  for (const call of moved) byFile.set(call.file, [...(byFile.get(call.file) ?? []), call]);
  for (const [file, calls] of byFile) {
    const fileText = ctx.text(file);
    const imported = new Map<string, { binding: ImportBinding; calls: LinkedCall[] }>();
    for (const call of calls) {
      const receiver = call.receiver;
      if (receiver.kind === 'client' && receiver.clientId === client.id && call.receiverText === holderExpression(client)) {
        edits.push({ file, start: call.receiverSpan.start, end: call.receiverSpan.end, text: holderExpression(client, name)! });
      } else if (receiver.kind === 'import' && !siblingExported) {
        unmoved.push(call);
      } else if (receiver.kind === 'import' && receiver.binding.style === 'namespace' && call.receiverText === `${receiver.binding.local}.${receiver.imported}`) {
        edits.push({ file, start: call.receiverSpan.start, end: call.receiverSpan.end, text: `${receiver.binding.local}.${name}` });
      } else if (receiver.kind === 'import' && rewritableBinding(receiver.binding) && call.receiverText === receiver.binding.local) {
        const key = `${receiver.binding.specifier.start}`;
        const entry = imported.get(key) ?? { binding: receiver.binding, calls: [] };
        entry.calls.push(call);
        imported.set(key, entry);
        edits.push({ file, start: call.receiverSpan.start, end: call.receiverSpan.end, text: name });
      } else {
        unmoved.push(call);
      }
    }
    for (const { binding, calls: importedCalls } of imported.values()) edits.push(importEdit(fileText, file, binding, importedCalls.length, name));
  }
  return { name, edits, unmoved };
}

/**
 * A binding whose declaration can take the sibling's name: every `import` binding but a namespace, and a
 * `const { openai } = require(...)` property (a plain `const openai = require(...).openai` cannot).
 */
function rewritableBinding(binding: ImportBinding): boolean {
  return binding.commonjs ? binding.style === 'named' : binding.style !== 'namespace';
}

/** `module.exports = { openai }` → `{ openai, deepseek }`; `exports.openai = openai;` → and `exports.deepseek = deepseek;`. */
function commonjsExportEdit(client: ClientRecord, text: string, name: string): Edit | null {
  const how = client.commonjsExport;
  if (!how || how.kind === 'module') return null;
  if (how.kind === 'object') return insertPropertyEdit(text, how.object, name);
  const eol = lineBreakOf(text);
  const statementText = text.slice(how.statement.start, how.statement.end);
  const semicolon = statementText.trimEnd().endsWith(';') ? ';' : '';
  return { file: client.file, start: how.statement.end, end: how.statement.end, text: `${eol}${indentAt(text, how.statement.start)}${how.target}.${name} = ${name}${semicolon}` };
}

/** The name a client is held under (`openai`, the field of `this.client`), or '' when it has none. */
export function holderName(client: ClientRecord): string {
  const holder = client.holder;
  return holder.kind === 'variable' ? holder.name : holder.kind === 'class-field' ? holder.field : '';
}

function sameHolderKind(a: ClientRecord, b: ClientRecord): boolean {
  if (a.holder.kind === 'variable') return b.holder.kind === 'variable';
  return a.holder.kind === 'class-field' && b.holder.kind === 'class-field' && a.holder.className === b.holder.className;
}

/** `const deepseek = ...` → `export const deepseek = ...`, when the original is exported and it is not. */
function esmExportEdit(client: ClientRecord, text: string): Edit | null {
  const statement = client.statementSpan;
  if (client.holder.kind !== 'variable' || !statement || !/^(const|let|var)\s/.test(text.slice(statement.start, statement.end))) return null;
  return { file: client.file, start: statement.start, end: statement.start, text: 'export ' };
}

/** How code refers to the client's holder: `openai`, `this.client`. */
function holderExpression(client: ClientRecord, name?: string): string | null {
  const holder = client.holder;
  if (holder.kind === 'variable') return name ?? holder.name;
  if (holder.kind === 'class-field') return `this.${name ?? holder.field}`;
  return null;
}

/** The DeepSeek client's declaration, written after the original with the same modifiers. */
function newDeclaration(client: ClientRecord, text: string, name: string): { edit: Edit } | { reason: string } {
  const statement = client.statementSpan!;
  const statementText = text.slice(statement.start, statement.end);
  const eol = lineBreakOf(text);
  const indent = indentAt(text, statement.start);
  const semicolon = statementText.trimEnd().endsWith(';') ? ';' : '';
  const callee = text.slice(client.calleeSpan!.start, client.calleeSpan!.end);
  const value = `new ${callee}(${deepseekClientOptions(text)})`;
  const holder = client.holder;
  let declaration: string;
  if (holder.kind === 'variable') {
    const match = /^((?:export\s+)?(?:declare\s+)?(?:const|let|var)\s+)([\w$]+)\s*(?::[^=]+)?=/.exec(statementText);
    if (!match || match[2] !== holder.name || /,\s*[\w$]+\s*=/.test(statementText.slice(match[0].length).replace(/\([^)]*\)|\{[^}]*\}/g, ''))) {
      return { reason: `the declaration of \`${holder.name}\` is not a single \`const ${holder.name} = new OpenAI(...)\`` };
    }
    // An ES module exports the sibling in its declaration; CommonJS through `module.exports` (commonjsExportEdit).
    const exported = client.exportedAs.length > 0 && !client.commonjsExport && !/^export\b/.test(match[1]) ? 'export ' : '';
    declaration = `${exported}${match[1]}${name} = ${value}${semicolon}`;
  } else if (holder.kind === 'class-field') {
    const match = new RegExp(`^((?:(?:public|private|protected|readonly|static|declare|override)\\s+)*)#?${holder.field.replace(/^#/, '')}\\b`).exec(statementText);
    if (!match || !/^[\s\S]*=\s*new\b/.test(statementText)) {
      return { reason: `\`this.${holder.field}\` is assigned in a method: declare a DeepSeek client field beside it by hand` };
    }
    declaration = `${match[1]}${holder.field.startsWith('#') ? '#' : ''}${name} = ${value}${semicolon || ';'}`;
  } else {
    return { reason: `the client is ${holder.kind === 'factory' ? `returned by ${holder.functionName}()` : 'not held in a variable or field'}` };
  }
  return { edit: { file: client.file, start: statement.end, end: statement.end, text: `${eol}${indent}${declaration}` } };
}

/** The importer now needs the DeepSeek client too; it keeps the original only if something else still uses it. */
function importEdit(text: string, file: string, binding: ImportBinding, movedUses: number, name: string): Edit {
  const uses = identifierOccurrences(text, binding.local);
  const stillUsed = uses - 1 - movedUses > 0;
  const { specifier } = binding;
  if (binding.style === 'named') {
    return stillUsed
      ? { file, start: specifier.end, end: specifier.end, text: `, ${name}` }
      : { file, start: specifier.start, end: specifier.end, text: name };
  }
  // A default import: `import openai from './x'` → `import openai, { deepseek } from './x'`.
  const declarationText = text.slice(binding.declaration.start, binding.declaration.end);
  const hasNamed = /\{[^}]*\}/.test(declarationText);
  if (!stillUsed && !hasNamed) return { file, start: specifier.start, end: specifier.end, text: `{ ${name} }` };
  if (hasNamed) {
    let at = binding.declaration.start + declarationText.indexOf('}');
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const separator = text[at - 1] === '{' || text[at - 1] === ',' ? ' ' : ', ';
    return { file, start: at, end: at, text: `${separator}${name}` };
  }
  return { file, start: specifier.end, end: specifier.end, text: `, { ${name} }` };
}

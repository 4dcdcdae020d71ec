import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { endOf, offsetsOf, startOf, type Node } from './ast.js';
import type { Binding, ScopeLookup } from './scopes.js';
import type { FileSpan } from './types.js';

/** What every analysis step of one file shares: the text, the scopes, and span helpers. */
export class FileContext {
  constructor(
    readonly file: string,
    readonly text: string,
    private readonly scopes: ScopeLookup,
  ) {}

  /** The binding an identifier refers to, by walking up the scope chain (as ESLint's findVariable). */
  variableOf(id: TSESTree.Identifier | TSESTree.JSXIdentifier): Binding | null {
    return this.scopes.variableOf(id as Node & { name: string });
  }

  /** True when `name` is not declared anywhere in scope, i.e. it is the global (`process`, `require`). */
  isGlobal(id: TSESTree.Identifier): boolean {
    const variable = this.variableOf(id);
    return variable === null || variable.defs.length === 0;
  }

  span(node: Node): FileSpan {
    return { file: this.file, ...offsetsOf(node) };
  }

  textOf(node: Node): string {
    return this.text.slice(startOf(node), endOf(node));
  }
}

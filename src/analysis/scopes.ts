/**
 * What the analysis asks of scopes: which declaration an identifier refers to. Two answers to that
 * question: ESLint's scope manager (the rules get one with the file), and `liteScopes` (lite-scopes.ts),
 * which the codemod builds for itself.
 */
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { scopeOf, type Node } from './ast.js';

/** How a name was declared: scope-manager's definition types ('Variable', 'ImportBinding', 'Parameter', …). */
export interface BindingDef {
  readonly type: string;
  /** The declaring node: the declarator, import specifier, function, class, catch clause… */
  readonly node: Node;
  /** The identifier that declares the name. */
  readonly name: Node;
  /** The declaration around `node` (the VariableDeclaration, the ImportDeclaration), where there is one. */
  readonly parent?: Node | null;
}

/** One declared name in one scope, the same object for every identifier that refers to it. */
export interface Binding {
  readonly defs: readonly BindingDef[];
  /** References to the name; every write is among them (the analysis asks only `isWrite()`). */
  readonly references: readonly { readonly identifier: Node; isWrite(): boolean }[];
}

export interface ScopeLookup {
  /** The binding an identifier refers to, by walking up the scope chain (as ESLint's findVariable), or null. */
  variableOf(id: Node & { name: string }): Binding | null;
}

/** Scopes from ESLint's scope manager (the rules' own, already built for the file). */
export function scopeManagerLookup(scopeManager: ScopeManager): ScopeLookup {
  return { variableOf: (id) => lookUp(scopeOf(scopeManager, id), id.name) };
}

/** What both kinds of scope have: their names, and the scope around them. */
interface ScopeChain<T> {
  readonly set: ReadonlyMap<string, T>;
  readonly upper: ScopeChain<T> | null;
}

/** The binding `name` has in `scope` or the nearest scope around it that declares it (as ESLint's findVariable). */
export function lookUp<T>(scope: ScopeChain<T> | null, name: string): T | null {
  for (; scope; scope = scope.upper) {
    const binding = scope.set.get(name);
    if (binding) return binding;
  }
  return null;
}

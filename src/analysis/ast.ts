/** Small, engine-neutral helpers over an ESTree (typescript-estree) AST. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Scope, ScopeManager } from '@typescript-eslint/scope-manager';

export type Node = TSESTree.Node;
type WithParent = Node & { parent?: Node };

/**
 * Visits every node depth-first, setting `parent` on the way (ESLint sets it already; the codemod's
 * own parse does not). Iterative, so deeply nested generated code cannot overflow the stack.
 */
export function forEachNode(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c = child[i] as WithParent | null;
          if (c && typeof c.type === 'string') {
            c.parent = node;
            stack.push(c);
          }
        }
      } else if (child && typeof (child as Node).type === 'string') {
        (child as WithParent).parent = node;
        stack.push(child as Node);
      }
    }
  }
}

/**
 * Where a node starts and ends in its file's text (UTF-16 offsets). oxc's nodes carry `start`/`end`:
 * the analysis asks it for no `range`, which makes the AST JSON a sixth smaller and its decoding ~20%
 * faster (src/parse/oxc-parse.ts). typescript-estree's nodes (ESLint's, and files over oxc's bound)
 * carry `range` only.
 */
export function startOf(node: Node | TSESTree.Token): number {
  // `range` first: ESLint's rule tester throws on reading `start` from its nodes.
  return (node as Partial<Offsets>).range?.[0] ?? (node as Partial<Offsets>).start!;
}

export function endOf(node: Node | TSESTree.Token): number {
  return (node as Partial<Offsets>).range?.[1] ?? (node as Partial<Offsets>).end!;
}

interface Offsets {
  readonly range: readonly [number, number];
  readonly start: number;
  readonly end: number;
}

export function parentOf(node: Node): Node | undefined {
  return (node as WithParent).parent;
}

/** Strips what does not change a value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}

/** The nearest ancestor that is not a type wrapper or chain wrapper (the "real" syntactic parent). */
export function semanticParent(node: Node): Node | undefined {
  let parent = parentOf(node);
  while (
    parent &&
    (parent.type === 'TSAsExpression' ||
      parent.type === 'TSSatisfiesExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSTypeAssertion' ||
      parent.type === 'ChainExpression')
  ) {
    parent = parentOf(parent);
  }
  return parent;
}

/** The name of a non-computed property key, or of a computed string-literal key. */
export function propertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed) {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  }
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0].value.cooked ?? null;
  return null;
}

/**
 * Splits `a.b?.c.d` into its root (`a`) and the static member names (`['b', 'c', 'd']`).
 * Stops at the first computed, non-literal member. Returns null when nothing is a member access.
 */
export function memberChain(node: Node): { root: Node; path: string[] } | null {
  const path: string[] = [];
  let current = unwrap(node);
  if (current.type === 'ChainExpression') current = unwrap(current.expression);
  while (current.type === 'MemberExpression') {
    const name = propertyName(current);
    if (name === null) return null;
    path.unshift(name);
    current = unwrap(current.object);
    if (current.type === 'ChainExpression') current = unwrap(current.expression);
  }
  return path.length === 0 ? null : { root: current, path };
}

/** `require('x')` → `'x'`. */
export function requireSource(node: Node): string | null {
  const n = unwrap(node);
  if (
    n.type === 'CallExpression' &&
    n.callee.type === 'Identifier' &&
    n.callee.name === 'require' &&
    n.arguments.length === 1
  ) {
    return stringLiteralValue(n.arguments[0]);
  }
  return null;
}

/** `import('x')` and `await import('x')` → `'x'`. */
export function dynamicImportSource(node: Node): string | null {
  let n = unwrap(node);
  if (n.type === 'AwaitExpression') n = unwrap(n.argument);
  if (n.type === 'ImportExpression') return stringLiteralValue(n.source);
  return null;
}

export function stringLiteralValue(node: Node): string | null {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? null;
  return null;
}

/** The statement (or class member) that contains a node: where a marker comment goes. */
export function enclosingStatement(node: Node): Node {
  let current: Node = node;
  for (;;) {
    const parent = parentOf(current);
    if (!parent) return current;
    if (
      parent.type === 'Program' ||
      parent.type === 'BlockStatement' ||
      parent.type === 'StaticBlock' ||
      parent.type === 'SwitchCase' ||
      parent.type === 'ClassBody' ||
      parent.type === 'TSModuleBlock'
    ) {
      return current;
    }
    current = parent;
  }
}

export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let current = parentOf(node);
  while (current) {
    if (current.type === 'ClassDeclaration' || current.type === 'ClassExpression') return current;
    current = parentOf(current);
  }
  return null;
}

/** The function whose body directly contains `node` (not crossing into nested functions' callers). */
export function enclosingFunction(
  node: Node,
): TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | null {
  let current = parentOf(node);
  while (current) {
    if (
      current.type === 'FunctionDeclaration' ||
      current.type === 'FunctionExpression' ||
      current.type === 'ArrowFunctionExpression'
    ) {
      return current;
    }
    current = parentOf(current);
  }
  return null;
}

/** The name a function is known by: its own id, or the variable / property it is assigned to. */
export function functionName(
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
): string | null {
  if (fn.id) return fn.id.name;
  const parent = semanticParent(fn);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') return propertyName(parent);
  if (parent?.type === 'Property') return propertyName(parent);
  return null;
}

/** The innermost scope containing `node`, as ESLint's `sourceCode.getScope` computes it. */
export function scopeOf(scopeManager: ScopeManager, node: Node): Scope {
  let current: Node | undefined = node;
  while (current) {
    const scope = scopeManager.acquire(current, true);
    if (scope) {
      if (scope.type === 'function-expression-name') return scope.childScopes[0];
      return scope;
    }
    current = parentOf(current);
  }
  return scopeManager.globalScope!;
}

/** Where a node is in its file's text, as a span without the file. */
export function offsetsOf(node: Node): { start: number; end: number } {
  return { start: startOf(node), end: endOf(node) };
}

/** The property of a destructuring pattern that binds `id` (`{ a }`, `{ a: id }`, `{ a: id = 1 }`). */
export function patternPropertyFor(pattern: TSESTree.ObjectPattern, id: TSESTree.Identifier): TSESTree.Property | null {
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value === id || (value.type === 'Identifier' && startOf(value) === startOf(id))) return property;
  }
  return null;
}

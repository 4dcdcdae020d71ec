/**
 * Scopes for the analysis, built in one pass over the AST: every declared name (variables, imports,
 * parameters, functions, classes, catch parameters, TypeScript enums, namespaces and types) in the
 * scope scope-manager would put it in, and every write to it. Identifiers are resolved when asked, by
 * walking up from the identifier as `scopeOf` does with scope-manager.
 *
 * Why not scope-manager itself: it records every reference of every identifier, in classes built for
 * ESLint's whole rule API, and was the single biggest cost of analysing a file (about a third of a
 * worker's time on the dense corpus). The analysis only asks which declaration an identifier refers
 * to and whether a variable is ever written. `test/analysis/lite-scopes.test.ts` checks that both
 * answer the same for every identifier of every fixture, sample project and generated file.
 *
 * Modelled on scope-manager 8 (Referencer, PatternVisitor, ClassVisitor) with `sourceType: 'module'`
 * and no lib globals, as the analysis ran it: block scoping everywhere, `var` hoisted to the
 * enclosing function, module, static block or namespace.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { parentOf, type Node } from './ast.js';
import { lookUp, type Binding, type BindingDef, type ScopeLookup } from './scopes.js';

interface Scope {
  readonly upper: Scope | null;
  readonly set: Map<string, LiteBinding>;
  /** Where `var` declarations land: function, module, class static block, namespace. */
  readonly holdsVars: boolean;
  /** Type-level scopes, which decide where an `infer X` lands. */
  readonly kind?: 'function-type' | 'mapped-type' | 'conditional-type';
}

class WriteReference {
  constructor(readonly identifier: Node) {}
  isWrite(): boolean {
    return true;
  }
}

class LiteBinding implements Binding {
  readonly defs: BindingDef[] = [];
  /** Only writes: the analysis asks references for nothing else. */
  readonly references: WriteReference[] = [];
}

type FunctionLike =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression
  | TSESTree.TSDeclareFunction
  | TSESTree.TSEmptyBodyFunctionExpression;

type FunctionTypeLike =
  | TSESTree.TSFunctionType
  | TSESTree.TSConstructorType
  | TSESTree.TSCallSignatureDeclaration
  | TSESTree.TSConstructSignatureDeclaration
  | TSESTree.TSMethodSignature;

/** Function-like nodes whose parameters scope-manager declares before their type parameters. */
const PARAMS_FIRST = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'TSDeclareFunction',
  'TSEmptyBodyFunctionExpression',
  'TSFunctionType',
  'TSConstructorType',
  'TSCallSignatureDeclaration',
  'TSConstructSignatureDeclaration',
  'TSMethodSignature',
]);

/** The keys to walk, in scope-manager's order of declaration (worked out once per node type). */
const KEYS_BY_TYPE = new Map<string, readonly string[]>();

function childKeys(node: Node): readonly string[] {
  const known = KEYS_BY_TYPE.get(node.type);
  if (known) return known;
  let keys = visitorKeys[node.type] ?? [];
  if (PARAMS_FIRST.has(node.type) && keys.includes('typeParameters')) {
    const reordered = keys.filter((k) => k !== 'typeParameters');
    reordered.splice(reordered.indexOf('params') + 1, 0, 'typeParameters');
    keys = reordered;
  }
  KEYS_BY_TYPE.set(node.type, keys);
  return keys;
}

export function liteScopes(program: TSESTree.Program): ScopeLookup {
  // scope-manager's one implicit global without lib: `const`, for `as const` assertions.
  const global: Scope = { upper: null, set: new Map([['const', new LiteBinding()]]), holdsVars: true };
  const scopeByNode = new Map<Node, Scope>();
  const functionBodies = new Set<Node>();
  const loopHeads = new Set<Node>();
  const writes: { scope: Scope; id: TSESTree.Identifier }[] = [];
  let current = global;

  const inferred = new Set<Node>();
  const push = (owner: Node, holdsVars: boolean, kind?: Scope['kind']): void => {
    current = { upper: current, set: new Map(), holdsVars, kind };
    scopeByNode.set(owner, current);
  };
  const define = (scope: Scope, name: string, def: BindingDef): void => {
    let binding = scope.set.get(name);
    if (!binding) {
      binding = new LiteBinding();
      scope.set.set(name, binding);
    }
    binding.defs.push(def);
  };
  const varScope = (): Scope => {
    let scope = current;
    while (!scope.holdsVars) scope = scope.upper!;
    return scope;
  };

  /** Runs when the walk enters a node; returns how many scopes it opened (closed on exit). */
  const enter = (node: Node): number => {
    switch (node.type) {
      case 'Program':
        push(node, true);
        return 1;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'TSDeclareFunction':
      case 'TSEmptyBodyFunctionExpression':
        return enterFunction(node);
      case 'ClassDeclaration':
      case 'ClassExpression': {
        if (node.id && node.type === 'ClassDeclaration') define(current, node.id.name, { type: 'ClassName', node, name: node.id, parent: null });
        push(node, false);
        if (node.id) define(current, node.id.name, { type: 'ClassName', node, name: node.id, parent: null });
        return 1;
      }
      case 'StaticBlock':
        push(node, true);
        return 1;
      case 'BlockStatement':
        if (functionBodies.has(node)) return 0;
        push(node, false);
        return 1;
      case 'SwitchStatement':
        push(node, false);
        return 1;
      case 'ForStatement':
        if (node.init?.type === 'VariableDeclaration' && node.init.kind !== 'var') {
          push(node, false);
          return 1;
        }
        return 0;
      case 'ForInStatement':
      case 'ForOfStatement':
        if (node.left.type !== 'VariableDeclaration') {
          recordWrites(node.left);
          return 0;
        }
        loopHeads.add(node.left);
        if (node.left.kind !== 'var') {
          push(node, false);
          return 1;
        }
        return 0;
      case 'CatchClause':
        push(node, false);
        if (node.param) for (const id of patternIdentifiers(node.param)) define(current, id.name, { type: 'CatchClause', node, name: id, parent: null });
        return 1;
      case 'VariableDeclaration': {
        const scope = node.kind === 'var' ? varScope() : current;
        // The left of `for (const x of xs)` is written by the loop, as a declarator with an initialiser is.
        const loopHead = loopHeads.has(node);
        for (const declarator of node.declarations) {
          for (const id of patternIdentifiers(declarator.id)) {
            define(scope, id.name, { type: 'Variable', node: declarator, name: id, parent: node });
            if (declarator.init || loopHead) writes.push({ scope: current, id });
          }
        }
        return 0;
      }
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) {
          define(current, specifier.local.name, { type: 'ImportBinding', node: specifier, name: specifier.local, parent: node });
        }
        return 0;
      case 'TSImportEqualsDeclaration':
        define(current, node.id.name, { type: 'ImportBinding', node, name: node.id, parent: node });
        return 0;
      case 'TSEnumDeclaration':
        define(current, node.id.name, { type: 'TSEnumName', node, name: node.id, parent: null });
        push(node, false);
        return 1;
      case 'TSEnumMember':
        // TypeScript resolves string-named members (`'a' = 1`) as names too.
        if (node.id.type === 'Identifier') define(current, node.id.name, { type: 'TSEnumMemberName', node, name: node.id, parent: null });
        else if (node.id.type === 'Literal' && typeof node.id.value === 'string') define(current, node.id.value, { type: 'TSEnumMemberName', node, name: node.id, parent: null });
        return 0;
      case 'TSModuleDeclaration':
        if (node.id.type === 'Identifier' && node.kind !== 'global') define(current, node.id.name, { type: 'TSModuleName', node, name: node.id, parent: null });
        push(node, true);
        return 1;
      case 'TSTypeAliasDeclaration':
      case 'TSInterfaceDeclaration':
        define(current, node.id.name, { type: 'Type', node, name: node.id, parent: null });
        if (!node.typeParameters) return 0;
        push(node, false);
        return 1;
      case 'TSFunctionType':
      case 'TSConstructorType':
      case 'TSCallSignatureDeclaration':
      case 'TSConstructSignatureDeclaration':
      case 'TSMethodSignature':
        return enterFunctionType(node);
      case 'TSMappedType':
        push(node, false, 'mapped-type');
        define(current, node.key.name, { type: 'Type', node, name: node.key, parent: null });
        return 1;
      case 'TSConditionalType':
        push(node, false, 'conditional-type');
        return 1;
      case 'TSInferType': {
        // `infer X` belongs to the conditional type around it, through function and mapped types.
        let scope = current;
        if (scope.kind === 'function-type' || scope.kind === 'mapped-type') {
          let outer = scope.upper;
          while (outer && (outer.kind === 'function-type' || outer.kind === 'mapped-type')) outer = outer.upper;
          if (outer?.kind === 'conditional-type') scope = outer;
        }
        const parameter = node.typeParameter;
        define(scope, parameter.name.name, { type: 'Type', node: parameter, name: parameter.name, parent: null });
        inferred.add(parameter);
        return 0;
      }
      case 'TSTypeParameter':
        if (!inferred.has(node)) define(current, node.name.name, { type: 'Type', node, name: node.name, parent: null });
        return 0;
      case 'AssignmentExpression':
        recordWrites(node.left);
        return 0;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') writes.push({ scope: current, id: node.argument });
        return 0;
      default:
        return 0;
    }
  };

  const enterFunction = (node: FunctionLike): number => {
    let opened = 0;
    if (node.type === 'FunctionExpression') {
      if (node.id) {
        // A named function expression sees its own name from a scope of its own, around its function scope.
        current = { upper: current, set: new Map(), holdsVars: false };
        define(current, node.id.name, { type: 'FunctionName', node, name: node.id, parent: null });
        opened++;
      }
    } else if (node.id) {
      define(current, node.id.name, { type: 'FunctionName', node, name: node.id, parent: null });
    }
    push(node, true);
    opened++;
    // Every function but an arrow has an implicit `arguments` (declared nowhere, so it has no definition).
    if (node.type !== 'ArrowFunctionExpression') current.set.set('arguments', new LiteBinding());
    for (const param of node.params) {
      for (const id of patternIdentifiers(param)) define(current, id.name, { type: 'Parameter', node, name: id, parent: null });
    }
    if (node.body?.type === 'BlockStatement') functionBodies.add(node.body);
    return opened;
  };

  /** A function or method signature in a type: its parameters are names only inside it (`typeof arg`). */
  const enterFunctionType = (node: FunctionTypeLike): number => {
    push(node, false, 'function-type');
    for (const param of node.params) {
      for (const id of patternIdentifiers(param)) define(current, id.name, { type: 'Parameter', node, name: id, parent: null });
    }
    return 1;
  };

  const recordWrites = (target: Node): void => {
    for (const id of patternIdentifiers(target)) writes.push({ scope: current, id });
  };

  // Iterative, so deeply nested generated code cannot overflow the stack: each node is pushed again
  // (negated count of the scopes it opened) to close them when its children are done.
  const stack: (Node | number)[] = [program];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'number') {
      for (let i = 0; i < item; i++) current = current.upper!;
      continue;
    }
    const opened = enter(item);
    if (opened > 0) stack.push(opened);
    const keys = childKeys(item);
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (item as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as Node);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }

  // Writes are resolved once every declaration is known, from the scope they were made in.
  for (const { scope, id } of writes) lookUp(scope, id.name)?.references.push(new WriteReference(id));

  return {
    variableOf(id) {
      for (let node: Node | undefined = id; node; node = parentOf(node)) {
        const scope = scopeByNode.get(node);
        if (scope) return lookUp(scope, id.name);
      }
      // An identifier whose parents are not linked yet resolves from the global scope, as with scope-manager.
      return lookUp(global, id.name);
    },
  };
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as Node).type === 'string';
}

/** The identifiers a binding pattern declares or assigns (`a`, `{ b, c: d }`, `[e = 1, ...f]`), not member targets. */
function patternIdentifiers(pattern: Node): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  const stack: Node[] = [pattern];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'Identifier':
        out.push(node);
        break;
      case 'ObjectPattern':
        for (let i = node.properties.length - 1; i >= 0; i--) {
          const property = node.properties[i];
          stack.push(property.type === 'RestElement' ? property.argument : property.value);
        }
        break;
      case 'ArrayPattern':
        for (let i = node.elements.length - 1; i >= 0; i--) {
          const element = node.elements[i];
          if (element) stack.push(element);
        }
        break;
      case 'RestElement':
        stack.push(node.argument);
        break;
      case 'AssignmentPattern':
        stack.push(node.left);
        break;
      case 'TSParameterProperty':
        stack.push(node.parameter);
        break;
      default:
        break;
    }
  }
  return out;
}

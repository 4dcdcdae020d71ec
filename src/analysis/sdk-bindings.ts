/**
 * Which local names refer to the `openai` package or its client classes, in every import form:
 * default, named, aliased, namespace, type-only, CommonJS `require` (plain, destructured, `.default`),
 * and dynamic `import()`. Resolution goes through scopes, so a shadowing local `OpenAI` is not the SDK.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Binding } from './scopes.js';
import {
  dynamicImportSource,
  patternPropertyFor,
  propertyName,
  requireSource,
  semanticParent,
  stringLiteralValue,
  unwrap,
  type Node,
} from './ast.js';
import type { FileContext } from './context.js';
import type { SdkClass, SdkImport } from './types.js';

/** The package names whose exports are the SDK (the package root, and its explicit index entry). */
export function isSdkModule(source: string, extraModules: readonly string[] = []): boolean {
  return /^openai(\/index(\.m?js)?)?$/.test(source) || extraModules.includes(source);
}

/** What a binding holds: a client class, or the module object (whose members are the classes). */
export type SdkBinding =
  | { readonly kind: 'class'; readonly className: SdkClass; readonly typeOnly: boolean }
  | { readonly kind: 'module'; readonly typeOnly: boolean };

const CLASS_EXPORTS: Readonly<Record<string, SdkClass>> = {
  default: 'OpenAI',
  OpenAI: 'OpenAI',
  AzureOpenAI: 'AzureOpenAI',
};

export function classForExport(name: string): SdkClass | null {
  return CLASS_EXPORTS[name] ?? null;
}

/** The SDK binding a variable holds, from its definition. */
export function sdkBindingOf(variable: Binding): SdkBinding | null {
  const def = variable.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding') {
    // `import OpenAI = require('openai')`: the module object, callable as the OpenAI class.
    const equals = [def.node, def.parent].find((n): n is TSESTree.TSImportEqualsDeclaration => n?.type === 'TSImportEqualsDeclaration');
    if (equals) {
      const source = importEqualsSource(equals);
      return source !== null && isSdkModule(source) ? { kind: 'module', typeOnly: equals.importKind === 'type' } : null;
    }
    const declaration = def.parent as TSESTree.ImportDeclaration;
    if (declaration.type !== 'ImportDeclaration' || !isSdkModule(declaration.source.value)) return null;
    const spec = def.node as TSESTree.ImportClause;
    const typeOnly = declaration.importKind === 'type' || (spec.type === 'ImportSpecifier' && spec.importKind === 'type');
    if (spec.type === 'ImportNamespaceSpecifier') return { kind: 'module', typeOnly };
    const imported =
      spec.type === 'ImportDefaultSpecifier'
        ? 'default'
        : spec.imported.type === 'Identifier'
          ? spec.imported.name
          : spec.imported.value;
    const className = classForExport(imported);
    return className ? { kind: 'class', className, typeOnly } : null;
  }
  if (def.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return null;
    const fromModule = sdkModuleExpression(declarator.init);
    if (declarator.id.type === 'Identifier') {
      if (fromModule) return { kind: 'module', typeOnly: false };
      const className = sdkClassExpression(declarator.init);
      return className ? { kind: 'class', className, typeOnly: false } : null;
    }
    if (declarator.id.type === 'ObjectPattern' && fromModule) {
      // const { OpenAI, AzureOpenAI: Az, default: Client } = require('openai')
      const property = patternPropertyFor(declarator.id, def.name as TSESTree.Identifier);
      const key = property ? propertyName(property) : null;
      const className = key ? classForExport(key) : null;
      return className ? { kind: 'class', className, typeOnly: false } : null;
    }
  }
  return null;
}

/** `require('openai')`, `await import('openai')`: an expression that evaluates to the SDK module. */
export function sdkModuleExpression(node: Node): boolean {
  const source = requireSource(node) ?? dynamicImportSource(node);
  return source !== null && isSdkModule(source);
}

/** `require('openai').OpenAI`, `(await import('openai')).default`: an expression that is a client class. */
export function sdkClassExpression(node: Node): SdkClass | null {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression') return null;
  const name = propertyName(n);
  if (name === null || !sdkModuleExpression(n.object)) return null;
  return classForExport(name);
}

/** The client class a `new` callee constructs, if it is the SDK's. */
export function constructedClass(ctx: FileContext, callee: Node): SdkClass | null {
  const n = unwrap(callee);
  if (n.type === 'Identifier') {
    const variable = ctx.variableOf(n);
    const binding = variable ? sdkBindingOf(variable) : null;
    if (!binding) return null;
    // `const OpenAI = require('openai')` is itself the OpenAI class in CommonJS.
    return binding.kind === 'class' ? binding.className : 'OpenAI';
  }
  if (n.type === 'MemberExpression') {
    const name = propertyName(n);
    const className = name ? classForExport(name) : null;
    if (!className) return null;
    const object = unwrap(n.object);
    if (object.type === 'Identifier') {
      const variable = ctx.variableOf(object);
      return variable && sdkBindingOf(variable)?.kind === 'module' ? className : null;
    }
    return sdkModuleExpression(object) ? className : null;
  }
  return null;
}

/** Whether a type annotation names an SDK client class (`client: OpenAI`, `oai.OpenAI`). */
export function annotatedClass(ctx: FileContext, annotation: TSESTree.TypeNode | undefined): SdkClass | null {
  if (!annotation || annotation.type !== 'TSTypeReference') return null;
  const name = annotation.typeName;
  if (name.type === 'Identifier') {
    const variable = ctx.variableOf(name);
    const binding = variable ? sdkBindingOf(variable) : null;
    if (!binding) return null;
    return binding.kind === 'class' ? binding.className : null;
  }
  if (name.type === 'TSQualifiedName' && name.left.type === 'Identifier') {
    const variable = ctx.variableOf(name.left);
    if (!variable || sdkBindingOf(variable)?.kind !== 'module') return null;
    return classForExport(name.right.name);
  }
  return null;
}

/** `import X = require('openai')` → `'openai'`. */
export function importEqualsSource(node: TSESTree.TSImportEqualsDeclaration): string | null {
  const reference = node.moduleReference;
  return reference.type === 'TSExternalModuleReference' ? stringLiteralValue(reference.expression) : null;
}

/** Records of how the file imports the SDK, for the inventory. */
export function collectSdkImport(ctx: FileContext, node: Node, out: SdkImport[]): void {
  if (node.type === 'TSImportEqualsDeclaration') {
    const source = importEqualsSource(node);
    if (source !== null && isSdkModule(source)) {
      out.push({ kind: node.importKind === 'type' ? 'type-only' : 'require', local: node.id.name, imported: '*', source, span: ctx.span(node) });
    }
    return;
  }
  if (node.type === 'ImportDeclaration') {
    if (!isSdkModule(node.source.value)) return;
    for (const spec of node.specifiers) {
      const typeOnly = node.importKind === 'type' || (spec.type === 'ImportSpecifier' && spec.importKind === 'type');
      const imported =
        spec.type === 'ImportDefaultSpecifier'
          ? 'default'
          : spec.type === 'ImportNamespaceSpecifier'
            ? '*'
            : spec.imported.type === 'Identifier'
              ? spec.imported.name
              : spec.imported.value;
      const kind = typeOnly
        ? 'type-only'
        : spec.type === 'ImportDefaultSpecifier'
          ? 'default'
          : spec.type === 'ImportNamespaceSpecifier'
            ? 'namespace'
            : 'named';
      out.push({ kind, local: spec.local.name, imported, source: node.source.value, span: ctx.span(spec) });
    }
    return;
  }
  if (node.type === 'CallExpression' || node.type === 'ImportExpression') {
    const source = node.type === 'ImportExpression' ? dynamicImportSource(node) : requireSource(node);
    if (source === null || !isSdkModule(source)) return;
    const kind = node.type === 'ImportExpression' ? 'dynamic' : 'require';
    const { local, imported } = bindingOfModuleExpression(node);
    out.push({ kind, local, imported, source, span: ctx.span(node) });
  }
}

/** For `const X = require('openai')` → X / `*`; `const { OpenAI } = ...` → OpenAI; `.default` → default. */
function bindingOfModuleExpression(node: Node): { local: string | null; imported: string } {
  let current: Node = node;
  let parent = semanticParent(current);
  if (parent?.type === 'AwaitExpression') {
    current = parent;
    parent = semanticParent(current);
  }
  if (parent?.type === 'MemberExpression' && unwrap(parent.object) === unwrap(current)) {
    const name = propertyName(parent) ?? '*';
    const holder = semanticParent(parent);
    const local = holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : null;
    return { local, imported: name };
  }
  if (parent?.type === 'VariableDeclarator') {
    if (parent.id.type === 'Identifier') return { local: parent.id.name, imported: '*' };
    if (parent.id.type === 'ObjectPattern') {
      const names = parent.id.properties
        .filter((p): p is TSESTree.Property => p.type === 'Property')
        .map((p) => propertyName(p))
        .filter((n): n is string => n !== null);
      return { local: null, imported: names.join(', ') || '*' };
    }
  }
  return { local: null, imported: '*' };
}

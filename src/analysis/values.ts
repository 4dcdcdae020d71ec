/**
 * Static tracing of expression values: literals, objects, arrays, env reads with fallbacks, local
 * constants (followed to their definition), and imports (left for the project index). Never guesses:
 * what cannot be known is `unknown`, with its source text for the report.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Binding } from './scopes.js';
import { endOf, memberChain, offsetsOf, parentOf, patternPropertyFor, propertyName, requireSource, startOf, stringLiteralValue, unwrap, type Node } from './ast.js';
import { isSdkModule } from './sdk-bindings.js';
import type { FileContext } from './context.js';
import type { ImportBinding, PropertyShape, ValueShape } from './types.js';

const MAX_DEPTH = 8;

export function traceValue(ctx: FileContext, node: Node, depth = 0): ValueShape {
  const n = unwrap(node);
  if (depth > MAX_DEPTH) return unknown(ctx, n);
  switch (n.type) {
    case 'Literal':
      return literalShape(ctx, n);
    case 'TemplateLiteral':
      if (n.expressions.length === 0) {
        return { kind: 'string', value: n.quasis[0].value.cooked ?? '', span: ctx.span(n), quote: '`' };
      }
      return unknown(ctx, n);
    case 'ObjectExpression':
      return objectShape(ctx, n, depth);
    case 'ArrayExpression': {
      const elements: ValueShape[] = [];
      let hasSpread = false;
      for (const element of n.elements) {
        if (!element) continue;
        if (element.type === 'SpreadElement') hasSpread = true;
        else elements.push(traceValue(ctx, element, depth + 1));
      }
      return { kind: 'array', span: ctx.span(n), elements, hasSpread };
    }
    case 'Identifier':
      return traceIdentifier(ctx, n, depth);
    case 'MemberExpression':
      return envRead(ctx, n, null) ?? traceMember(ctx, n, depth);
    case 'LogicalExpression':
      if (n.operator === '??' || n.operator === '||') {
        const left = unwrap(n.left);
        const env = left.type === 'MemberExpression' ? envRead(ctx, left, null) : denoEnvRead(ctx, left);
        if (env && env.kind === 'env') {
          return { ...env, fallback: traceValue(ctx, n.right, depth + 1), span: ctx.span(n) };
        }
      }
      return unknown(ctx, n);
    case 'CallExpression':
      return denoEnvRead(ctx, n) ?? helperEnvRead(ctx, n) ?? unknown(ctx, n);
    default:
      return unknown(ctx, n);
  }
}

function literalShape(ctx: FileContext, n: TSESTree.Literal): ValueShape {
  const span = ctx.span(n);
  if (typeof n.value === 'string') {
    const quote = ctx.text[startOf(n)] === '"' ? '"' : "'";
    return { kind: 'string', value: n.value, span, quote };
  }
  if (typeof n.value === 'number') return { kind: 'number', value: n.value, span };
  if (typeof n.value === 'boolean') return { kind: 'boolean', value: n.value, span };
  if (n.value === null && n.raw === 'null') return { kind: 'null', span };
  return unknown(ctx, n);
}

function objectShape(ctx: FileContext, n: TSESTree.ObjectExpression, depth: number): ValueShape {
  const properties: PropertyShape[] = [];
  let hasSpread = false;
  const last = n.properties[n.properties.length - 1];
  for (const property of n.properties) {
    if (property.type === 'SpreadElement') {
      // `...{ thinking: {...} }` (the form ds-migrate writes in TypeScript) is as static as a property.
      const spread = unwrap(property.argument);
      if (spread.type === 'ObjectExpression' && depth < MAX_DEPTH) {
        const inner = objectShape(ctx, spread, depth + 1);
        if (inner.kind === 'object') {
          properties.push(...inner.properties);
          hasSpread ||= inner.hasSpread;
          continue;
        }
      }
      hasSpread = true;
      continue;
    }
    const key = propertyName(property);
    if (key === null || property.kind !== 'init') {
      hasSpread = true; // a computed key or accessor: the object's keys are not fully known
      continue;
    }
    properties.push({
      key,
      keySpan: ctx.span(property.key),
      span: ctx.span(property),
      value: traceValue(ctx, property.value as Node, depth + 1),
      shorthand: property.shorthand,
    });
  }
  return { kind: 'object', span: ctx.span(n), properties, hasSpread, lastElementEnd: last ? endOf(last) : null };
}

function traceIdentifier(ctx: FileContext, id: TSESTree.Identifier, depth: number): ValueShape {
  if (id.name === 'undefined' && ctx.isGlobal(id)) return unknown(ctx, id);
  const variable = ctx.variableOf(id);
  // Before the initializer: `const MODEL = require('./config').MODEL` is an import, not a local value.
  const imported = variable ? importOf(variable) : null;
  if (imported && !(imported.binding.commonjs && imported.imported === '*')) return { kind: 'import', source: imported.source, imported: imported.imported, span: ctx.span(id) };
  const init = variable ? constantInitializer(variable) : null;
  if (init) return traceValue(ctx, init, depth + 1);
  const destructured = variable ? destructuredEnv(ctx, variable) : null;
  return destructured ?? unknown(ctx, id);
}

/** `const { OPENAI_BASE_URL } = process.env` (or `{ OPENAI_BASE_URL: url }`): the binding reads that variable. */
function destructuredEnv(ctx: FileContext, variable: Binding): ValueShape | null {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'ObjectPattern' || !declarator.init) return null;
  const init = unwrap(declarator.init);
  if (init.type !== 'MemberExpression' || propertyName(init) !== 'env') return null;
  const base = unwrap(init.object);
  const isEnv = (base.type === 'Identifier' && base.name === 'process' && ctx.isGlobal(base)) || base.type === 'MetaProperty';
  if (!isEnv) return null;
  const property = patternPropertyFor(declarator.id, def.name as TSESTree.Identifier);
  const name = property && propertyName(property);
  if (!property || !name) return null;
  const nameSpan = property.computed ? innerStringSpan(ctx, property.key) : ctx.span(property.key);
  return { kind: 'env', name, nameSpan, fallback: null, span: ctx.span(property), shorthandKey: property.shorthand };
}

/** `CONFIG.model` where CONFIG traces to an object literal; `ns.MODEL` where ns is a namespace import. */
function traceMember(ctx: FileContext, n: TSESTree.MemberExpression, depth: number): ValueShape {
  const chain = memberChain(n);
  if (!chain || chain.root.type !== 'Identifier') return unknown(ctx, n);
  let value = traceIdentifier(ctx, chain.root, depth + 1);
  const path = [...chain.path];
  if (value.kind === 'import' && value.imported === '*') {
    value = { kind: 'import', source: value.source, imported: path.shift()!, span: ctx.span(n) };
    if (path.length === 0) return value;
    return unknown(ctx, n); // a member of an imported binding: not followed across files
  }
  for (const key of path) {
    if (value.kind !== 'object') return unknown(ctx, n);
    const property = value.properties.find((p) => p.key === key);
    if (!property) return unknown(ctx, n);
    value = property.value;
  }
  return value;
}

/**
 * The initializer of a binding that always holds the same value: a `const`, or a `let`/`var` that is
 * never written after its declaration.
 */
export function constantInitializer(variable: Binding): Node | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== 'Identifier' || !declarator.init) return null;
  const declaration = parentOf(declarator) as TSESTree.VariableDeclaration | undefined;
  if (declaration?.kind !== 'const') {
    const written = variable.references.some((r) => r.isWrite() && r.identifier !== declarator.id);
    if (written) return null;
  }
  return declarator.init;
}

/**
 * For a binding created by `import` or by CommonJS `require()`, the module and the name it imports
 * (`default`, `*`, or a name). The SDK's own module is not an import of a project value (see sdk-bindings).
 */
export function importOf(variable: Binding): { source: string; imported: string; binding: ImportBinding } | null {
  const def = variable.defs[0];
  if (def?.type === 'Variable' && variable.defs.length === 1) return requireOf(def.node as TSESTree.VariableDeclarator, def.name as TSESTree.Identifier);
  if (!def || def.type !== 'ImportBinding') return null;
  const declaration = def.parent as TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration;
  if (declaration.type !== 'ImportDeclaration') return null;
  const spec = def.node as TSESTree.ImportClause;
  const source = declaration.source.value;
  const binding = (style: ImportBinding['style']): ImportBinding => ({
    style,
    local: spec.local.name,
    specifier: offsetsOf(spec),
    declaration: offsetsOf(declaration),
  });
  if (spec.type === 'ImportDefaultSpecifier') return { source, imported: 'default', binding: binding('default') };
  if (spec.type === 'ImportNamespaceSpecifier') return { source, imported: '*', binding: binding('namespace') };
  const importedName = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
  return { source, imported: importedName, binding: binding('named') };
}

/**
 * CommonJS: `const lib = require('./x')` (the module object: `*`), `const { openai, MODEL: m } = require('./x')`
 * (named), `const openai = require('./x').openai` (named, not rewritable as an import specifier).
 */
function requireOf(declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier): { source: string; imported: string; binding: ImportBinding } | null {
  if (!declarator.init) return null;
  const init = unwrap(declarator.init);
  const declaration = parentOf(declarator);
  if (declaration?.type !== 'VariableDeclaration') return null;
  const binding = (style: ImportBinding['style'], specifier: Node): ImportBinding => ({
    style,
    local: name.name,
    specifier: offsetsOf(specifier),
    declaration: offsetsOf(declaration),
    commonjs: true,
  });
  const projectModule = (node: Node): string | null => {
    const source = requireSource(node);
    return source !== null && !isSdkModule(source) ? source : null;
  };
  if (declarator.id.type === 'Identifier') {
    const whole = projectModule(init);
    if (whole !== null) return { source: whole, imported: '*', binding: binding('namespace', declarator.id) };
    if (init.type !== 'MemberExpression') return null;
    const source = projectModule(init.object);
    const key = propertyName(init);
    return source !== null && key !== null ? { source, imported: key, binding: binding('default', declarator.id) } : null;
  }
  if (declarator.id.type !== 'ObjectPattern') return null;
  const source = projectModule(init);
  const property = source !== null ? patternPropertyFor(declarator.id, name) : null;
  const key = property ? propertyName(property) : null;
  return source !== null && property && key !== null ? { source, imported: key, binding: binding('named', property) } : null;
}

/**
 * `process.env.NAME`, `process.env['NAME']` and `import.meta.env.NAME` as an env shape (without
 * fallback); null for anything else.
 */
export function envRead(ctx: FileContext, n: TSESTree.MemberExpression, fallback: ValueShape | null): ValueShape | null {
  const object = unwrap(n.object);
  if (object.type !== 'MemberExpression' || propertyName(object) !== 'env') return null;
  const base = unwrap(object.object);
  const isProcess = base.type === 'Identifier' && base.name === 'process' && ctx.isGlobal(base);
  const isImportMeta = base.type === 'MetaProperty' && base.meta.name === 'import' && base.property.name === 'meta';
  if (!isProcess && !isImportMeta) return null;
  const name = propertyName(n);
  if (name === null) return null;
  const nameSpan = n.computed ? innerStringSpan(ctx, n.property) : ctx.span(n.property);
  return { kind: 'env', name, nameSpan, fallback, span: ctx.span(n) };
}

/** `Deno.env.get('NAME')`. */
export function denoEnvRead(ctx: FileContext, n: Node): ValueShape | null {
  if (n.type !== 'CallExpression' || n.arguments.length !== 1) return null;
  const chain = memberChain(n.callee);
  if (!chain || chain.root.type !== 'Identifier' || chain.root.name !== 'Deno') return null;
  if (chain.path.join('.') !== 'env.get') return null;
  const arg = n.arguments[0];
  const name = stringLiteralValue(arg);
  if (name === null) return null;
  return { kind: 'env', name, nameSpan: innerStringSpan(ctx, arg), fallback: null, span: ctx.span(n) };
}

/** An env-variable name as projects spell them, for provider variables only (OPENAI_*, DEEPSEEK_*, AZURE_OPENAI_*). */
const PROVIDER_ENV_NAME = /^[A-Z][A-Z0-9_]*(OPENAI|DEEPSEEK)[A-Z0-9_]*$/;

/**
 * `requireEnv('OPENAI_API_KEY')`, `env('OPENAI_BASE_URL')`, `config.get('OPENAI_API_KEY')`: a helper
 * called with exactly one string that names a provider variable reads that variable.
 */
export function helperEnvRead(ctx: FileContext, n: Node): ValueShape | null {
  if (n.type !== 'CallExpression' || n.arguments.length !== 1) return null;
  const arg = n.arguments[0];
  const name = stringLiteralValue(arg);
  if (name === null || !PROVIDER_ENV_NAME.test(name)) return null;
  return { kind: 'env', name, nameSpan: innerStringSpan(ctx, arg), fallback: null, span: ctx.span(n) };
}

/** The span of a string literal's contents, without its quotes. */
export function innerStringSpan(ctx: FileContext, node: Node) {
  return { file: ctx.file, start: startOf(node) + 1, end: endOf(node) - 1 };
}

function unknown(ctx: FileContext, n: Node): ValueShape {
  const text = ctx.textOf(n);
  return { kind: 'unknown', span: ctx.span(n), text: text.length > 80 ? `${text.slice(0, 77)}...` : text };
}

/** The property of an object shape by key, if statically present. */
export function propertyOf(shape: ValueShape | null | undefined, key: string): PropertyShape | undefined {
  if (!shape || shape.kind !== 'object') return undefined;
  return shape.properties.find((p) => p.key === key);
}

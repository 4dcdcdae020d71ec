/**
 * One file's SDK usage: imports, clients, calls, env reads and exports, from one walk of its AST.
 * Works on any ESTree AST with offsets (the codemod's own parse, or ESLint's), resolving every binding
 * through scopes (scopes.ts), so aliases resolve and shadowed names do not.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { liteScopes } from './lite-scopes.js';
import { scopeManagerLookup, type Binding } from './scopes.js';
import {
  enclosingClass,
  enclosingFunction,
  enclosingStatement,
  endOf,
  forEachNode,
  memberChain,
  offsetsOf,
  parentOf,
  propertyName,
  requireSource,
  dynamicImportSource,
  semanticParent,
  startOf,
  unwrap,
  type Node,
} from './ast.js';
import { FileContext } from './context.js';
import { classifyProvider } from './provider.js';
import { annotatedClass, collectSdkImport, constructedClass, importEqualsSource, sdkBindingOf } from './sdk-bindings.js';
import { CLIENT_PASSTHROUGH_METHODS, SDK_RESOURCE_ROOTS } from './sdk-resources.js';
import type {
  CallRecord,
  ClientHolder,
  ClientRecord,
  CommonJsExport,
  EnvRead,
  ExportTarget,
  FieldUse,
  MessageLiteral,
  FileUsage,
  ReceiverRef,
  SdkClass,
  SdkImport,
  Span,
} from './types.js';
import { constantInitializer, denoEnvRead, envRead, helperEnvRead, importOf, traceValue } from './values.js';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export interface AnalyzeOptions {
  /** A scope manager already built for this AST (ESLint has one); otherwise the analysis builds its own lite scopes. */
  readonly scopeManager?: ScopeManager;
}

export function analyzeFile(file: string, text: string, ast: TSESTree.Program, options: AnalyzeOptions = {}): FileUsage {
  // Lite scopes declare no lib globals: the analysis treats a name declared nowhere in the file as
  // global whether or not a lib declares it (`FileContext.isGlobal`).
  const scopes = options.scopeManager ? scopeManagerLookup(options.scopeManager) : liteScopes(ast);
  return new FileAnalyzer(new FileContext(file, text, scopes)).run(ast);
}

/** Whether an env variable is worth recording: SDK and provider variables, and anything a client reads. */
const INTERESTING_ENV = /OPENAI|DEEPSEEK|AZURE/i;

class FileAnalyzer {
  private readonly imports: SdkImport[] = [];
  private readonly clients: ClientRecord[] = [];
  private readonly calls: CallRecord[] = [];
  private readonly envReads: EnvRead[] = [];
  private readonly moduleSpecifiers = new Set<string>();

  private readonly newExpressions: TSESTree.NewExpression[] = [];
  private readonly callExpressions: TSESTree.CallExpression[] = [];
  private readonly memberExpressions: TSESTree.MemberExpression[] = [];
  private readonly returns: TSESTree.ReturnStatement[] = [];
  private readonly cjsExports: TSESTree.AssignmentExpression[] = [];
  private readonly commonjsExports = new Map<string, CommonJsExport>();
  private readonly envDestructures: TSESTree.VariableDeclarator[] = [];
  private readonly messages: MessageLiteral[] = [];
  private readonly fieldUses: FieldUse[] = [];

  /** Client ids by the variable, class field, or factory function that yields them. */
  private readonly clientByVariable = new Map<Binding, string>();
  private readonly clientByField = new Map<string, string>();
  private readonly clientByFactory = new Map<FunctionNode, string>();
  private readonly clientByNew = new Map<TSESTree.NewExpression, string>();
  private readonly injected = new Map<string, ClientRecord>();
  private defaultExportClient: string | null = null;

  constructor(private readonly ctx: FileContext) {}

  run(ast: TSESTree.Program): FileUsage {
    forEachNode(ast, (node) => this.collect(node));
    for (const node of this.newExpressions) this.addClient(node);
    this.linkFactoryReturns();
    for (const node of this.callExpressions) this.addCall(node);
    this.collectEnvReads();
    const { exports, exportAll } = this.collectExports(ast);
    const exportedAs = new Map<string, string[]>();
    for (const [name, target] of Object.entries(exports)) {
      if (target.kind === 'client') exportedAs.set(target.clientId, [...(exportedAs.get(target.clientId) ?? []), name]);
    }
    const clients = [...this.clients, ...this.injected.values()].map((c) => {
      const commonjsExport = this.commonjsExports.get(c.id);
      return { ...c, exportedAs: exportedAs.get(c.id) ?? [], ...(commonjsExport ? { commonjsExport } : {}) };
    });
    return {
      file: this.ctx.file,
      imports: this.imports,
      clients,
      calls: this.calls,
      envReads: this.envReads,
      messages: this.messages,
      fieldUses: this.fieldUses,
      exports,
      exportAll,
      moduleSpecifiers: [...this.moduleSpecifiers],
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Collection

  private collect(node: Node): void {
    switch (node.type) {
      case 'ImportDeclaration':
        this.moduleSpecifiers.add(node.source.value);
        collectSdkImport(this.ctx, node, this.imports);
        break;
      case 'TSImportEqualsDeclaration': {
        const source = importEqualsSource(node);
        if (source !== null) this.moduleSpecifiers.add(source);
        collectSdkImport(this.ctx, node, this.imports);
        break;
      }
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) this.moduleSpecifiers.add(node.source.value);
        break;
      case 'ImportExpression': {
        const source = dynamicImportSource(node);
        if (source !== null) this.moduleSpecifiers.add(source);
        collectSdkImport(this.ctx, node, this.imports);
        break;
      }
      case 'NewExpression':
        this.newExpressions.push(node);
        break;
      case 'CallExpression': {
        const source = requireSource(node);
        if (source !== null) {
          this.moduleSpecifiers.add(source);
          collectSdkImport(this.ctx, node, this.imports);
        }
        this.callExpressions.push(node);
        break;
      }
      case 'MemberExpression':
        this.memberExpressions.push(node);
        if (propertyName(node) === 'function_call' && !isWriteTarget(node)) this.addFieldUse('function_call-read', node);
        break;
      case 'ObjectExpression':
        this.addMessageLiteral(node);
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete' && node.argument.type === 'MemberExpression' && propertyName(node.argument) === 'reasoning_content') {
          this.addFieldUse('reasoning_content-strip', node);
        }
        break;
      case 'ObjectPattern':
        if (
          node.properties.some((p) => p.type === 'RestElement') &&
          node.properties.some((p) => p.type === 'Property' && propertyName(p) === 'reasoning_content')
        ) {
          this.addFieldUse('reasoning_content-strip', node);
        }
        break;
      case 'ReturnStatement':
        this.returns.push(node);
        break;
      case 'AssignmentExpression':
        if (isCjsExport(this.ctx, node.left)) this.cjsExports.push(node);
        break;
      case 'VariableDeclarator':
        if (node.id.type === 'ObjectPattern' && node.init && isProcessEnv(this.ctx, node.init)) this.envDestructures.push(node);
        break;
      default:
        break;
    }
  }

  /** `{ role: 'developer', content: ... }`: an object with a chat role and message content. */
  private addMessageLiteral(node: TSESTree.ObjectExpression): void {
    const role = node.properties.find((p): p is TSESTree.Property => p.type === 'Property' && propertyName(p) === 'role');
    if (!role) return;
    const roleValue = traceValue(this.ctx, role.value as Node);
    if (roleValue.kind !== 'string' || !CHAT_ROLES.has(roleValue.value)) return;
    const hasContent = node.properties.some(
      (p) => p.type === 'SpreadElement' || (p.type === 'Property' && MESSAGE_FIELDS.has(propertyName(p) ?? '')),
    );
    if (!hasContent) return;
    this.messages.push({
      file: this.ctx.file,
      role: roleValue.value,
      span: this.ctx.span(node),
      roleValue,
      shape: traceValue(this.ctx, node),
      statementSpan: this.ctx.span(enclosingStatement(node)),
      answersCallOf: roleValue.value === 'function' ? this.functionCallSource(node) : null,
    });
  }

  /** `name: message.function_call.name`, or `name` destructured from `message.function_call` → `message`. */
  private functionCallSource(node: TSESTree.ObjectExpression): string | null {
    const name = node.properties.find((p): p is TSESTree.Property => p.type === 'Property' && propertyName(p) === 'name');
    if (!name) return null;
    const value = unwrap(name.value as Node);
    const ofFunctionCall = (member: Node): string | null => {
      const m = unwrap(member);
      if (m.type === 'ChainExpression') return ofFunctionCall(m.expression);
      return m.type === 'MemberExpression' && propertyName(m) === 'function_call' ? this.ctx.textOf(m.object) : null;
    };
    if (value.type === 'MemberExpression' && propertyName(value) === 'name') return ofFunctionCall(value.object);
    if (value.type !== 'Identifier') return null;
    const def = this.ctx.variableOf(value)?.defs[0];
    if (def?.type !== 'Variable') return null;
    const declarator = def.node as TSESTree.VariableDeclarator;
    return declarator.id.type === 'ObjectPattern' && declarator.init ? ofFunctionCall(declarator.init) : null;
  }

  private addFieldUse(kind: FieldUse['kind'], node: Node): void {
    this.fieldUses.push({ file: this.ctx.file, kind, span: this.ctx.span(node), statementSpan: this.ctx.span(enclosingStatement(node)) });
  }

  // ---------------------------------------------------------------------------------------------
  // Clients

  private addClient(node: TSESTree.NewExpression): void {
    const className = constructedClass(this.ctx, node.callee);
    if (!className) return;
    const id = `${this.ctx.file}#${startOf(node)}`;
    const optionsNode = node.arguments[0];
    const options = optionsNode && optionsNode.type !== 'SpreadElement' ? traceValue(this.ctx, optionsNode) : null;
    const verdict = classifyProvider(className, options);
    const { holder, statement } = this.holderOf(node, id);
    this.clientByNew.set(node, id);
    this.clients.push({
      id,
      file: this.ctx.file,
      className,
      holder,
      exportedAs: [],
      provider: verdict.provider,
      providerEvidence: verdict.evidence,
      span: this.ctx.span(node),
      calleeSpan: this.ctx.span(node.callee),
      options,
      statementSpan: statement ? this.ctx.span(statement) : null,
    });
  }

  /** Where the new client is kept, registering the variable / field / factory that yields it. */
  private holderOf(node: TSESTree.NewExpression, id: string): { holder: ClientHolder; statement: Node | null } {
    let current: Node = node;
    let parent = semanticParent(current);
    // `cond ? new OpenAI(a) : new OpenAI(b)`, `cached ?? new OpenAI()`, `await`: look through.
    while (
      parent &&
      (parent.type === 'ConditionalExpression' || parent.type === 'LogicalExpression' || parent.type === 'AwaitExpression')
    ) {
      current = parent;
      parent = semanticParent(current);
    }
    const statement = enclosingStatement(node);
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
      const variable = this.ctx.variableOf(parent.id);
      if (variable) this.clientByVariable.set(variable, id);
      return { holder: { kind: 'variable', name: parent.id.name }, statement };
    }
    if (parent?.type === 'AssignmentExpression' && unwrap(parent.right) === unwrap(current)) {
      const left = unwrap(parent.left);
      if (left.type === 'Identifier') {
        const variable = this.ctx.variableOf(left);
        if (variable) this.clientByVariable.set(variable, id);
        return { holder: { kind: 'variable', name: left.name }, statement };
      }
      if (left.type === 'MemberExpression' && unwrap(left.object).type === 'ThisExpression') {
        const field = propertyName(left);
        const cls = enclosingClass(node);
        if (field && cls) {
          this.clientByField.set(fieldKey(cls, field), id);
          return { holder: { kind: 'class-field', className: cls.id?.name ?? null, field }, statement };
        }
      }
      if (isCjsExport(this.ctx, left)) {
        const name = cjsExportName(this.ctx, left);
        if (name === 'default') this.defaultExportClient = id;
        return { holder: name === 'default' ? { kind: 'default-export' } : { kind: 'variable', name: name ?? 'exports' }, statement };
      }
    }
    if (parent?.type === 'PropertyDefinition' && parent.value && unwrap(parent.value) === unwrap(current)) {
      const field = propertyName(parent);
      const cls = enclosingClass(node);
      if (field && cls) {
        this.clientByField.set(fieldKey(cls, field), id);
        return { holder: { kind: 'class-field', className: cls.id?.name ?? null, field }, statement };
      }
    }
    if (parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === current)) {
      const fn = parent.type === 'ArrowFunctionExpression' ? parent : enclosingFunction(parent);
      if (fn) {
        this.clientByFactory.set(fn, id);
        return { holder: { kind: 'factory', functionName: factoryName(fn) }, statement };
      }
    }
    if (parent?.type === 'ExportDefaultDeclaration') {
      this.defaultExportClient = id;
      return { holder: { kind: 'default-export' }, statement };
    }
    return { holder: { kind: 'inline' }, statement };
  }

  /** `function getClient() { if (!client) client = new OpenAI(); return client; }` is a factory too. */
  private linkFactoryReturns(): void {
    for (const ret of this.returns) {
      if (!ret.argument) continue;
      const argument = unwrap(ret.argument);
      if (argument.type !== 'Identifier') continue;
      const variable = this.ctx.variableOf(argument);
      const clientId = variable ? this.clientByVariable.get(variable) : undefined;
      const fn = enclosingFunction(ret);
      if (clientId && fn && !this.clientByFactory.has(fn)) this.clientByFactory.set(fn, clientId);
    }
    for (const [fn, clientId] of this.clientByFactory) {
      // A factory assigned to a variable (`const getClient = () => ...`) is reached through that variable.
      const parent = semanticParent(fn);
      if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') {
        const variable = this.ctx.variableOf(parent.id);
        if (variable) this.factoryByVariable.set(variable, clientId);
      }
      if (fn.type === 'FunctionDeclaration' && fn.id) {
        const variable = this.ctx.variableOf(fn.id);
        if (variable) this.factoryByVariable.set(variable, clientId);
      }
    }
  }

  private readonly factoryByVariable = new Map<Binding, string>();

  // ---------------------------------------------------------------------------------------------
  // Calls

  private addCall(node: TSESTree.CallExpression): void {
    const chain = memberChain(node.callee);
    if (!chain || chain.path.length < 2) return;
    const resolved = this.resolveReceiver(chain.root, chain.path, 0);
    if (!resolved) return;
    const { ref, path, receiverNode, receiverEnd } = resolved;
    if (path.length < 2 || !SDK_RESOURCE_ROOTS.has(path[0])) return;
    const argument = node.arguments[0];
    const receiverSpan: Span = { start: startOf(receiverNode), end: receiverEnd };
    this.calls.push({
      file: this.ctx.file,
      receiver: ref,
      receiverText: this.ctx.text.slice(receiverSpan.start, receiverSpan.end),
      receiverSpan,
      endpoint: path.slice(0, -1).join('.'),
      method: path[path.length - 1],
      span: this.ctx.span(node),
      statementSpan: this.ctx.span(enclosingStatement(node)),
      args: argument && argument.type !== 'SpreadElement' ? traceValue(this.ctx, argument) : null,
    });
  }

  /**
   * Resolves the root of a member chain to a client. Returns the receiver reference, the member path
   * that remains after it (resource path + method), and the receiver's source range.
   */
  private resolveReceiver(
    root: Node,
    path: string[],
    depth: number,
  ): { ref: ReceiverRef; path: string[]; receiverNode: Node; receiverEnd: number } | null {
    if (depth > 4) return null;
    const at = (ref: ReceiverRef, rest: string[], end = endOf(root)) => ({ ref, path: rest, receiverNode: root, receiverEnd: end });
    const n = unwrap(root);
    if (n.type === 'NewExpression') {
      const clientId = this.clientByNew.get(n);
      return clientId ? at({ kind: 'client', clientId }, path) : null;
    }
    if (n.type === 'ThisExpression') {
      const cls = enclosingClass(n);
      if (!cls || path.length === 0) return null;
      const field = path[0];
      const clientId = this.clientByField.get(fieldKey(cls, field)) ?? this.injectedField(cls, field);
      if (!clientId) return null;
      const end = this.memberEnd(root, 1);
      return { ref: { kind: 'client', clientId }, path: path.slice(1), receiverNode: root, receiverEnd: end };
    }
    if (n.type === 'CallExpression') {
      const callee = unwrap(n.callee);
      const calleeChain = memberChain(callee);
      if (calleeChain && CLIENT_PASSTHROUGH_METHODS.has(calleeChain.path[calleeChain.path.length - 1])) {
        const inner = this.resolveReceiver(calleeChain.root, calleeChain.path.slice(0, -1), depth + 1);
        return inner && inner.path.length === 0 ? at(inner.ref, path) : null;
      }
      if (callee.type === 'Identifier') {
        const factory = this.factoryRef(callee);
        return factory ? at(factory, path) : null;
      }
      return null;
    }
    if (n.type !== 'Identifier') return null;
    const variable = this.ctx.variableOf(n);
    if (!variable) return null;
    const clientId = this.clientByVariable.get(variable);
    if (clientId) return at({ kind: 'client', clientId }, path);

    const imported = importOf(variable);
    if (imported) {
      if (imported.imported === '*') {
        // `const openai = require('./openai')` where the module *is* the client (`module.exports = openai`):
        // the path starts with an SDK resource, not with an export name.
        if (imported.binding.commonjs && SDK_RESOURCE_ROOTS.has(path[0])) {
          return at({ kind: 'import', source: imported.source, imported: 'default', binding: imported.binding }, path);
        }
        // import * as lib from './openai'; lib.openai.chat.completions.create(...)
        if (path.length < 3) return null;
        return {
          ref: { kind: 'import', source: imported.source, imported: path[0], binding: imported.binding },
          path: path.slice(1),
          receiverNode: root,
          receiverEnd: this.memberEnd(root, 1),
        };
      }
      return at({ kind: 'import', source: imported.source, imported: imported.imported, binding: imported.binding }, path);
    }
    const injected = this.injectedVariable(variable);
    if (injected) return at({ kind: 'client', clientId: injected }, path);

    // Aliases: `const client = getClient()`, `const chat = client.chat`, `const { completions } = client.chat`.
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def.type !== 'Variable') return null;
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init ? unwrap(declarator.init) : null;
    if (!init) return null;
    const value = init.type === 'AwaitExpression' ? unwrap(init.argument) : init;
    let prefix: string[] = [];
    let aliasRoot: Node = value;
    if (value.type === 'MemberExpression') {
      const aliasChain = memberChain(value);
      if (!aliasChain) return null;
      aliasRoot = aliasChain.root;
      prefix = aliasChain.path;
    }
    if (declarator.id.type === 'ObjectPattern') {
      const property = declarator.id.properties.find(
        (p): p is TSESTree.Property => p.type === 'Property' && startOf(unwrap(p.value as Node)) === startOf(def.name as Node),
      );
      const key = property ? propertyName(property) : null;
      if (!key) return null;
      prefix = [...prefix, key];
    } else if (declarator.id.type !== 'Identifier' || constantInitializer(variable) === null) {
      return null;
    }
    const inner = this.resolveReceiver(aliasRoot, [...prefix, ...path], depth + 1);
    // The receiver text of an aliased call is the alias itself.
    return inner ? at(inner.ref, inner.path) : null;
  }

  private factoryRef(callee: TSESTree.Identifier): ReceiverRef | null {
    const variable = this.ctx.variableOf(callee);
    if (!variable) return null;
    const clientId = this.factoryByVariable.get(variable);
    if (clientId) return { kind: 'client', clientId };
    const imported = importOf(variable);
    if (imported && imported.imported !== '*') return { kind: 'factory-import', source: imported.source, imported: imported.imported };
    // `const createClient = require('./client')` where `module.exports = function createClient() {...}`.
    if (imported?.binding.commonjs) return { kind: 'factory-import', source: imported.source, imported: 'default' };
    return null;
  }

  /** End offset of `root.a` (the receiver `this.client` in `this.client.chat...`). */
  private memberEnd(root: Node, members: number): number {
    let node: Node = root;
    for (let i = 0; i < members; i++) {
      const parent = semanticParent(node);
      if (!parent || parent.type !== 'MemberExpression') break;
      node = parent;
    }
    return endOf(node);
  }

  /** A parameter typed as an SDK client (`constructor(private client: OpenAI)`, `function f(c: OpenAI)`). */
  private injectedVariable(variable: Binding): string | null {
    const def = variable.defs[0];
    if (!def || def.type !== 'Parameter') return null;
    const id = def.name as TSESTree.Identifier;
    const className = annotatedClass(this.ctx, id.typeAnnotation?.typeAnnotation);
    return className ? this.injectedClient(id, id.name, className) : null;
  }

  /** A class field typed as an SDK client and filled from outside (`private llm: OpenAI`). */
  private injectedField(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, field: string): string | null {
    for (const member of cls.body.body) {
      if (member.type === 'PropertyDefinition' && propertyName(member) === field) {
        const className = annotatedClass(this.ctx, member.typeAnnotation?.typeAnnotation);
        if (className) return this.injectedClient(member, field, className);
      }
      if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== 'TSParameterProperty') continue;
          const inner = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
          if (inner.type === 'Identifier' && inner.name === field) {
            const className = annotatedClass(this.ctx, inner.typeAnnotation?.typeAnnotation);
            if (className) return this.injectedClient(inner, field, className);
          }
        }
      }
    }
    return null;
  }

  private injectedClient(declaration: Node, name: string, className: SdkClass): string {
    const id = `${this.ctx.file}#${startOf(declaration)}`;
    if (!this.injected.has(id)) {
      this.injected.set(id, {
        id,
        file: this.ctx.file,
        className,
        holder: { kind: 'injected', name },
        exportedAs: [],
        provider: 'unknown',
        providerEvidence: `'${name}' is typed ${className} and constructed elsewhere`,
        span: this.ctx.span(declaration),
        calleeSpan: null,
        options: null,
        statementSpan: null,
      });
    }
    return id;
  }

  // ---------------------------------------------------------------------------------------------
  // Env reads

  private collectEnvReads(): void {
    const inClient = (start: number): string | null => {
      for (const client of this.clients) {
        if (client.options && client.options.span.file === this.ctx.file && start >= client.options.span.start && start < client.options.span.end) {
          return client.id;
        }
      }
      return null;
    };
    const add = (read: Omit<EnvRead, 'clientId' | 'file'>) => {
      const clientId = inClient(read.span.start);
      if (clientId || INTERESTING_ENV.test(read.name)) this.envReads.push({ ...read, file: this.ctx.file, clientId });
    };
    for (const node of this.memberExpressions) {
      const shape = envRead(this.ctx, node, null);
      if (shape?.kind !== 'env') continue;
      const object = unwrap(node.object) as TSESTree.MemberExpression;
      const form = unwrap(object.object).type === 'MetaProperty' ? 'import.meta.env' : node.computed ? 'process.env[]' : 'process.env';
      add({ name: shape.name, form, nameSpan: strip(shape.nameSpan), span: strip(shape.span) });
    }
    for (const node of this.callExpressions) {
      const deno = denoEnvRead(this.ctx, node);
      if (deno?.kind === 'env') add({ name: deno.name, form: 'Deno.env.get', nameSpan: strip(deno.nameSpan), span: strip(deno.span) });
      const helper = deno ? null : helperEnvRead(this.ctx, node);
      if (helper?.kind === 'env') add({ name: helper.name, form: 'helper', nameSpan: strip(helper.nameSpan), span: strip(helper.span) });
    }
    for (const declarator of this.envDestructures) {
      for (const property of (declarator.id as TSESTree.ObjectPattern).properties) {
        if (property.type !== 'Property') continue;
        const name = propertyName(property);
        if (name) add({ name, form: 'destructure', nameSpan: strip(this.ctx.span(property.key)), span: strip(this.ctx.span(property)) });
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Exports

  private collectExports(ast: TSESTree.Program): { exports: Record<string, ExportTarget>; exportAll: string[] } {
    const exports: Record<string, ExportTarget> = {};
    const exportAll: string[] = [];
    const setVariable = (name: string, id: TSESTree.Identifier) => {
      const variable = this.ctx.variableOf(id);
      const target = variable ? this.targetOf(variable) : null;
      if (target) exports[name] = target;
    };
    for (const statement of ast.body) {
      if (statement.type === 'ExportNamedDeclaration') {
        const declaration = statement.declaration;
        if (declaration?.type === 'VariableDeclaration') {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === 'Identifier') setVariable(declarator.id.name, declarator.id);
          }
        } else if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
          setVariable(declaration.id.name, declaration.id);
        }
        for (const spec of statement.specifiers) {
          if (spec.type !== 'ExportSpecifier') continue;
          const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
          const local = spec.local.type === 'Identifier' ? spec.local.name : spec.local.value;
          if (statement.source) {
            exports[exported] = { kind: 're-export', source: statement.source.value, imported: local };
          } else if (spec.local.type === 'Identifier') {
            setVariable(exported, spec.local);
          }
        }
      } else if (statement.type === 'ExportAllDeclaration') {
        if (statement.exported === null) exportAll.push(statement.source.value);
      } else if (statement.type === 'ExportDefaultDeclaration') {
        const declaration = unwrap(statement.declaration as Node);
        if (declaration.type === 'Identifier') setVariable('default', declaration);
        else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ArrowFunctionExpression' || declaration.type === 'FunctionExpression') && this.clientByFactory.has(declaration)) {
          exports.default = { kind: 'factory', clientId: this.clientByFactory.get(declaration)! };
        } else if (declaration.type === 'ObjectExpression') {
          // `export default { value }` is not a named export: ignore.
        }
      }
    }
    if (this.defaultExportClient) exports.default = { kind: 'client', clientId: this.defaultExportClient };
    for (const assignment of this.cjsExports) this.addCjsExport(assignment, exports);
    return { exports, exportAll };
  }

  /** `module.exports = client`, `module.exports = { openai, createClient }`, `exports.openai = openai`. */
  private addCjsExport(assignment: TSESTree.AssignmentExpression, exports: Record<string, ExportTarget>): void {
    const name = cjsExportName(this.ctx, assignment.left);
    const right = unwrap(assignment.right);
    const targetOfNode = (node: Node): ExportTarget | null => {
      const n = unwrap(node);
      if (n.type === 'Identifier') {
        const variable = this.ctx.variableOf(n);
        return variable ? this.targetOf(variable) : null;
      }
      if (n.type === 'NewExpression' && this.clientByNew.has(n)) return { kind: 'client', clientId: this.clientByNew.get(n)! };
      if ((n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') && this.clientByFactory.has(n)) {
        return { kind: 'factory', clientId: this.clientByFactory.get(n)! };
      }
      const value = traceValue(this.ctx, n);
      return value.kind === 'unknown' ? null : { kind: 'value', value };
    };
    if (name === 'default' && right.type === 'ObjectExpression') {
      const object = traceValue(this.ctx, right);
      for (const property of right.properties) {
        if (property.type !== 'Property') continue;
        const key = propertyName(property);
        const target = key ? targetOfNode(property.value as Node) : null;
        if (key && target) exports[key] = target;
        if (target?.kind === 'client' && object.kind === 'object') this.commonjsExports.set(target.clientId, { kind: 'object', object });
      }
      return;
    }
    if (name) {
      const target = targetOfNode(right);
      if (target) exports[name] = target;
      if (target?.kind !== 'client') return;
      const statement = parentOf(assignment);
      const left = assignment.left;
      if (name === 'default') this.commonjsExports.set(target.clientId, { kind: 'module' });
      else if (statement?.type === 'ExpressionStatement' && parentOf(statement)?.type === 'Program' && left.type === 'MemberExpression' && !left.computed) {
        // `exports.openai = openai;` → a sibling `exports.deepseek = deepseek;` after it.
        this.commonjsExports.set(target.clientId, { kind: 'property', statement: offsetsOf(statement), target: this.ctx.textOf(left.object) });
      }
    }
  }

  private targetOf(variable: Binding): ExportTarget | null {
    const clientId = this.clientByVariable.get(variable);
    if (clientId) return { kind: 'client', clientId };
    const factory = this.factoryByVariable.get(variable);
    if (factory) return { kind: 'factory', clientId: factory };
    const imported = importOf(variable);
    if (imported) return { kind: 're-export', source: imported.source, imported: imported.imported };
    const init = constantInitializer(variable);
    if (!init) return null;
    const value = traceValue(this.ctx, init);
    return value.kind === 'unknown' ? null : { kind: 'value', value };
  }
}

/** Roles of chat messages across OpenAI and DeepSeek, including the ones DeepSeek rejects. */
const CHAT_ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant', 'tool', 'developer', 'function']);
/** Properties that make an object with a `role` a chat message rather than, say, a user record. */
const MESSAGE_FIELDS: ReadonlySet<string> = new Set(['content', 'tool_calls', 'function_call', 'tool_call_id', 'reasoning_content']);

/** `x.function_call = ...` writes the field; reads are what the tool-call rewrite changes. */
function isWriteTarget(node: TSESTree.MemberExpression): boolean {
  const parent = semanticParent(node);
  return parent?.type === 'AssignmentExpression' && unwrap(parent.left) === node;
}

function fieldKey(cls: Node, field: string): string {
  return `${startOf(cls)}:${field}`;
}

function factoryName(fn: FunctionNode): string {
  if (fn.id) return fn.id.name;
  const parent = semanticParent(fn);
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && parent.key.type === 'Identifier') return parent.key.name;
  return '(anonymous)';
}

function strip(span: Span): Span {
  return { start: span.start, end: span.end };
}

function isProcessEnv(ctx: FileContext, node: Node): boolean {
  const n = unwrap(node);
  if (n.type !== 'MemberExpression' || propertyName(n) !== 'env') return false;
  const object = unwrap(n.object);
  return (
    (object.type === 'Identifier' && object.name === 'process' && ctx.isGlobal(object)) ||
    (object.type === 'MetaProperty' && object.meta.name === 'import')
  );
}

/** `module.exports`, `module.exports.x`, `exports.x` (with `module`/`exports` not shadowed). */
function isCjsExport(ctx: FileContext, node: Node): boolean {
  return cjsExportName(ctx, node) !== null;
}

function cjsExportName(ctx: FileContext, node: Node): string | null {
  const chain = memberChain(node);
  if (!chain || chain.root.type !== 'Identifier' || !ctx.isGlobal(chain.root)) return null;
  if (chain.root.name === 'module' && chain.path[0] === 'exports') {
    if (chain.path.length === 1) return 'default';
    if (chain.path.length === 2) return chain.path[1];
  }
  if (chain.root.name === 'exports' && chain.path.length === 1) return chain.path[0];
  return null;
}

export { sdkBindingOf };

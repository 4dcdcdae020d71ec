/**
 * Engine-neutral records of how a file uses the OpenAI SDK. Positions are `[start, end)` offsets into
 * the file's text (without BOM); `file` is an absolute path. Nothing here holds AST nodes, so records
 * can cross worker threads and be compared in tests.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span in a particular file (used where a value is defined in another module). */
export interface FileSpan extends Span {
  readonly file: string;
}

export type ImportKind = 'default' | 'named' | 'namespace' | 'require' | 'dynamic' | 'type-only';

/** How a file brings in the `openai` package. */
export interface SdkImport {
  readonly kind: ImportKind;
  /** The local binding (`OpenAI`, `OAI`, `oai`); `null` for an inline `require('openai').OpenAI`. */
  readonly local: string | null;
  /** What it binds: `default`, `OpenAI`, `AzureOpenAI`, `*` (the module), or a type name. */
  readonly imported: string;
  readonly source: string;
  readonly span: Span;
}

export type SdkClass = 'OpenAI' | 'AzureOpenAI';

export type Provider =
  /** OpenAI's own API: no baseURL, or `api.openai.com`, or OpenAI's env variables. */
  | 'openai'
  | 'azure'
  | 'deepseek'
  /** Another provider reached through the OpenAI SDK (Groq, OpenRouter, a local server): never touched. */
  | 'other'
  /** Cannot tell statically (base URL from an unrelated variable, an injected client). */
  | 'unknown';

/** Where a client instance lives, which decides how calls reach it. */
export type ClientHolder =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'class-field'; readonly className: string | null; readonly field: string }
  | { readonly kind: 'factory'; readonly functionName: string }
  | { readonly kind: 'default-export' }
  | { readonly kind: 'inline' }
  /** A parameter or property typed as an SDK client: constructed somewhere we cannot see. */
  | { readonly kind: 'injected'; readonly name: string };

export interface ClientRecord {
  /** Stable id: `<file>#<offset of the new expression>` (or of the declaration for injected clients). */
  readonly id: string;
  readonly file: string;
  readonly className: SdkClass;
  readonly holder: ClientHolder;
  /** Names under which the module exports this client (`default` for a default export). */
  readonly exportedAs: readonly string[];
  readonly provider: Provider;
  /** Why that provider: `baseURL 'https://api.groq.com/openai/v1'`, `no baseURL`. */
  readonly providerEvidence: string;
  /** The `new` expression; for injected clients, the declaration. */
  readonly span: Span;
  /** The callee of `new` (`OpenAI`, `oai.OpenAI`, `AzureOpenAI`). */
  readonly calleeSpan: Span | null;
  /** The options argument, when statically visible. */
  readonly options: ValueShape | null;
  /** The statement that declares the client, for inserting a sibling client. */
  readonly statementSpan: Span | null;
  /** How a CommonJS module exports the client, so that a sibling client can be exported the same way. */
  readonly commonjsExport?: CommonJsExport;
}

export type CommonJsExport =
  /** `module.exports = { openai, ... }`: a sibling is added to the object. */
  | { readonly kind: 'object'; readonly object: Extract<ValueShape, { kind: 'object' }> }
  /** `exports.openai = openai;` or `module.exports.openai = openai;`: a sibling assignment follows it. */
  | { readonly kind: 'property'; readonly statement: Span; readonly target: string }
  /** `module.exports = openai`: the module is the client; nothing can be exported beside it. */
  | { readonly kind: 'module' };

/**
 * What the analysis knows about an expression's value, without running it. Every shape keeps its span
 * so edits can target exactly where the value is written, possibly in another file.
 */
export type ValueShape =
  | { readonly kind: 'string'; readonly value: string; readonly span: FileSpan; readonly quote: '"' | "'" | '`' }
  | { readonly kind: 'number'; readonly value: number; readonly span: FileSpan }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly span: FileSpan }
  | { readonly kind: 'null'; readonly span: FileSpan }
  | {
      readonly kind: 'object';
      readonly span: FileSpan;
      readonly properties: readonly PropertyShape[];
      readonly hasSpread: boolean;
      /** End offset of the last property or spread, where a new property is inserted; null when empty. */
      readonly lastElementEnd: number | null;
    }
  | { readonly kind: 'array'; readonly span: FileSpan; readonly elements: readonly ValueShape[]; readonly hasSpread: boolean }
  /** `process.env.NAME`, optionally with a fallback (`?? 'gpt-4o'`). */
  | {
      readonly kind: 'env';
      readonly name: string;
      readonly nameSpan: FileSpan;
      readonly fallback: ValueShape | null;
      readonly span: FileSpan;
      /** The name is a shorthand destructuring key (`const { OPENAI_API_KEY } = process.env`): also the local name. */
      readonly shorthandKey?: boolean;
    }
  /** A binding imported from another module: the project index resolves it. */
  | { readonly kind: 'import'; readonly source: string; readonly imported: string; readonly span: FileSpan }
  /** Anything else: a call, a parameter, a computed value. */
  | { readonly kind: 'unknown'; readonly span: FileSpan; readonly text: string };

export interface PropertyShape {
  readonly key: string;
  readonly keySpan: FileSpan;
  /** The whole property, `key: value`. */
  readonly span: FileSpan;
  readonly value: ValueShape;
  readonly shorthand: boolean;
}

/** A call on an SDK client: `client.chat.completions.create({...})`. */
export interface CallRecord {
  readonly file: string;
  /** How the receiver was found; resolved to a client by the project index when it is imported. */
  readonly receiver: ReceiverRef;
  /** Source text of the receiver expression (`openai`, `this.client`, `getClient()`). */
  readonly receiverText: string;
  readonly receiverSpan: Span;
  /** Resource path on the client: `chat.completions`, `beta.chat.completions`, `audio.speech`. */
  readonly endpoint: string;
  /** The method called: `create`, `parse`, `stream`, `runTools`, `list`. */
  readonly method: string;
  /** The whole call expression. */
  readonly span: Span;
  /** The statement holding the call, where a marker comment goes. */
  readonly statementSpan: Span;
  /** The first argument (request body), traced to its definition when it is a local variable. */
  readonly args: ValueShape | null;
}

/** The receiver of a call, as far as one file can tell. */
export type ReceiverRef =
  | { readonly kind: 'client'; readonly clientId: string }
  | {
      readonly kind: 'import';
      readonly source: string;
      readonly imported: string;
      /** How this file binds it, for rewriting the import when calls move to another client. */
      readonly binding: ImportBinding;
    }
  | { readonly kind: 'factory-import'; readonly source: string; readonly imported: string };

export interface ImportBinding {
  readonly style: 'named' | 'default' | 'namespace';
  /** The local name (`openai`, `ai` in `{ openai as ai }`, `lib` in `import * as lib`). */
  readonly local: string;
  /** The specifier (`openai as ai`, `openai`, `* as lib`). */
  readonly specifier: Span;
  /** The whole import declaration. */
  readonly declaration: Span;
  /** Bound by `require()` (a destructuring property, or the whole module object), not by `import`. */
  readonly commonjs?: true;
}

/** A read of an environment variable: `process.env.X`, `import.meta.env.X`, `Deno.env.get('X')`. */
export interface EnvRead {
  readonly file: string;
  readonly name: string;
  readonly form: 'process.env' | 'process.env[]' | 'import.meta.env' | 'Deno.env.get' | 'helper' | 'destructure';
  /** The span of the variable's name as written (identifier or string contents), for renames. */
  readonly nameSpan: Span;
  readonly span: Span;
  /** The client whose options contain this read, if any. */
  readonly clientId: string | null;
}

/** A module-level binding other modules may import: clients, factories, constants. */
export type ExportTarget =
  | { readonly kind: 'client'; readonly clientId: string }
  | { readonly kind: 'factory'; readonly clientId: string }
  | { readonly kind: 'value'; readonly value: ValueShape }
  | { readonly kind: 're-export'; readonly source: string; readonly imported: string };

/** An object literal shaped like a chat message (`{ role: 'developer', content }`), wherever it is built. */
export interface MessageLiteral {
  readonly file: string;
  readonly role: string;
  readonly span: Span;
  /** The role's string literal, for a rename (`developer` → `system`). */
  readonly roleValue: ValueShape;
  readonly shape: ValueShape;
  readonly statementSpan: Span;
  /**
   * For a legacy `role: 'function'` result: the source of the response message whose function call it
   * answers (`message` when `name` is `message.function_call.name` or destructured from it).
   */
  readonly answersCallOf: string | null;
}

/** Code that reads or removes a field the migration cares about. */
export interface FieldUse {
  readonly file: string;
  /** `function_call` read from a response message; `reasoning_content` deleted or destructured away. */
  readonly kind: 'function_call-read' | 'reasoning_content-strip';
  readonly span: Span;
  readonly statementSpan: Span;
}

export interface FileUsage {
  readonly file: string;
  readonly imports: readonly SdkImport[];
  readonly clients: readonly ClientRecord[];
  readonly calls: readonly CallRecord[];
  readonly envReads: readonly EnvRead[];
  readonly messages: readonly MessageLiteral[];
  readonly fieldUses: readonly FieldUse[];
  /** Exported names this file offers to the project index. */
  readonly exports: Readonly<Record<string, ExportTarget>>;
  /** `export * from '...'` sources. */
  readonly exportAll: readonly string[];
  /** Every module specifier this file imports (static, require, dynamic), for the project graph. */
  readonly moduleSpecifiers: readonly string[];
}

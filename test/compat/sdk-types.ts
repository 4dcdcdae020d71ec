/**
 * Reads the installed openai SDK's own type declarations with the TypeScript compiler API, so tests can
 * check the compat data against what the SDK lets code send. One small in-memory program, resolved
 * through the repo's node_modules, built once per test file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const ROOT_FILE = path.join(REPO_ROOT, '__compat_sdk_probe__.ts');
const ROOT_SOURCE = `
import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionContentPart,
  ChatCompletionContentPartRefusal,
} from 'openai/resources/chat/completions';
import type { AllModels } from 'openai/resources/shared';
export type Params = ChatCompletionCreateParamsBase;
export type Client = OpenAI;
export type Message = ChatCompletionMessageParam;
export type Part = ChatCompletionContentPart | ChatCompletionContentPartRefusal;
export type Models = AllModels;
`;

export interface SdkTypes {
  /** Properties of `ChatCompletionCreateParamsBase`. */
  readonly chatParamNames: readonly string[];
  /** `OpenAI` client resource paths, depth-first (`chat`, `chat.completions`, ...), with their depth (1 = top). */
  readonly resourcePaths: readonly { readonly path: string; readonly depth: number }[];
  /** `role` literals of `ChatCompletionMessageParam`. */
  readonly roles: readonly string[];
  /** `type` literals of user content parts and assistant refusal parts. */
  readonly contentPartTypes: readonly string[];
  /** String literals of `AllModels` (every model id the SDK names). */
  readonly modelIds: readonly string[];
  /** The SDK's declared version. */
  readonly version: string;
}

let loaded: SdkTypes | undefined;

export function sdkTypes(): SdkTypes {
  loaded ??= load();
  return loaded;
}

function load(): SdkTypes {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === ROOT_FILE
      ? ts.createSourceFile(fileName, ROOT_SOURCE, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, ...rest);
  host.fileExists = (fileName) => fileName === ROOT_FILE || fileExists.call(host, fileName);
  host.readFile = (fileName) => (fileName === ROOT_FILE ? ROOT_SOURCE : readFile.call(host, fileName));

  const program = ts.createProgram([ROOT_FILE], options, host);
  const root = program.getSourceFile(ROOT_FILE);
  if (!root) throw new Error('probe file not in program');
  const problems = ts
    .getPreEmitDiagnostics(program, root)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length > 0) throw new Error(`cannot read the openai SDK types:\n${problems.join('\n')}`);

  const checker = program.getTypeChecker();
  const alias = (name: string): ts.Type => {
    const decl = root.statements.find(
      (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name,
    );
    if (!decl) throw new Error(`no alias ${name}`);
    return checker.getTypeAtLocation(decl.name);
  };
  const members = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]);
  const literalsOf = (type: ts.Type): string[] =>
    members(type)
      .filter((t): t is ts.StringLiteralType => t.isStringLiteral())
      .map((t) => t.value);
  const propLiterals = (type: ts.Type, prop: string): string[] =>
    members(type).flatMap((member) => {
      const symbol = member.getProperty(prop);
      return symbol ? literalsOf(checker.getTypeOfSymbol(symbol)) : [];
    });

  const extendsApiResource = (type: ts.Type): boolean => {
    const seen = new Set<ts.Type>();
    const walk = (t: ts.Type): boolean => {
      if (seen.has(t)) return false;
      seen.add(t);
      if (t.getSymbol()?.getName() === 'APIResource') return true;
      const bases = t.isClassOrInterface() ? checker.getBaseTypes(t) : [];
      return bases.some(walk);
    };
    return walk(type);
  };
  const resourcePaths: { path: string; depth: number }[] = [];
  const collect = (type: ts.Type, prefix: string, depth: number): void => {
    for (const prop of checker.getPropertiesOfType(type)) {
      const name = prop.getName();
      if (name.startsWith('_') || name.startsWith('#')) continue;
      const propType = checker.getTypeOfSymbol(prop);
      if (!extendsApiResource(propType)) continue;
      const full = prefix ? `${prefix}.${name}` : name;
      resourcePaths.push({ path: full, depth });
      if (depth < 8) collect(propType, full, depth + 1);
    }
  };
  collect(alias('Client'), '', 1);

  const versionFile = program
    .getSourceFiles()
    .find((f) => /[\\/]node_modules[\\/]openai[\\/]version\.d\.m?ts$/.test(f.fileName));
  const version = /VERSION = "([^"]+)"/.exec(versionFile?.text ?? '')?.[1] ?? readVersion();

  return {
    chatParamNames: checker.getPropertiesOfType(alias('Params')).map((p) => p.getName()),
    resourcePaths,
    roles: propLiterals(alias('Message'), 'role'),
    contentPartTypes: propLiterals(alias('Part'), 'type'),
    modelIds: literalsOf(alias('Models')),
    version,
  };
}

function readVersion(): string {
  const text = ts.sys.readFile(path.join(REPO_ROOT, 'node_modules/openai/package.json')) ?? '{}';
  return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
}

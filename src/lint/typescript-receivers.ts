/**
 * The type checker's answer to "is this expression the openai SDK's client?", for type-aware detection.
 * A type matches when its symbol is `OpenAI` or `AzureOpenAI` declared in a file of the `openai`
 * package itself: the path check is anchored on `/node_modules/openai/`, so `@langchain/openai`'s
 * `ChatOpenAI` and LlamaIndex's own `OpenAI` class never match.
 */
import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type * as TS from 'typescript';
import { fromUrl } from '../analysis/provider.js';
import type { Provider, SdkClass } from '../analysis/types.js';
import type { ReceiverTypes, TypedReceiver } from './typed-calls.js';

export interface TypeServices {
  readonly program: TS.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): TS.Node | undefined };
}

const SDK_CLASSES: ReadonlySet<string> = new Set<SdkClass>(['OpenAI', 'AzureOpenAI']);

/**
 * Loaded only when a program exists (the TypeScript parser has loaded it already), so plugin users
 * on espree never pay for loading the compiler.
 */
let tsModule: typeof TS | undefined;
function typescript(): typeof TS {
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return tsModule;
}

export function typeScriptReceivers(services: TypeServices): ReceiverTypes {
  const checker = services.program.getTypeChecker();
  return {
    receiverOf(node) {
      const tsNode = services.esTreeNodeToTSNodeMap.get(node);
      if (!tsNode) return null;
      const className = sdkClassOf(checker.getNonNullableType(checker.getTypeAtLocation(tsNode)));
      if (!className) return null;
      return receiverWithProvider(checker, tsNode, className);
    },
  };
}

function sdkClassOf(type: TS.Type): SdkClass | null {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (!symbol || !SDK_CLASSES.has(symbol.getName())) return null;
  const fromSdk = (symbol.getDeclarations() ?? []).some((d) => isSdkFile(d.getSourceFile().fileName));
  return fromSdk ? (symbol.getName() as SdkClass) : null;
}

function isSdkFile(fileName: string): boolean {
  return fileName.replace(/\\/g, '/').includes('/node_modules/openai/');
}

/**
 * Where the client was built, if the checker can follow the receiver to a `new OpenAI({...})`
 * initialiser (`export const groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' })` in
 * another module): its base URL says which provider it talks to.
 */
function receiverWithProvider(checker: TS.TypeChecker, node: TS.Node, className: SdkClass): TypedReceiver {
  const ts = typescript();
  const name = ts.isPropertyAccessExpression(node) ? node.name : node;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  const typed = `typed ${className} by the TypeScript checker (settings.deepseek.detection: 'type-aware')`;
  if (
    !declaration ||
    !(ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ||
    !declaration.initializer
  ) {
    return { className, provider: null, evidence: typed };
  }
  const init = skipOuterExpressions(ts, declaration.initializer);
  if (!ts.isNewExpression(init)) return { className, provider: null, evidence: typed };
  const verdict = providerOfOptions(ts, init.arguments?.[0]);
  return { className, provider: verdict.provider, evidence: `${typed}; constructed with ${verdict.evidence}` };
}

function providerOfOptions(ts: typeof TS, options: TS.Expression | undefined): { provider: Provider; evidence: string } {
  if (!options) return { provider: 'openai', evidence: 'no options' };
  const object = skipOuterExpressions(ts, options);
  if (!ts.isObjectLiteralExpression(object)) return { provider: 'unknown', evidence: 'options built elsewhere' };
  let hasSpread = false;
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property)) hasSpread = true;
    if (!ts.isPropertyAssignment(property) || !property.name || !['baseURL', 'baseUrl'].includes(property.name.getText())) continue;
    const value = skipOuterExpressions(ts, property.initializer);
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
      const verdict = fromUrl(value.text);
      return { provider: verdict.provider, evidence: verdict.evidence };
    }
    const env = /^process\.env\.(\w+)$/.exec(value.getText());
    if (env && /DEEPSEEK/i.test(env[1])) return { provider: 'deepseek', evidence: `baseURL from process.env.${env[1]}` };
    return { provider: 'unknown', evidence: `baseURL \`${value.getText()}\`` };
  }
  return hasSpread ? { provider: 'unknown', evidence: 'spread options' } : { provider: 'openai', evidence: 'no baseURL' };
}

function skipOuterExpressions(ts: typeof TS, node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current)) {
    current = current.expression;
  }
  return current;
}

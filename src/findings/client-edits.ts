/**
 * The edits that turn an OpenAI or Azure client into a DeepSeek client, in place:
 *
 *   new OpenAI()                                → new OpenAI({ apiKey: process.env.DEEPSEEK_API_KEY, baseURL: 'https://api.deepseek.com' })
 *   apiKey: process.env.OPENAI_API_KEY          → apiKey: process.env.DEEPSEEK_API_KEY
 *   baseURL: process.env.OPENAI_BASE_URL        → baseURL: process.env.DEEPSEEK_BASE_URL ?? 'https://api.deepseek.com'
 *   organization, project, (Azure) endpoint, apiVersion, deployment → removed
 *   new AzureOpenAI({...})                      → new OpenAI({...})
 *
 * A base URL read from an env variable keeps a fallback: with the variable unset, the SDK would fall
 * back to OPENAI_BASE_URL or api.openai.com and send the DeepSeek key there.
 */
import type { ClientRecord, PropertyShape, SdkImport, ValueShape } from '../analysis/types.js';
import { CANONICAL_BASE_URL } from '../compat/index.js';
import type { Edit } from '../edits/edit.js';
import { identifierOccurrences, preferredQuote, quote, skipTrivia } from '../edits/layout.js';
import { insertPropertiesEdit, removePropertyEdit } from '../edits/object-edits.js';
import { deepseekEnvFor, envRenameEdit, isDeepSeekEnv } from './env-names.js';

/** Options that mean nothing to DeepSeek. */
const DROPPED_OPTIONS = ['organization', 'project', 'endpoint', 'apiVersion', 'deployment'];

export interface ConvertResult {
  readonly edits: Edit[];
  /** Things a person must still check (an API key from a config object, Azure AD auth). */
  readonly manual: string[];
}

/** Options to write for a brand-new DeepSeek client, in the file's quote style. */
export function deepseekClientOptions(text: string): string {
  const q = preferredQuote(text);
  return `{ apiKey: process.env.${deepseekEnvFor('', 'apiKey')}, baseURL: ${quote(CANONICAL_BASE_URL, q)} }`;
}

export function convertClientEdits(
  client: ClientRecord,
  text: (file: string) => string,
  sdkImports: readonly SdkImport[],
  convertingInFile: readonly ClientRecord[],
): ConvertResult | { readonly reason: string } {
  const fileText = text(client.file);
  const edits: Edit[] = [];
  const manual: string[] = [];

  if (client.className === 'AzureOpenAI') {
    const classEdits = azureClassEdits(client, fileText, sdkImports, convertingInFile);
    if ('reason' in classEdits) return classEdits;
    edits.push(...classEdits);
  }

  const options = client.options;
  if (options === null) {
    edits.push(argumentInsertion(client, fileText, deepseekClientOptions(fileText)));
    return { edits, manual };
  }
  if (options.kind !== 'object') {
    return { reason: `its options come from \`${options.kind === 'unknown' ? options.text : options.kind}\`; set baseURL '${CANONICAL_BASE_URL}' and apiKey process.env.DEEPSEEK_API_KEY there` };
  }
  const optionsText = text(options.span.file);
  const optionQuote = preferredQuote(optionsText);
  const additions: string[] = [];

  for (const property of options.properties) {
    if (DROPPED_OPTIONS.includes(property.key)) edits.push(removePropertyEdit(optionsText, options, property));
    if (property.key === 'azureADTokenProvider') {
      edits.push(removePropertyEdit(optionsText, options, property));
      manual.push('Azure AD token auth has no DeepSeek equivalent: DeepSeek authenticates with an API key only');
    }
    if (property.key === 'workloadIdentity') {
      // The SDK throws when apiKey and workloadIdentity are both set, and DeepSeek knows only API keys.
      edits.push(removePropertyEdit(optionsText, options, property));
      manual.push('OpenAI workload identity auth has no DeepSeek equivalent: DeepSeek authenticates with an API key only (DEEPSEEK_API_KEY)');
    }
    if (property.key === 'defaultQuery' && onlyApiVersion(property.value)) edits.push(removePropertyEdit(optionsText, options, property));
  }

  const apiKey = options.properties.find((p) => p.key === 'apiKey');
  if (!apiKey) {
    if (!options.hasSpread) additions.push(`apiKey: process.env.${deepseekEnvFor('', 'apiKey')}`);
    else manual.push('its options are spread from another object: make sure apiKey is a DeepSeek key (DEEPSEEK_API_KEY)');
  } else {
    const apiKeyEdit = apiKeyEdits(apiKey, manual);
    if (apiKeyEdit) edits.push(apiKeyEdit);
  }

  const baseURL = options.properties.find((p) => p.key === 'baseURL' || p.key === 'baseUrl');
  if (!baseURL) {
    additions.push(`baseURL: ${quote(CANONICAL_BASE_URL, optionQuote)}`);
  } else {
    edits.push(...baseUrlEdits(baseURL, optionQuote, manual));
  }
  if (additions.length > 0) edits.push(insertPropertiesEdit(optionsText, options, additions));
  return { edits, manual };
}

function apiKeyEdits(apiKey: PropertyShape, manual: string[]): Edit | null {
  const value = apiKey.value;
  if (value.kind === 'env') {
    if (isDeepSeekEnv(value.name)) return null;
    return envRenameEdit(value, deepseekEnvFor(value.name, 'apiKey'));
  }
  if (value.kind === 'string') {
    // A key written in the code is an OpenAI key, useless on DeepSeek; never echo it.
    return { file: value.span.file, start: value.span.start, end: value.span.end, text: `process.env.${deepseekEnvFor('', 'apiKey')}` };
  }
  manual.push(`apiKey comes from \`${value.kind === 'unknown' ? value.text : value.kind}\`: make sure it holds a DeepSeek API key`);
  return null;
}

function baseUrlEdits(baseURL: PropertyShape, q: "'" | '"', manual: string[]): Edit[] {
  const value = baseURL.value;
  const canonical = quote(CANONICAL_BASE_URL, q);
  if (value.kind === 'string') {
    return [{ file: value.span.file, start: value.span.start, end: value.span.end, text: quote(CANONICAL_BASE_URL, value.quote === '`' ? q : value.quote) }];
  }
  if (value.kind === 'env') {
    const edits: Edit[] = [];
    if (!isDeepSeekEnv(value.name)) edits.push(envRenameEdit(value, deepseekEnvFor(value.name, 'baseURL')));
    if (value.fallback === null) {
      // The fallback goes where the option uses the value (the env read may be defined elsewhere).
      const direct = value.span.file === baseURL.span.file && value.span.start >= baseURL.span.start && value.span.end <= baseURL.span.end;
      if (direct) edits.push({ file: value.span.file, start: value.span.end, end: value.span.end, text: ` ?? ${canonical}` });
      else if (baseURL.shorthand) edits.push({ file: baseURL.span.file, start: baseURL.span.start, end: baseURL.span.end, text: `${baseURL.key}: ${baseURL.key} ?? ${canonical}` });
      else edits.push({ file: baseURL.span.file, start: baseURL.span.end, end: baseURL.span.end, text: ` ?? ${canonical}` });
    } else if (value.fallback.kind === 'string') {
      edits.push({ file: value.fallback.span.file, start: value.fallback.span.start, end: value.fallback.span.end, text: canonical });
    }
    return edits;
  }
  manual.push(`baseURL comes from \`${value.kind === 'unknown' ? value.text : value.kind}\`: point it at ${CANONICAL_BASE_URL}`);
  return [];
}

function onlyApiVersion(value: ValueShape): boolean {
  return value.kind === 'object' && !value.hasSpread && value.properties.length > 0 && value.properties.every((p) => p.key === 'api-version');
}

/** `new OpenAI()` / `new OpenAI` → `new OpenAI({ ... })`. */
function argumentInsertion(client: ClientRecord, text: string, argument: string): Edit {
  const calleeEnd = client.calleeSpan!.end;
  const open = skipTrivia(text, calleeEnd);
  if (text[open] === '(') {
    const inside = skipTrivia(text, open + 1);
    return { file: client.file, start: open + 1, end: inside, text: argument };
  }
  return { file: client.file, start: calleeEnd, end: calleeEnd, text: `(${argument})` };
}

/**
 * `new AzureOpenAI(...)` → `new OpenAI(...)`, reusing an OpenAI binding the file already has, or turning
 * the `AzureOpenAI` import into `OpenAI` (replaced when nothing else uses it, added beside it otherwise).
 */
function azureClassEdits(
  client: ClientRecord,
  text: string,
  sdkImports: readonly SdkImport[],
  convertingInFile: readonly ClientRecord[],
): Edit[] | { reason: string } {
  const callee = client.calleeSpan!;
  const calleeText = text.slice(callee.start, callee.end);
  const file = client.file;
  const member = /^([\w$]+)\s*\.\s*AzureOpenAI$/.exec(calleeText);
  if (member) return [{ file, start: callee.start, end: callee.end, text: `${member[1]}.OpenAI` }];

  const existing = sdkImports.find((i) => i.kind !== 'type-only' && i.local && (i.imported === 'OpenAI' || i.imported === 'default'));
  if (existing?.local) return [{ file, start: callee.start, end: callee.end, text: existing.local }];

  const azureImport = sdkImports.find((i) => i.kind === 'named' && i.imported === 'AzureOpenAI' && i.local === calleeText);
  if (!azureImport) return { reason: `cannot find how \`${calleeText}\` is imported: replace it with the OpenAI client class` };
  if (identifierOccurrences(text.replace(/AzureOpenAI/g, ''), 'OpenAI') > 0) {
    return { reason: 'the name `OpenAI` is already used in this file: import the OpenAI client class under another name' };
  }
  const replacedCallees = convertingInFile.filter((c) => c.className === 'AzureOpenAI' && c.calleeSpan && text.slice(c.calleeSpan.start, c.calleeSpan.end) === calleeText).length;
  const uses = identifierOccurrences(text, calleeText);
  const stillUsed = uses - 1 - replacedCallees > 0;
  const importEdit: Edit = stillUsed
    ? { file, start: azureImport.span.start, end: azureImport.span.start, text: 'OpenAI, ' }
    : { file, start: azureImport.span.start, end: azureImport.span.end, text: 'OpenAI' };
  return [importEdit, { file, start: callee.start, end: callee.end, text: 'OpenAI' }];
}

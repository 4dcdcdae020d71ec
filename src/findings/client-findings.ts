/**
 * Client-level findings: `no-openai-base-url` (with the convert or split fix), `no-openai-env` on
 * DeepSeek clients that still read OpenAI variables, `valid-base-url` for DeepSeek URLs that never
 * existed.
 */
import type { LinkedCall, ProjectUsage } from '../analysis/project/project-index.js';
import type { ClientRecord } from '../analysis/types.js';
import { propertyOf } from '../analysis/values.js';
import { BASE_URLS, CANONICAL_BASE_URL } from '../compat/index.js';
import { quote } from '../edits/layout.js';
import { insertPropertyEdit } from '../edits/object-edits.js';
import { convertClientEdits } from './client-edits.js';
import type { ClientPlan } from './client-plan.js';
import { finding, type FindingContext } from './context.js';
import { deepseekEnvFor, envRenameEdit, isDeepSeekEnv } from './env-names.js';
import { holderName, splitEdits } from './split-edits.js';
import type { Finding } from './types.js';

export interface ClientFindings {
  readonly findings: Finding[];
  /**
   * Calls a split leaves on the OpenAI client (their receiver cannot be rewritten, or the split itself
   * cannot be done): they keep working on OpenAI, with a marker, and are not judged against DeepSeek
   * until someone moves them.
   */
  readonly staying: readonly LinkedCall[];
}

export function clientFindings(plan: ClientPlan, plans: ReadonlyMap<string, ClientPlan>, project: ProjectUsage, ctx: FindingContext): ClientFindings {
  if (plan.action !== 'split') return { findings: nonSplitFindings(plan, plans, project, ctx), staying: [] };
  return splitFindings(plan, project, ctx);
}

function nonSplitFindings(plan: ClientPlan, plans: ReadonlyMap<string, ClientPlan>, project: ProjectUsage, ctx: FindingContext): Finding[] {
  const client = plan.client;
  const base = { file: client.file, span: client.span, statementSpan: client.statementSpan ?? client.span };
  const where = client.provider === 'azure' ? "Azure OpenAI's API" : "OpenAI's API";
  const what = `${clientName(client)} calls ${where} (${client.providerEvidence})`;

  if (plan.action === 'convert') {
    const inFile = [...plans.values()]
      .filter((p) => p.client.file === client.file && (p.action === 'convert' || p.action === 'split'))
      .map((p) => p.client);
    const sdkImports = project.files.get(client.file)?.imports ?? [];
    const result = convertClientEdits(client, (f) => ctx.text(f), sdkImports, inFile);
    if ('reason' in result) {
      return [finding({ ...base, rule: 'no-openai-base-url', message: `${what}; DeepSeek needs baseURL '${CANONICAL_BASE_URL}' and a DeepSeek key: ${result.reason}.` })];
    }
    const out = [
      finding({
        ...base,
        rule: 'no-openai-base-url',
        message: `${what}; DeepSeek needs baseURL '${CANONICAL_BASE_URL}' and DEEPSEEK_API_KEY.`,
        fix: { transform: 'clients', description: `${clientName(client)} → DeepSeek client`, edits: result.edits, safe: false },
      }),
    ];
    for (const note of result.manual) out.push(finding({ ...base, rule: 'no-openai-env', message: `${clientName(client)}: ${note}.` }));
    return out;
  }

  if (plan.action === 'leave' && client.provider === 'deepseek') return deepseekClientFindings(client, ctx);
  return [];
}

function splitFindings(plan: Extract<ClientPlan, { action: 'split' }>, project: ProjectUsage, ctx: FindingContext): ClientFindings {
  const client = plan.client;
  const base = { file: client.file, span: client.span, statementSpan: client.statementSpan ?? client.span };
  const where = client.provider === 'azure' ? "Azure OpenAI's API" : "OpenAI's API";
  const what = `${clientName(client)} calls ${where} (${client.providerEvidence})`;
  const served = [...new Set(plan.moved.map((c) => c.endpoint))].join(', ');
  const kept = [...new Set(plan.kept.map((c) => c.endpoint))].join(', ');
  const siblings = [...project.clients.values()].filter((c) => c.file === client.file && c.id !== client.id);
  const result = splitEdits(client, plan.moved, ctx, siblings);
  if ('reason' in result) {
    const findings = [
      finding({
        ...base,
        rule: 'no-openai-base-url',
        message: `${what} for ${served} (DeepSeek serves these) and ${kept} (DeepSeek does not): keep it for ${kept} and add a DeepSeek client for the rest; ${result.reason}.`,
      }),
    ];
    return { findings, staying: plan.moved };
  }
  const out = [
    finding({
      ...base,
      rule: 'no-openai-base-url',
      message: `${what} for ${served} and ${kept}. DeepSeek serves only ${served}: those calls move to a new \`${result.name}\` client; ${kept} stay on OpenAI.`,
      fix: { transform: 'clients', description: `add \`${result.name}\` beside ${clientName(client)} and move ${served} calls to it`, edits: result.edits, safe: false },
    }),
  ];
  for (const call of result.unmoved) {
    out.push(
      finding({
        rule: 'no-openai-base-url',
        file: call.file,
        span: call.span,
        statementSpan: call.statementSpan,
        statementFile: call.file,
        message:
          client.commonjsExport?.kind === 'module' && call.file !== client.file
            ? `This ${call.endpoint} call uses ${clientName(client)}, which is the whole \`module.exports\` of its module, so the DeepSeek client \`${result.name}\` declared beside it cannot be exported with it: export both (\`module.exports = { ${holderName(client)}, ${result.name} }\`) and call this on \`${result.name}\`; it stays on OpenAI, unchanged, until then (run ds-migrate again after moving it).`
            : `This ${call.endpoint} call reaches ${clientName(client)} through \`${call.receiverText}\`, which ds-migrate cannot rewrite: call it on \`${result.name}\` (the DeepSeek client) instead; it stays on OpenAI, unchanged, until then (run ds-migrate again after moving it).`,
      }),
    );
  }
  return { findings: out, staying: result.unmoved };
}

/** A DeepSeek client that reads OpenAI's variables sends an OpenAI key to DeepSeek (HTTP 401). */
function deepseekClientFindings(client: ClientRecord, ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  const options = client.options;
  const base = { file: client.file, statementSpan: client.statementSpan ?? client.span };
  if (options?.kind !== 'object') return out;
  const apiKey = propertyOf(options, 'apiKey');
  if (!apiKey && !options.hasSpread) {
    const text = ctx.text(options.span.file);
    out.push(
      finding({
        ...base,
        rule: 'no-openai-env',
        span: client.span,
        message: `${clientName(client)} points at DeepSeek but sets no apiKey, so the SDK sends OPENAI_API_KEY. Read DEEPSEEK_API_KEY.`,
        fix: {
          transform: 'clients',
          description: 'add apiKey: process.env.DEEPSEEK_API_KEY',
          edits: [insertPropertyEdit(text, options, `apiKey: process.env.${deepseekEnvFor('', 'apiKey')}`)],
          safe: false,
        },
      }),
    );
  } else if (apiKey?.value.kind === 'env' && /OPENAI/i.test(apiKey.value.name) && !isDeepSeekEnv(apiKey.value.name)) {
    const value = apiKey.value;
    const to = deepseekEnvFor(value.name, 'apiKey');
    out.push(
      finding({
        ...base,
        rule: 'no-openai-env',
        span: value.span,
        message: `${clientName(client)} points at DeepSeek but reads ${value.name}: DeepSeek answers 401 to an OpenAI key. Read ${to}.`,
        fix: { transform: 'clients', description: `${value.name} → ${to}`, edits: [envRenameEdit(value, to)], safe: false },
      }),
    );
  }
  const baseURL = propertyOf(options, 'baseURL') ?? propertyOf(options, 'baseUrl');
  const url = baseURL?.value.kind === 'string' ? baseURL.value : baseURL?.value.kind === 'env' && baseURL.value.fallback?.kind === 'string' ? baseURL.value.fallback : null;
  if (url && !isValidOpenAiSdkBase(url.value)) {
    const known = BASE_URLS.find((b) => sameUrl(b.url, url.value));
    out.push(
      finding({
        ...base,
        rule: 'valid-base-url',
        span: url.span,
        message: known
          ? `'${url.value}' is not a base URL for the OpenAI SDK: ${known.note}`
          : `'${url.value}' is not a DeepSeek API base URL: the OpenAI SDK appends paths such as /chat/completions to '${CANONICAL_BASE_URL}'.`,
        fix: {
          transform: 'clients',
          description: `base URL → '${CANONICAL_BASE_URL}'`,
          edits: [{ file: url.span.file, start: url.span.start, end: url.span.end, text: quote(CANONICAL_BASE_URL, url.quote === '`' ? "'" : url.quote) }],
          safe: false,
        },
      }),
    );
  }
  return out;
}

/** The base URLs the OpenAI SDK can use with DeepSeek: canonical, the `/v1` alias, and `/beta`. */
function isValidOpenAiSdkBase(url: string): boolean {
  return BASE_URLS.some((b) => (b.role === 'canonical' || b.role === 'alias' || b.role === 'beta') && sameUrl(b.url, url));
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

export function clientName(client: ClientRecord): string {
  const holder = client.holder;
  switch (holder.kind) {
    case 'variable':
      return `\`${holder.name}\``;
    case 'class-field':
      return `\`this.${holder.field}\``;
    case 'factory':
      return `the client returned by \`${holder.functionName}()\``;
    case 'injected':
      return `\`${holder.name}\``;
    default:
      return `this ${client.className} client`;
  }
}

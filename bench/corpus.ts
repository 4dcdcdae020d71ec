/**
 * The benchmark corpora, generated from a seed (same seed, same files, byte for byte) or copied from
 * the project's own node_modules:
 *
 *  - sparse: an app of TS/TSX components, hooks, utils, API routes, types and tests; about 1% of the
 *    files use the OpenAI SDK (a shared client behind a `@/` alias, model constants, a few features);
 *  - dense: every file uses the SDK, in varied ways (clients, streaming, tools, legacy functions, JSON
 *    modes, embeddings, Responses, unsupported endpoints, constants in other modules, shared clients
 *    imported by relative paths and through the tsconfig `paths` alias, CommonJS);
 *  - real: the .js/.ts files of a few large installed packages.
 *
 * Generation is pure (`sparseCorpus`, `denseCorpus` return path → text); `writeCorpus` puts the files
 * in a git-less folder. Generated code never uses `<T>x` casts or generic arrows in .ts files, so
 * jscodeshift's `--parser=tsx` baseline parses every file.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

export interface CorpusFile {
  /** Relative, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

/** The code extensions every tool in the bench is pointed at (jscodeshift's `--extensions`). */
export const CORPUS_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs'] as const;

export const isCodePath = (path: string): boolean =>
  !/\.d\.[mc]?ts$/.test(path) && (CORPUS_EXTENSIONS as readonly string[]).includes(extname(path).slice(1));

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary (nothing here mentions the SDK, an OpenAI/DeepSeek variable or a model name)

const NOUNS = [
  'account', 'invoice', 'order', 'product', 'customer', 'team', 'project', 'comment', 'session', 'payment',
  'shipment', 'ticket', 'report', 'widget', 'profile', 'message', 'channel', 'booking', 'review', 'coupon',
  'address', 'category', 'document', 'folder', 'task', 'milestone', 'release', 'vendor', 'contract', 'lead',
  'campaign', 'subscription', 'plan', 'notification', 'device', 'region', 'warehouse', 'schedule', 'survey', 'badge',
];
const VERBS = ['load', 'save', 'sync', 'format', 'validate', 'merge', 'filter', 'sort', 'build', 'parse', 'resolve', 'export', 'import', 'archive', 'restore', 'compute'];
const ADJECTIVES = ['active', 'pending', 'recent', 'shared', 'primary', 'archived', 'draft', 'public', 'internal', 'featured'];
const FIELDS: readonly (readonly [string, string, string])[] = [
  ['id', 'string', "'id-1'"], ['name', 'string', "'Alpha'"], ['title', 'string', "'Quarterly review'"],
  ['createdAt', 'string', "'2024-03-01T10:00:00Z'"], ['updatedAt', 'string', "'2024-03-02T12:30:00Z'"],
  ['total', 'number', '120'], ['count', 'number', '3'], ['priority', 'number', '2'], ['score', 'number', '0.75'],
  ['enabled', 'boolean', 'true'], ['archived', 'boolean', 'false'], ['tags', 'string[]', "['a', 'b']"],
  ['ownerId', 'string', "'user-7'"], ['status', "'open' | 'closed' | 'pending'", "'open'"], ['notes', 'string | null', 'null'],
  ['email', 'string', "'ada@example.com'"], ['currency', 'string', "'EUR'"], ['position', 'number', '4'],
];

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A name that is unique within one corpus (`orderList`, `orderList2`, ...). */
class Names {
  private readonly seen = new Map<string, number>();
  unique(base: string): string {
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Plain (non-SDK) application files

interface PlainContext {
  readonly rng: Rng;
  readonly feature: string;
  readonly name: string;
}

function fieldsFor(rng: Rng): (readonly [string, string, string])[] {
  const chosen = rng.sample(FIELDS.slice(1), rng.int(3, 9));
  return [FIELDS[0], ...chosen];
}

function typesFile({ rng, feature }: PlainContext): string {
  const parts: string[] = [`/** Types for the ${feature} feature. */`, ''];
  const count = rng.int(3, 12);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = pascal(i === 0 ? feature : `${rng.pick(ADJECTIVES)}${pascal(rng.pick(NOUNS))}`) + (i === 0 ? '' : i);
    names.push(name);
    const kind = i === 0 ? 0 : rng.int(0, 3);
    if (kind <= 1) {
      const fields = fieldsFor(rng).map(([f, t]) => `  ${f}${rng.chance(0.2) ? '?' : ''}: ${t};`);
      parts.push(`export interface ${name} {`, ...fields, '}', '');
    } else if (kind === 2) {
      parts.push(`export type ${name}Status = ${rng.sample(['idle', 'loading', 'ready', 'failed', 'stale', 'syncing'], 3).map((s) => `'${s}'`).join(' | ')};`, '');
    } else {
      parts.push(`export enum ${name}Kind {`, ...rng.sample(['Standard', 'Premium', 'Legacy', 'Trial', 'Internal'], 3).map((s, j) => `  ${s} = ${j},`), '}', '');
    }
  }
  parts.push(`export type ${pascal(feature)}Map = Record<string, ${names[0]}>;`);
  parts.push(`export type Partial${pascal(feature)} = Partial<${names[0]}> & Pick<${names[0]}, 'id'>;`, '');
  return parts.join('\n');
}

function utilsFile({ rng, feature, name }: PlainContext): string {
  const T = pascal(feature);
  const out: string[] = [`import type { ${T} } from '@/features/${feature}/types';`, ''];
  const bodies = [
    (fn: string) => `export function ${fn}(items: readonly ${T}[], key: keyof ${T}): Map<unknown, ${T}[]> {\n  const groups = new Map<unknown, ${T}[]>();\n  for (const item of items) {\n    const value = item[key];\n    const list = groups.get(value) ?? [];\n    list.push(item);\n    groups.set(value, list);\n  }\n  return groups;\n}`,
    (fn: string) => `export function ${fn}(value: number, min = 0, max = 100): number {\n  if (Number.isNaN(value)) return min;\n  return Math.min(max, Math.max(min, value));\n}`,
    (fn: string) => `export function ${fn}(date: string | Date, locale = 'en-GB'): string {\n  const d = typeof date === 'string' ? new Date(date) : date;\n  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);\n}`,
    (fn: string) => `export function ${fn}<A extends unknown[]>(callback: (...args: A) => void, wait = 200): (...args: A) => void {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args: A) => {\n    if (timer) clearTimeout(timer);\n    timer = setTimeout(() => callback(...args), wait);\n  };\n}`,
    (fn: string) => `export const ${fn} = (items: readonly ${T}[], query: string): ${T}[] =>\n  items.filter((item) => JSON.stringify(item).toLowerCase().includes(query.trim().toLowerCase()));`,
    (fn: string) => `export function ${fn}(amount: number, currency = 'EUR'): string {\n  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount / 100);\n}`,
    (fn: string) => `export async function ${fn}(attempts: number, task: () => Promise<${T}>): Promise<${T}> {\n  let lastError: unknown;\n  for (let attempt = 0; attempt < attempts; attempt++) {\n    try {\n      return await task();\n    } catch (error) {\n      lastError = error;\n      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));\n    }\n  }\n  throw lastError;\n}`,
    (fn: string) => `export function ${fn}(a: Partial<${T}>, b: Partial<${T}>): Partial<${T}> {\n  const result: Partial<${T}> = { ...a };\n  for (const [key, value] of Object.entries(b)) {\n    if (value !== undefined && value !== null) (result as Record<string, unknown>)[key] = value;\n  }\n  return result;\n}`,
    (fn: string) => `export function ${fn}(text: string): string {\n  return text\n    .normalize('NFKD')\n    .replace(/[\\u0300-\\u036f]/g, '')\n    .toLowerCase()\n    .replace(/[^a-z0-9]+/g, '-')\n    .replace(/^-+|-+$/g, '');\n}`,
    (fn: string) => `export function ${fn}(items: readonly ${T}[], page: number, size = 20): { items: ${T}[]; pages: number } {\n  const pages = Math.max(1, Math.ceil(items.length / size));\n  const start = (Math.min(page, pages) - 1) * size;\n  return { items: items.slice(start, start + size), pages };\n}`,
  ];
  const count = rng.int(3, 10);
  for (let i = 0; i < count; i++) {
    out.push(rng.pick(bodies)(`${rng.pick(VERBS)}${pascal(feature)}${pascal(name)}${i}`), '');
  }
  return out.join('\n');
}

function hookFile({ rng, feature, name }: PlainContext): string {
  const T = pascal(feature);
  const hook = `use${pascal(name)}`;
  const extra = rng.int(0, 3);
  const effects: string[] = [];
  for (let i = 0; i < extra; i++) {
    effects.push(`  useEffect(() => {\n    if (!state.data) return;\n    const handle = window.setInterval(() => setTick((t) => t + ${i + 1}), ${rng.int(1, 9) * 1000});\n    return () => window.clearInterval(handle);\n  }, [state.data]);`);
  }
  return `import { useCallback, useEffect, useRef, useState } from 'react';
import type { ${T} } from '@/features/${feature}/types';

interface State {
  data: ${T}[] | null;
  error: Error | null;
  loading: boolean;
}

export function ${hook}(endpoint = '/api/${feature}s', options: { pollMs?: number } = {}) {
  const [state, setState] = useState<State>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    controller.current?.abort();
    controller.current = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    try {
      const response = await fetch(endpoint, { signal: controller.current.signal });
      if (!response.ok) throw new Error(\`\${response.status} \${response.statusText}\`);
      const data = (await response.json()) as ${T}[];
      setState({ data, error: null, loading: false });
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      setState({ data: null, error: error as Error, loading: false });
    }
  }, [endpoint]);

  useEffect(() => {
    void reload();
    return () => controller.current?.abort();
  }, [reload, tick]);
${effects.join('\n')}
  useEffect(() => {
    if (!options.pollMs) return;
    const id = setInterval(() => void reload(), options.pollMs);
    return () => clearInterval(id);
  }, [options.pollMs, reload]);

  return { ...state, reload, tick };
}
`;
}

function componentFile({ rng, feature, name }: PlainContext): string {
  const T = pascal(feature);
  const C = pascal(name);
  const fields = fieldsFor(rng);
  const sections = rng.int(1, 5);
  const subs: string[] = [];
  for (let i = 0; i < sections; i++) {
    const [field] = rng.pick(fields);
    subs.push(`function ${C}Section${i}({ item }: { item: ${T} }) {
  const [open, setOpen] = useState(${rng.chance(0.5)});
  return (
    <div className="${feature}-section-${i}" data-open={open}>
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Hide' : 'Show'} ${field}
      </button>
      {open && <p className="detail">{String(item.${field} ?? '')}</p>}
    </div>
  );
}
`);
  }
  const cells = fields.map(([f]) => `            <td>{String(item.${f} ?? '—')}</td>`).join('\n');
  const heads = fields.map(([f]) => `            <th scope="col">${f}</th>`).join('\n');
  return `import { useMemo, useState } from 'react';
import type { ${T} } from '@/features/${feature}/types';
import { Button } from '@/components/ui/Button';

export interface ${C}Props {
  items: ${T}[];
  title?: string;
  onSelect?: (id: string) => void;
  compact?: boolean;
}

${subs.join('\n')}
export function ${C}({ items, title = '${pascal(rng.pick(ADJECTIVES))} ${feature}s', onSelect, compact = false }: ${C}Props) {
  const [query, setQuery] = useState('');
  const [sortDesc, setSortDesc] = useState(false);
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = items.filter((item) => !q || JSON.stringify(item).toLowerCase().includes(q));
    return [...filtered].sort((a, b) => (sortDesc ? -1 : 1) * String(a.id).localeCompare(String(b.id)));
  }, [items, query, sortDesc]);

  if (items.length === 0) {
    return <p className="empty">No ${feature}s yet.</p>;
  }

  return (
    <section className={compact ? '${feature}-list compact' : '${feature}-list'}>
      <header>
        <h2>{title}</h2>
        <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search" />
        <Button variant="ghost" onClick={() => setSortDesc((d) => !d)}>
          Sort {sortDesc ? '↑' : '↓'}
        </Button>
      </header>
      <table>
        <thead>
          <tr>
${heads}
          </tr>
        </thead>
        <tbody>
          {visible.map((item) => (
          <tr key={item.id} onClick={() => onSelect?.(item.id)}>
${cells}
          </tr>
          ))}
        </tbody>
      </table>
${Array.from({ length: sections }, (_, i) => `      {visible[0] && <${C}Section${i} item={visible[0]} />}`).join('\n')}
    </section>
  );
}
`;
}

function routeFile({ rng, feature }: PlainContext): string {
  const T = pascal(feature);
  const methods = rng.sample(['GET', 'POST', 'PATCH', 'DELETE'], rng.int(1, 4));
  const handlers = methods.map((m) => {
    if (m === 'GET') {
      return `export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const page = Number(url.searchParams.get('page') ?? '1');
  const rows = await db.${feature}.findMany({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, orderBy: { createdAt: 'desc' } });
  return Response.json({ page, rows });
}`;
    }
    if (m === 'DELETE') {
      return `export async function DELETE(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id');
  if (!id) return Response.json({ error: 'missing id' }, { status: 400 });
  await db.${feature}.delete({ where: { id } });
  return new Response(null, { status: 204 });
}`;
    }
    return `export async function ${m}(request: Request): Promise<Response> {
  const session = await getSession(request);
  if (!session) return Response.json({ error: 'unauthorised' }, { status: 401 });
  const body = (await request.json()) as Partial<${T}>;
  const problems = validate(body);
  if (problems.length > 0) return Response.json({ problems }, { status: 422 });
  const row = await db.${feature}.${m === 'POST' ? 'create' : 'update'}({ ${m === 'POST' ? '' : 'where: { id: body.id }, '}data: { ...body, ownerId: session.userId } });
  return Response.json(row, { status: ${m === 'POST' ? 201 : 200} });
}`;
  });
  return `import { db } from '@/lib/db';
import { getSession } from '@/lib/auth';
import type { ${T} } from '@/features/${feature}/types';

const PAGE_SIZE = ${rng.pick([10, 20, 25, 50])};

function validate(body: Partial<${T}>): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null) problems.push('body must be an object');
${fieldsFor(rng).slice(1, 4).map(([f, t]) => `  if (body.${f} !== undefined && typeof body.${f} !== '${t.startsWith('string') ? 'string' : t === 'number' ? 'number' : 'boolean'}') problems.push('${f} has the wrong type');`).join('\n')}
  return problems;
}

${handlers.join('\n\n')}
`;
}

function testFile({ rng, feature, name }: PlainContext): string {
  const cases: string[] = [];
  const count = rng.int(2, 9);
  for (let i = 0; i < count; i++) {
    const a = rng.int(1, 500);
    cases.push(`  it('${rng.pick(VERBS)}s ${rng.pick(ADJECTIVES)} ${feature}s (${i})', () => {
    const items = [make({ total: ${a} }), make({ total: ${a + rng.int(1, 50)} })];
    const result = items.filter((item) => item.total >= ${a});
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ id: expect.any(String) });
  });`);
  }
  return `import { describe, expect, it } from 'vitest';

interface Row {
  id: string;
  total: number;
}

let counter = 0;
const make = (overrides: Partial<Row> = {}): Row => ({ id: \`${feature}-\${++counter}\`, total: 0, ...overrides });

describe('${name}', () => {
${cases.join('\n\n')}
});
`;
}

function serviceFile({ rng, feature }: PlainContext): string {
  const T = pascal(feature);
  const methods = rng.sample(VERBS, rng.int(3, 8)).map((v) => `  async ${v}${T}(id: string): Promise<${T} | undefined> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.value;
    const value = await this.http.get<${T}>(\`/${feature}s/\${encodeURIComponent(id)}\`);
    if (value) this.cache.set(id, { value, at: Date.now() });
    return value;
  }`);
  return `import type { ${T} } from '@/features/${feature}/types';
import { HttpClient } from '@/lib/http';

export class ${T}Service {
  private readonly cache = new Map<string, { value: ${T}; at: number }>();

  constructor(
    private readonly http: HttpClient,
    private readonly ttlMs = ${rng.int(1, 30) * 1000},
  ) {}

${methods.join('\n\n')}

  clear(): void {
    this.cache.clear();
  }
}
`;
}

function scriptFile({ rng, feature }: PlainContext): string {
  return `// Maintenance script for ${feature}s: node scripts/${feature}.mjs [--dry]
import { readFile, writeFile } from 'node:fs/promises';

const dry = process.argv.includes('--dry');
const input = JSON.parse(await readFile(new URL('./${feature}s.json', import.meta.url), 'utf8'));
const output = input
  .filter((row) => row.${rng.pick(['enabled', 'archived'])} !== undefined)
  .map((row) => ({ ...row, checkedAt: new Date().toISOString() }));
console.log(\`\${output.length} of \${input.length} ${feature}s kept\`);
if (!dry) await writeFile(new URL('./${feature}s.out.json', import.meta.url), JSON.stringify(output, null, ${rng.int(1, 4)}));
`;
}

type PlainKind = 'component' | 'hook' | 'util' | 'route' | 'types' | 'test' | 'service' | 'script';
const PLAIN_KINDS: readonly (readonly [PlainKind, number])[] = [
  ['component', 30], ['hook', 10], ['util', 15], ['route', 8], ['types', 10], ['test', 17], ['service', 7], ['script', 3],
];

function plainFile(rng: Rng, names: Names, feature: string): CorpusFile {
  const total = PLAIN_KINDS.reduce((s, [, w]) => s + w, 0);
  let roll = rng.next() * total;
  let kind: PlainKind = 'component';
  for (const [k, w] of PLAIN_KINDS) {
    if ((roll -= w) < 0) {
      kind = k;
      break;
    }
  }
  const base = `${rng.pick(ADJECTIVES)}${pascal(feature)}${pascal(rng.pick(['list', 'panel', 'card', 'view', 'form', 'table', 'summary', 'editor']))}`;
  const name = names.unique(base);
  const ctx = { rng, feature, name };
  const dir = `src/features/${feature}`;
  switch (kind) {
    case 'component': return { path: `${dir}/components/${pascal(name)}.tsx`, text: componentFile(ctx) };
    case 'hook': return { path: `${dir}/hooks/use${pascal(name)}.ts`, text: hookFile(ctx) };
    case 'util': return { path: `${dir}/utils/${name}.ts`, text: utilsFile(ctx) };
    case 'route': return { path: `src/app/api/${feature}/${name}/route.ts`, text: routeFile(ctx) };
    case 'types': return { path: `${dir}/types/${name}.ts`, text: typesFile(ctx) };
    case 'test': return { path: `${dir}/__tests__/${name}.test.${rng.chance(0.4) ? 'tsx' : 'ts'}`, text: testFile(ctx) };
    case 'service': return { path: `${dir}/services/${name}.service.ts`, text: serviceFile(ctx) };
    case 'script': return { path: `scripts/${feature}/${name}.mjs`, text: scriptFile(ctx) };
  }
}

// ---------------------------------------------------------------------------------------------------
// SDK usage

const MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3', 'o3-mini', 'o4-mini', 'gpt-3.5-turbo', 'deepseek-chat', 'deepseek-reasoner'];

/** How an SDK file gets its client. */
interface ClientRef {
  /** Import lines (or a local declaration) that make `name` a client. */
  readonly header: string;
  readonly name: string;
}

/** The shared modules of an SDK-using app. */
function sharedSdkFiles(): CorpusFile[] {
  return [
    {
      path: 'src/lib/ai/client.ts',
      text: `import OpenAI from 'openai';

/** The one client the app uses; retries and timeouts tuned for long completions. */
export const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  maxRetries: 3,
  timeout: 60_000,
});

export default openai;
`,
    },
    {
      path: 'src/lib/ai/models.ts',
      text: `/** Model choices, overridable per environment. */
export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'gpt-4o-mini';
export const SMART_MODEL = 'gpt-4.1';
export const REASONING_MODEL = process.env.REASONING_MODEL ?? 'o3-mini';
export const EMBEDDING_MODEL = 'text-embedding-3-small';

export const MODELS = {
  chat: CHAT_MODEL,
  smart: SMART_MODEL,
  reasoning: REASONING_MODEL,
} as const;
`,
    },
    {
      path: 'src/lib/ai/azure.ts',
      text: `import { AzureOpenAI } from 'openai';

export const azure = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o',
});
`,
    },
    {
      path: 'src/lib/ai/index.ts',
      text: `export { openai, openai as ai } from './client';
export { azure } from './azure';
export * from './models';
`,
    },
  ];
}

function clientRef(rng: Rng, path: string): ClientRef {
  // From the file's folder up to `src/`: `src/features/x/ai/f.ts` → `../../../`.
  const up = '../'.repeat(path.split('/').length - 2) || './';
  const js = /\.[cm]?js$/.test(path);
  switch (rng.int(0, js ? 1 : 5)) {
    case 0:
      return { header: `import OpenAI from 'openai';\n\nconst client = new OpenAI(${rng.chance(0.5) ? '' : `{ apiKey: process.env.OPENAI_API_KEY${rng.chance(0.4) ? ", baseURL: process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'" : ''} }`});`, name: 'client' };
    case 1:
      return { header: `import { OpenAI } from 'openai';\n\nconst llm = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, organization: process.env.OPENAI_ORG_ID });`, name: 'llm' };
    case 2:
      return { header: `import { openai } from '@/lib/ai/client';`, name: 'openai' };
    case 3:
      return { header: `import { openai } from '${up}lib/ai/client';`, name: 'openai' };
    case 4:
      return { header: `import { ai } from '@/lib/ai';`, name: 'ai' };
    default:
      return { header: `import { azure } from '@/lib/ai/azure';`, name: 'azure' };
  }
}

function modelExpr(rng: Rng, path: string, imports: Set<string>): string {
  if (/\.[cm]?js$/.test(path) || rng.chance(0.55)) return `'${rng.pick(MODELS)}'`;
  const constant = rng.pick(['CHAT_MODEL', 'SMART_MODEL', 'REASONING_MODEL', 'MODELS.chat', 'MODELS.smart']);
  imports.add(constant.split('.')[0]);
  return constant;
}

type SdkPattern = (c: string, model: string, fn: string, noun: string, rng: Rng) => string;

const SDK_PATTERNS: readonly SdkPattern[] = [
  // plain chat
  (c, model, fn, noun, rng) => `export async function ${fn}(text: string): Promise<string> {
  const completion = await ${c}.chat.completions.create({
    model: ${model},
    temperature: 0.${rng.int(0, 9)},
    max_tokens: ${rng.pick([256, 512, 1024])},
    messages: [
      { role: 'system', content: 'You summarise ${noun} records for the dashboard in two sentences.' },
      { role: 'user', content: text },
    ],
  });
  return completion.choices[0]?.message?.content ?? '';
}`,
  // streaming
  (c, model, fn, noun) => `export async function* ${fn}(question: string): AsyncGenerator<string> {
  const stream = await ${c}.chat.completions.create({
    model: ${model},
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: \`Answer about this ${noun}: \${question}\` }],
  });
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) yield delta;
    if (chunk.usage) console.debug('tokens', chunk.usage.total_tokens);
  }
}`,
  // tools
  (c, model, fn, noun) => `export async function ${fn}(question: string) {
  const tools = [
    {
      type: 'function' as const,
      function: {
        name: 'lookup_${noun}',
        description: 'Find a ${noun} by id',
        parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    },
  ];
  const response = await ${c}.chat.completions.create({
    model: ${model},
    messages: [{ role: 'user', content: question }],
    tools,
    tool_choice: 'required',
    parallel_tool_calls: false,
  });
  const call = response.choices[0].message.tool_calls?.[0];
  if (call?.type === 'function') return JSON.parse(call.function.arguments) as { id: string };
  return null;
}`,
  // legacy function calling
  (c, model, fn, noun) => `export async function ${fn}(question: string) {
  const response = await ${c}.chat.completions.create({
    model: ${model},
    messages: [{ role: 'user', content: question }],
    functions: [
      {
        name: 'get_${noun}_status',
        description: 'Current status of a ${noun}',
        parameters: { type: 'object', properties: { id: { type: 'string' } } },
      },
    ],
    function_call: 'auto',
  });
  const message = response.choices[0].message;
  if (message.function_call) {
    return { name: message.function_call.name, args: JSON.parse(message.function_call.arguments) };
  }
  return { text: message.content };
}`,
  // JSON mode
  (c, model, fn, noun) => `export async function ${fn}(text: string): Promise<Record<string, unknown>> {
  const response = await ${c}.chat.completions.create({
    model: ${model},
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: 'Extract the ${noun} fields from the text and answer with a JSON object.' },
      { role: 'user', content: text },
    ],
  });
  return JSON.parse(response.choices[0].message.content ?? '{}');
}`,
  // json_schema + developer role + max_completion_tokens
  (c, model, fn, noun) => `export async function ${fn}(text: string) {
  const response = await ${c}.chat.completions.create({
    model: ${model},
    max_completion_tokens: 800,
    messages: [
      { role: 'developer', content: 'Classify the ${noun}.' },
      { role: 'user', content: text },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: '${noun}_label',
        strict: true,
        schema: { type: 'object', properties: { label: { type: 'string' } }, required: ['label'], additionalProperties: false },
      },
    },
  });
  return response.choices[0].message.content;
}`,
  // reasoning
  (c, _model, fn, noun) => `export async function ${fn}(problem: string): Promise<string> {
  const response = await ${c}.chat.completions.create({
    model: 'o3',
    reasoning_effort: 'medium',
    messages: [{ role: 'user', content: \`Plan the ${noun} migration step by step: \${problem}\` }],
    store: true,
    metadata: { feature: '${noun}' },
  });
  return response.choices[0].message.content ?? '';
}`,
  // embeddings
  (c, _model, fn) => `export async function ${fn}(inputs: string[]): Promise<number[][]> {
  const { data } = await ${c}.embeddings.create({ model: 'text-embedding-3-small', input: inputs });
  return data.map((row) => row.embedding);
}`,
  // Responses API
  (c, model, fn, noun) => `export async function ${fn}(input: string): Promise<string> {
  const response = await ${c}.responses.create({
    model: ${model},
    instructions: 'Reply as the ${noun} assistant.',
    input,
  });
  return response.output_text;
}`,
  // unsupported endpoints
  (c, _model, fn, noun) => `export async function ${fn}(prompt: string) {
  const moderation = await ${c}.moderations.create({ model: 'omni-moderation-latest', input: prompt });
  if (moderation.results[0]?.flagged) throw new Error('flagged');
  const image = await ${c}.images.generate({ model: 'gpt-image-1', prompt: \`An icon for a ${noun}: \${prompt}\`, size: '1024x1024' });
  return image.data?.[0]?.url;
}`,
  // stream helper + tool loop with assistant turns
  (c, model, fn, noun) => `export async function ${fn}(history: { role: 'user' | 'assistant'; content: string }[]): Promise<string> {
  const stream = ${c}.chat.completions.stream({
    model: ${model},
    top_p: 0.9,
    presence_penalty: 0.2,
    messages: [{ role: 'system', content: 'You help with ${noun}s.' }, ...history],
  });
  const final = await stream.finalChatCompletion();
  return final.choices[0].message.content ?? '';
}`,
];

/** A file that uses the SDK: a client, 1-3 call patterns, and some ordinary code around them. */
function sdkFile(rng: Rng, names: Names, feature: string, pathHint: string): CorpusFile {
  const kinds = [
    { path: `src/features/${feature}/ai/${pathHint}.ts` },
    { path: `src/app/api/${feature}/${pathHint}/route.ts` },
    { path: `src/server/${feature}/${pathHint}.ts` },
    { path: `src/workers/${pathHint}.${rng.chance(0.5) ? 'js' : 'cjs'}` },
  ];
  const path = rng.pick(kinds.slice(0, rng.chance(0.1) ? 4 : 3)).path;
  const ref = clientRef(rng, path);
  const imports = new Set<string>();
  const calls = rng.sample(SDK_PATTERNS, rng.int(1, 3)).map((pattern) =>
    pattern(ref.name, modelExpr(rng, path, imports), names.unique(`${rng.pick(VERBS)}${pascal(feature)}${pascal(rng.pick(NOUNS))}`), rng.pick(NOUNS), rng),
  );
  const modelImport = imports.size > 0 ? `import { ${[...imports].sort().join(', ')} } from '@/lib/ai/models';\n` : '';
  // Ordinary helpers around the calls (TypeScript files only): `import type ...` first, then the code.
  const [fillerImport, ...filler] = !/\.[cm]?js$/.test(path) && rng.chance(0.6) ? utilsFile({ rng, feature, name: pathHint.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) }).split('\n') : [''];
  let text = `${fillerImport ? `${fillerImport}\n` : ''}${ref.header}\n${modelImport}\n${calls.join('\n\n')}\n${filler.join('\n')}`;
  if (/\.cjs$/.test(path)) {
    // CommonJS: require the SDK and export with module.exports.
    text = text
      .replace(/^import OpenAI from 'openai';|^import \{ OpenAI \} from 'openai';/m, "const OpenAI = require('openai');")
      .replace(/^export (async function\*?|function|const) (\w+)/gm, (_m, kw: string, name: string) => `exports.${name} = ${name};\n${kw} ${name}`);
  }
  if (/\.[cm]?js$/.test(path)) text = stripTypes(text);
  if (path.endsWith('route.ts')) {
    text += `\nexport async function POST(request: Request): Promise<Response> {\n  const { text } = (await request.json()) as { text: string };\n  return Response.json({ ok: true, length: text.length });\n}\n`;
  }
  return { path, text };
}

/** Good enough for the generated snippets: drops the type annotations they use. */
function stripTypes(text: string): string {
  return text
    .replace(/^import type .*\n/gm, '')
    .replace(/\): Promise<[^{]*?> \{/g, ') {')
    .replace(/\): AsyncGenerator<string> \{/g, ') {')
    .replace(/\(([a-z]+): [^)]*?\)/g, '($1)')
    .replace(/ as const/g, '')
    .replace(/ as \{ id: string \}/g, '')
    .replace(/^export (async )?function (\w+)<[^>]+>/gm, 'export $1function $2');
}

// ---------------------------------------------------------------------------------------------------
// Corpora

const FEATURES = NOUNS;

function projectFiles(name: string): CorpusFile[] {
  return [
    {
      path: 'package.json',
      text: `${JSON.stringify({ name, private: true, type: 'module', dependencies: { openai: '^6.0.0', react: '^19.0.0', next: '^15.0.0' } }, null, 2)}\n`,
    },
    {
      path: 'tsconfig.json',
      text: `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'preserve', strict: true, baseUrl: '.', paths: { '@/*': ['./src/*'] } }, include: ['src'] }, null, 2)}\n`,
    },
  ];
}

export interface CorpusOptions {
  readonly seed?: number;
  /** Code files to generate (tsconfig.json and package.json come on top). */
  readonly files?: number;
}

/** ~1% of files use the SDK: the shared client modules, plus features spread across the app. */
export function sparseCorpus({ seed = 20240501, files = 5000 }: CorpusOptions = {}): CorpusFile[] {
  const rng = new Rng(seed);
  const names = new Names();
  const shared = sharedSdkFiles();
  const sdkCount = Math.max(shared.length + 1, Math.round(files * 0.01));
  const out: CorpusFile[] = [...projectFiles('sparse-app'), ...shared];
  const sdkSlots = new Set(rng.sample(Array.from({ length: files - shared.length }, (_, i) => i), sdkCount - shared.length));
  for (let i = 0; i < files - shared.length; i++) {
    const feature = rng.pick(FEATURES);
    out.push(sdkSlots.has(i) ? sdkFile(rng, names, feature, names.unique(`${feature}-assistant`)) : plainFile(rng, names, feature));
  }
  return dedupe(out);
}

/** Every file uses the SDK. */
export function denseCorpus({ seed = 20240502, files = 1000 }: CorpusOptions = {}): CorpusFile[] {
  const rng = new Rng(seed);
  const names = new Names();
  const shared = sharedSdkFiles();
  const out: CorpusFile[] = [...projectFiles('dense-app'), ...shared];
  for (let i = 0; i < files - shared.length; i++) {
    const feature = rng.pick(FEATURES);
    out.push(sdkFile(rng, names, feature, names.unique(`${feature}-${rng.pick(['assistant', 'agent', 'summary', 'search', 'chat', 'triage'])}`)));
  }
  return dedupe(out);
}

/** Paths are unique by construction of the names; this makes it a guarantee. */
function dedupe(files: CorpusFile[]): CorpusFile[] {
  const seen = new Set<string>();
  return files.map((f) => {
    let path = f.path;
    for (let n = 2; seen.has(path); n++) path = f.path.replace(/(\.[a-z]+)$/, `-${n}$1`);
    seen.add(path);
    return { path, text: f.text };
  });
}

/** Replaces `dir` with exactly these files. */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

// ---------------------------------------------------------------------------------------------------
// Real code

/** Installed packages whose sources make the real corpus (a few seconds for jscodeshift each). */
export const REAL_PACKAGES: readonly string[] = [
  'eslint/lib',
  'openai/src',
  'commander/lib',
  '@babel/core/lib',
  '@babel/traverse/lib',
  '@babel/generator/lib',
  '@babel/types/lib',
  'recast/lib',
  'ast-types/lib',
];

/**
 * Folder names ds-migrate never reads (dependency and build output). Files under them are not copied,
 * so every tool sees the same files.
 */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

/** Copies the .js/.ts files (not .d.ts) of `packages` (paths under `nodeModules`) into `dir`. */
export function copyRealCorpus(dir: string, nodeModules: string, packages: readonly string[] = REAL_PACKAGES): string[] {
  rmSync(dir, { recursive: true, force: true });
  const copied: string[] = [];
  for (const pkg of packages) {
    const root = join(nodeModules, ...pkg.split('/'));
    for (const file of listFiles(root)) {
      const rel = relative(root, file).split(sep);
      if (rel.some((part) => SKIPPED_DIRS.has(part) || part.startsWith('.')) || !isCodePath(file)) continue;
      const dest = join(dir, pkg.replace(/^@/, '').replace(/\//g, '__'), ...rel);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(file, dest);
      copied.push(relative(dir, dest).split(sep).join('/'));
    }
  }
  return copied;
}

/** Every code file under `dir` (absolute paths, sorted): what each tool in the bench is given. */
export function codeFilesIn(dir: string): string[] {
  return listFiles(dir).filter(isCodePath);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

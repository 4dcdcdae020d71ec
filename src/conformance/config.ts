/**
 * From command-line options and the environment to a checked run configuration. Every problem is a
 * `UsageError` with one line saying what to do: the command exits with code 2.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../cli/io.js';
import { CANONICAL_BASE_URL, COMPAT } from '../compat/index.js';
import { MIN_KEY_LENGTH } from './redact.js';
import type { BaseName } from './types.js';

export type ReportFormat = 'md' | 'json' | 'junit';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'junit'];

export interface RawOptions {
  readonly baseUrl?: string;
  readonly model?: readonly string[];
  readonly apiKeyEnv?: string;
  readonly project?: string;
  readonly out?: string;
  readonly format?: string;
  readonly maxRequests?: string;
  readonly maxTokens?: string;
  readonly concurrency?: string;
  readonly timeout?: string;
  readonly idleTimeout?: string;
  readonly only?: readonly string[];
  readonly dryRun?: boolean;
}

export interface RunConfig {
  readonly urls: Readonly<Record<BaseName, string>>;
  readonly models: readonly string[];
  readonly keyEnv: string;
  /** Undefined only in a dry run. */
  readonly apiKey?: string;
  readonly project?: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  readonly maxRequests: number;
  readonly maxTokens: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly only: readonly string[];
  readonly dryRun: boolean;
}

export const DEFAULTS = {
  maxRequests: 300,
  maxTokens: 60_000,
  concurrency: 4,
  timeoutS: 60,
  idleTimeoutS: 20,
  out: 'ds-migrate-conformance',
} as const;

function integer(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  return Number(value);
}

function seconds(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback * 1000;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n <= 0) throw new UsageError(`${flag} must be a positive number of seconds, got "${value}"`);
  return Math.round(n * 1000);
}

/** The API base, its `/beta` sibling, and the other form of the `/v1` alias (reference §2.1). */
export function baseUrls(base: string): Record<BaseName, string> {
  const api = base.replace(/\/+$/, '');
  const root = api.replace(/\/v1$/, '');
  return { api, beta: `${root}/beta`, alias: api === root ? `${root}/v1` : root };
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url "${value}" is not a URL: use e.g. ${CANONICAL_BASE_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be an http(s) URL, got "${url.protocol}"`);
  if (url.username || url.password) throw new UsageError('--base-url must not carry credentials: put the key in the environment variable named by --api-key-env');
  if (url.search || url.hash) throw new UsageError('--base-url must not have a query or fragment');
  return url.toString().replace(/\/+$/, '');
}

export function resolveConfig(raw: RawOptions, env: NodeJS.ProcessEnv, cwd: string): RunConfig {
  const keyEnv = raw.apiKeyEnv ?? COMPAT.env.apiKey;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv)) throw new UsageError(`--api-key-env takes the name of an environment variable, got "${keyEnv}"`);
  const envBase = COMPAT.env.baseUrl.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  const base = checkBaseUrl(raw.baseUrl ?? envBase ?? CANONICAL_BASE_URL);

  const models = (raw.model ?? []).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean);
  if (models.length === 0) models.push(COMPAT.models.find((m) => m.status === 'current')!.id);

  const formats = (raw.format ?? 'md,json,junit').split(',').map((f) => f.trim()).filter(Boolean);
  for (const format of formats) {
    if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(`--format takes ${REPORT_FORMATS.join(', ')}, got "${format}"`);
  }

  const timeoutMs = seconds(raw.timeout, '--timeout', DEFAULTS.timeoutS);
  const idleTimeoutMs = Math.min(seconds(raw.idleTimeout, '--idle-timeout', DEFAULTS.idleTimeoutS), timeoutMs);

  let project: string | undefined;
  if (raw.project !== undefined) {
    project = path.resolve(cwd, raw.project);
    if (!existsSync(project) || !statSync(project).isDirectory()) throw new UsageError(`--project ${raw.project}: no such directory`);
  }

  const dryRun = raw.dryRun === true;
  const apiKey = env[keyEnv];
  if (!dryRun) {
    if (apiKey === undefined || apiKey.trim() === '') {
      throw new UsageError(`${keyEnv} is not set: export your DeepSeek API key in it (or name another variable with --api-key-env); --dry-run needs no key`);
    }
    if (apiKey.trim().length < MIN_KEY_LENGTH) throw new UsageError(`${keyEnv} is shorter than ${MIN_KEY_LENGTH} characters: that is not an API key`);
    if (!/^[\x21-\x7e]+$/.test(apiKey.trim())) throw new UsageError(`${keyEnv} holds characters an HTTP header cannot carry (spaces, quotes from a copy-paste?)`);
  }

  return {
    urls: baseUrls(base),
    models,
    keyEnv,
    apiKey: apiKey?.trim() || undefined,
    project,
    outDir: path.resolve(cwd, raw.out ?? DEFAULTS.out),
    formats: formats as ReportFormat[],
    maxRequests: integer(raw.maxRequests, '--max-requests', DEFAULTS.maxRequests, 1),
    maxTokens: integer(raw.maxTokens, '--max-tokens', DEFAULTS.maxTokens, 1),
    concurrency: integer(raw.concurrency, '--concurrency', DEFAULTS.concurrency, 1),
    timeoutMs,
    idleTimeoutMs,
    only: (raw.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean),
    dryRun,
  };
}

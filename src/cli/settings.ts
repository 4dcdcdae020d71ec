/**
 * Settings shared by every command: a `ds-migrate.config.json` (found in the working directory, or
 * named with `--config`), then command-line flags on top. Invalid settings are usage errors (exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findModel, THINKING_MODES, type ModelOverride, type ThinkingMode } from '../compat/index.js';
import type { TargetSettings } from '../findings/types.js';
import { UsageError } from './io.js';

export const CONFIG_FILE = 'ds-migrate.config.json';

export interface Settings extends TargetSettings {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface SettingsFlags {
  readonly config?: string;
  readonly modelMap?: readonly string[];
  readonly model?: string;
  readonly thinking?: string;
  readonly jsonSchema?: string;
}

export function loadSettings(cwd: string, flags: SettingsFlags): Settings {
  const path = flags.config ? resolve(cwd, flags.config) : resolve(cwd, CONFIG_FILE);
  let fromFile: Record<string, unknown> = {};
  if (flags.config || existsSync(path)) {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${path}`);
    }
    try {
      fromFile = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) throw new UsageError(`config file ${path} must hold a JSON object`);
  }
  const known = new Set(['model', 'thinking', 'modelMap', 'clientModules', 'include', 'exclude', 'jsonSchema', '$schema']);
  for (const key of Object.keys(fromFile)) {
    if (!known.has(key)) throw new UsageError(`config file ${path}: unknown setting "${key}" (known: ${[...known].filter((k) => k !== '$schema').join(', ')})`);
  }
  const modelMap: Record<string, ModelOverride> = { ...(objectOf(fromFile.modelMap, 'modelMap', path) as Record<string, ModelOverride>) };
  for (const [from, to] of Object.entries(modelMap)) modelMap[from] = checkOverride(from, to);
  for (const pair of flags.modelMap ?? []) {
    const match = /^([^=]+)=([^=:]+)(?::(thinking|non-thinking))?$/.exec(pair);
    if (!match) throw new UsageError(`--model-map expects from=to or from=to:non-thinking, got "${pair}"`);
    modelMap[match[1]] = checkOverride(match[1], match[3] ? { model: match[2], thinking: match[3] as ThinkingMode } : match[2]);
  }
  const model = flags.model ?? stringOf(fromFile.model, 'model', path);
  if (model !== undefined && findModel(model)?.status !== 'current') throw new UsageError(`model "${model}" is not a current DeepSeek model (deepseek-flash, deepseek-v4-pro)`);
  const thinking = flags.thinking ?? stringOf(fromFile.thinking, 'thinking', path);
  if (thinking !== undefined && !THINKING_MODES.includes(thinking as ThinkingMode)) throw new UsageError(`thinking must be "thinking" or "non-thinking", got "${thinking}"`);
  const jsonSchema = flags.jsonSchema ?? stringOf(fromFile.jsonSchema, 'jsonSchema', path);
  if (jsonSchema !== undefined && jsonSchema !== 'marker' && jsonSchema !== 'inline') throw new UsageError(`--json-schema must be "marker" or "inline", got "${jsonSchema}"`);
  return {
    model,
    thinking: thinking as ThinkingMode | undefined,
    modelMap,
    clientModules: stringArrayOf(fromFile.clientModules, 'clientModules', path),
    include: stringArrayOf(fromFile.include, 'include', path),
    exclude: stringArrayOf(fromFile.exclude, 'exclude', path),
    jsonSchema: jsonSchema as 'marker' | 'inline' | undefined,
  };
}

function checkOverride(from: string, to: unknown): ModelOverride {
  const model = typeof to === 'string' ? to : (to as { model?: unknown })?.model;
  if (typeof model !== 'string' || findModel(model)?.status !== 'current') {
    throw new UsageError(`model map entry "${from}" must map to a current DeepSeek model (deepseek-flash, deepseek-v4-pro), got ${JSON.stringify(to)}`);
  }
  if (typeof to !== 'string' && !THINKING_MODES.includes((to as { thinking?: ThinkingMode }).thinking as ThinkingMode)) {
    throw new UsageError(`model map entry "${from}": thinking must be "thinking" or "non-thinking"`);
  }
  return to as ModelOverride;
}

function stringOf(value: unknown, key: string, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`config file ${path}: "${key}" must be a string`);
  return value;
}

function stringArrayOf(value: unknown, key: string, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new UsageError(`config file ${path}: "${key}" must be an array of strings`);
  return value as string[];
}

function objectOf(value: unknown, key: string, path: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`config file ${path}: "${key}" must be an object`);
  return value as Record<string, unknown>;
}

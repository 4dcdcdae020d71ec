/**
 * `settings.deepseek` of an ESLint config → the target the rules judge against, and the detection
 * mode. Settings are validated strictly: a typo (`thinkng`) or a model DeepSeek does not serve would
 * otherwise silently change every verdict, the config confusion users of other plugins complain of.
 */
import { findModel, MODELS, THINKING_MODES, type ModelOverride, type ThinkingMode } from '../compat/index.js';
import type { TargetSettings } from '../findings/types.js';

/**
 * `syntactic` (default): clients are found by following imports of `openai` within the file.
 * `type-aware`: calls on receivers the TypeScript checker types as the SDK's client are judged too
 * (clients imported from other modules, injected clients); needs `parserServices.program`.
 */
export type Detection = 'syntactic' | 'type-aware';
export const DETECTIONS: readonly Detection[] = ['syntactic', 'type-aware'];

export interface PluginSettings {
  readonly target: TargetSettings;
  readonly detection: Detection;
}

/** The keys `settings.deepseek` may hold; anything else is a mistake worth an error. */
export const SETTING_KEYS = ['model', 'thinking', 'modelMap', 'clientModules', 'detection', 'jsonSchema'] as const;

export class SettingsError extends Error {
  constructor(message: string) {
    super(`ds-migrate: settings.deepseek${message}`);
    this.name = 'SettingsError';
  }
}

const CURRENT_MODELS = MODELS.filter((m) => m.status === 'current').map((m) => m.id);
const DEFAULTS: PluginSettings = { target: {}, detection: 'syntactic' };

/** One config's settings object is shared by every file it lints: validate it once. */
const cache = new WeakMap<object, PluginSettings>();

/** Reads `settings.deepseek` from an ESLint rule context's `settings`. Throws `SettingsError` when invalid. */
export function readPluginSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.deepseek;
  if (raw === undefined || raw === null) return DEFAULTS;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new SettingsError(' must be an object');
  const cached = cache.get(raw);
  if (cached) return cached;
  const parsed = parse(raw as Record<string, unknown>);
  cache.set(raw, parsed);
  return parsed;
}

function parse(raw: Record<string, unknown>): PluginSettings {
  for (const key of Object.keys(raw)) {
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      throw new SettingsError(`: unknown setting "${key}" (known: ${SETTING_KEYS.join(', ')})`);
    }
  }
  const model = optionalString(raw.model, 'model');
  if (model !== undefined && findModel(model)?.status !== 'current') {
    throw new SettingsError(`.model must be a current DeepSeek model (${CURRENT_MODELS.join(', ')}), got "${model}"`);
  }
  const thinking = optionalString(raw.thinking, 'thinking');
  if (thinking !== undefined && !THINKING_MODES.includes(thinking as ThinkingMode)) {
    throw new SettingsError(`.thinking must be ${THINKING_MODES.map((m) => `"${m}"`).join(' or ')}, got "${thinking}"`);
  }
  const detection = optionalString(raw.detection, 'detection') ?? 'syntactic';
  if (!DETECTIONS.includes(detection as Detection)) {
    throw new SettingsError(`.detection must be ${DETECTIONS.map((d) => `"${d}"`).join(' or ')}, got "${detection}"`);
  }
  const jsonSchema = optionalString(raw.jsonSchema, 'jsonSchema');
  if (jsonSchema !== undefined && jsonSchema !== 'marker' && jsonSchema !== 'inline') {
    throw new SettingsError(`.jsonSchema must be "marker" or "inline", got "${jsonSchema}"`);
  }
  const clientModules = raw.clientModules;
  if (clientModules !== undefined && (!Array.isArray(clientModules) || clientModules.some((m) => typeof m !== 'string'))) {
    throw new SettingsError('.clientModules must be an array of module specifiers (strings)');
  }
  const target: TargetSettings = {
    ...(model !== undefined && { model }),
    ...(thinking !== undefined && { thinking: thinking as ThinkingMode }),
    ...(raw.modelMap !== undefined && { modelMap: modelMapOf(raw.modelMap) }),
    ...(clientModules !== undefined && { clientModules: clientModules as string[] }),
    ...(jsonSchema !== undefined && { jsonSchema: jsonSchema as 'marker' | 'inline' }),
  };
  return { target, detection: detection as Detection };
}

function modelMapOf(value: unknown): Record<string, ModelOverride> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError('.modelMap must be an object');
  const out: Record<string, ModelOverride> = {};
  for (const [from, to] of Object.entries(value)) {
    const model = typeof to === 'string' ? to : (to as { model?: unknown } | null)?.model;
    if (typeof model !== 'string' || findModel(model)?.status !== 'current') {
      throw new SettingsError(`.modelMap["${from}"] must map to a current DeepSeek model (${CURRENT_MODELS.join(', ')}), got ${JSON.stringify(to)}`);
    }
    if (typeof to !== 'string' && !THINKING_MODES.includes((to as { thinking?: ThinkingMode }).thinking as ThinkingMode)) {
      throw new SettingsError(`.modelMap["${from}"].thinking must be "thinking" or "non-thinking"`);
    }
    out[from] = to as ModelOverride;
  }
  return out;
}

function optionalString(value: unknown, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new SettingsError(`.${key} must be a string`);
  return value;
}

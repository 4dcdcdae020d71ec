/**
 * The whole DeepSeek API surface as one `CompatData` value. Kept apart from index.ts so that lookups.ts
 * can default to it without an import cycle; import it from index.ts.
 */
import { CHAT_PARAMS, EXTENSION_PARAMS } from './chat-params.js';
import { BASE_URLS, ENV } from './connection.js';
import { ENDPOINTS } from './endpoints.js';
import { ERRORS, ERROR_MESSAGES } from './errors.js';
import { CONTENT_PARTS, ROLES } from './messages.js';
import { MODEL_MAP, NO_EQUIVALENT, REASONING_EFFORT } from './model-map.js';
import { MODELS } from './models.js';
import { PRICING } from './pricing.js';
import type { CompatData } from './types.js';

/**
 * The newest fact in this data dates from 2026-10-17: DeepSeek-V4.1-Flash-1017 (the model `deepseek-flash`
 * serves) and the pricing snapshot that lists it (reference §2.2, §9). The sources were reviewed up to
 * 2026-11-24 (the reference's research date) without finding anything newer: that is `checkedOn`, not
 * `asOf`, because no fact here is from that day.
 */
export const AS_OF = '2026-10-17';
export const CHECKED_ON = '2026-11-24';

export const COMPAT: CompatData = {
  asOf: AS_OF,
  checkedOn: CHECKED_ON,
  models: MODELS,
  chatParams: CHAT_PARAMS,
  extensionParams: EXTENSION_PARAMS,
  roles: ROLES,
  contentParts: CONTENT_PARTS,
  endpoints: ENDPOINTS,
  baseUrls: BASE_URLS,
  env: ENV,
  errors: ERRORS,
  errorMessages: ERROR_MESSAGES,
  pricing: PRICING,
  modelMap: MODEL_MAP,
  noEquivalent: NO_EQUIVALENT,
  reasoningEffort: REASONING_EFFORT,
};

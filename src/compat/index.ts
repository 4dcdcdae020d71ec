/**
 * ds-migrate's one body of knowledge: the DeepSeek API surface as typed, dated data, and small pure
 * lookups over it. `COMPAT` is assembled in data.ts (so lookups can default to it without an import
 * cycle); `asOf` is the date of the newest fact, `checkedOn` the date the sources were last reviewed.
 */
export * from './types.js';
export { COMPAT, AS_OF, CHECKED_ON } from './data.js';
export { MODELS } from './models.js';
export {
  CHAT_PARAMS,
  EXTENSION_PARAMS,
  LEGACY_FUNCTION_CALLING_TRANSFORM,
  RESPONSE_FORMAT_UNAVAILABLE,
  THINKING_TOOL_CHOICE_ERROR,
  JSON_WORD_REQUIRED_ERROR,
} from './chat-params.js';
export { ROLES, CONTENT_PARTS, VISION_MODELS, DEVELOPER_ROLE_ERROR, SEQUENCE_NOT_STRING_ERROR } from './messages.js';
export { ENDPOINTS } from './endpoints.js';
export { BASE_URLS, ENV, CANONICAL_BASE_URL, BETA_BASE_URL } from './connection.js';
export { ERRORS, ERROR_MESSAGES } from './errors.js';
export { PRICING } from './pricing.js';
export { MODEL_MAP, NO_EQUIVALENT, REASONING_EFFORT } from './model-map.js';
export * from './lookups.js';

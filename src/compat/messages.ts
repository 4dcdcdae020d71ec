/**
 * Message roles and content parts of `messages` on DeepSeek's chat completions (reference §1).
 * Tests check that every role and content-part type of the openai SDK has an entry here.
 */
import type { ContentPartEntry, RoleEntry } from './types.js';

/** reference §12 #4: the body-deserialisation error for the `developer` role (400; 422 in some eras). */
export const DEVELOPER_ROLE_ERROR =
  'Failed to deserialize the JSON body into the target type: messages[0].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`';

/** reference §1 content parts text, §12 #8: an array where DeepSeek expects a string. */
export const SEQUENCE_NOT_STRING_ERROR = 'invalid type: sequence, expected a string';

/** Models that accept image input (reference §1 content part image_url). */
export const VISION_MODELS: readonly string[] = ['deepseek-flash', 'deepseek-v4-flash-vision-exp'];

export const ROLES: readonly RoleEntry[] = [
  // reference §1 messages[].role: system/user/assistant/tool supported.
  {
    role: 'system',
    status: 'supported',
    fix: { kind: 'none' },
    note: 'Supported. Content must be a string, not an array of parts.',
    source: { ref: 'reference §1 messages[].role', confidence: 'documented' },
  },
  {
    role: 'user',
    status: 'supported',
    fix: { kind: 'none' },
    note: 'Supported; the only role whose content may be an array of parts.',
    source: { ref: 'reference §1 messages[].role', confidence: 'documented' },
  },
  {
    role: 'assistant',
    status: 'supported',
    fix: { kind: 'none' },
    note:
      'Supported. Content must be a string; with tool_calls it must not be null (send ""). In thinking mode with tools, pass reasoning_content back.',
    source: { ref: 'reference §1 messages[].role; §3', confidence: 'documented' },
  },
  {
    role: 'tool',
    status: 'supported',
    fix: { kind: 'none' },
    note: 'Supported; needs tool_call_id, and content must be a string.',
    source: { ref: 'reference §1 messages[].role; §4', confidence: 'documented' },
  },
  // reference §1 role developer, §12 #4: rejected (400, or 422 in some eras).
  {
    role: 'developer',
    status: 'rejected',
    fix: { kind: 'rename', to: 'system' },
    error: DEVELOPER_ROLE_ERROR,
    note: 'Rejected with HTTP 400 (422 in some eras): DeepSeek chat knows no developer role. Use system. (Its Responses API treats developer as user.)',
    source: { ref: 'reference §1 role developer; §12 #4', confidence: 'documented' },
  },
  // reference §1 role function: not in the role enum, presumably rejected.
  {
    role: 'function',
    status: 'unknown',
    fix: {
      kind: 'replace',
      transform: 'legacy-function-calling',
      description: 'rewrite function messages to tool messages with tool_call_id',
    },
    note: 'Not in DeepSeek\'s role enum, so presumably rejected. Legacy function calling must become tools and tool messages.',
    source: { ref: 'reference §1 role function', confidence: 'unknown' },
  },
];

export const CONTENT_PARTS: readonly ContentPartEntry[] = [
  // reference §1 content parts text: arrays only in user content.
  {
    type: 'text',
    roles: ['user'],
    models: 'all',
    status: 'supported',
    fix: {
      kind: 'manual',
      advice: 'Join the text parts into one string: system, assistant and tool content must be a string at DeepSeek.',
    },
    error: SEQUENCE_NOT_STRING_ERROR,
    note: 'Text parts are allowed in user content only; an array in a system, assistant or tool message fails with 400.',
    source: { ref: 'reference §1 content parts text; §12 #8', confidence: 'documented' },
  },
  // reference §1 content part image_url: deepseek-flash and deepseek-v4-flash-vision-exp, user only; not v4-pro.
  {
    type: 'image_url',
    roles: ['user'],
    models: VISION_MODELS,
    status: 'supported',
    fix: {
      kind: 'manual',
      advice: 'Send images to deepseek-flash, in a user message. deepseek-v4-pro has no image input.',
    },
    note: 'Images work on deepseek-flash, in user messages only (detail: low, high, original, auto). deepseek-v4-pro has no vision; what it answers is not known.',
    source: { ref: 'reference §1 content part image_url', confidence: 'documented' },
  },
  // reference §1 content part file, §8 files: DeepSeek images uploaded with purpose user_data.
  {
    type: 'file',
    roles: ['user'],
    models: VISION_MODELS,
    status: 'supported',
    fix: {
      kind: 'manual',
      advice:
        "Only images uploaded to DeepSeek's Files API (purpose user_data) work here; send PDFs and other documents as extracted text.",
    },
    note: "Images only (JPEG, PNG, GIF, WebP) from DeepSeek's own Files API. OpenAI file ids and PDFs do not work.",
    source: { ref: 'reference §1 content part file; §8 files', confidence: 'documented' },
  },
  // reference §1 content part input_audio: not in the enum (text, image_url, file); exact error [?].
  {
    type: 'input_audio',
    roles: [],
    models: [],
    status: 'rejected',
    fix: { kind: 'manual', advice: 'DeepSeek takes no audio: transcribe it elsewhere and send the text.' },
    note: 'Not supported: DeepSeek has no audio input. Expect 400/422 (exact error not known).',
    source: { ref: 'reference §1 content part input_audio', confidence: 'documented' },
  },
  // reference §1 content parts text: assistant content is typed as a string, so no refusal parts.
  {
    type: 'refusal',
    roles: [],
    models: [],
    status: 'rejected',
    fix: { kind: 'manual', advice: 'Send the assistant turn\'s text as a plain string.' },
    error: SEQUENCE_NOT_STRING_ERROR,
    note: 'Assistant content must be a string at DeepSeek, so content arrays with refusal parts fail with 400.',
    source: { ref: 'reference §1 content parts text; §12 #8', confidence: 'documented' },
  },
];

/**
 * DeepSeek's HTTP error codes (reference §7) and the exact error messages users hit (reference §3, §12).
 *
 * Status codes of body-deserialisation errors moved between 422 and 400 over the eras (reference §7):
 * match messages, not codes. Each message is stored verbatim; where it has variable parts (an index,
 * a limit, a type name), `message` is one real example and `pattern` matches every variant.
 */
import type { ErrorEntry, ErrorMessageEntry } from './types.js';
import { DEVELOPER_ROLE_ERROR, SEQUENCE_NOT_STRING_ERROR } from './messages.js';
import { JSON_WORD_REQUIRED_ERROR, RESPONSE_FORMAT_UNAVAILABLE, THINKING_TOOL_CHOICE_ERROR } from './chat-params.js';

const ERROR_CODES_REF = 'reference §7 errors and rate limits';

/** Escape a literal for use inside a RegExp source. */
const lit = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const ERRORS: readonly ErrorEntry[] = [
  {
    status: 400,
    name: 'Invalid Format',
    meaning: 'Invalid request body format.',
    fix: 'Fix the request body as the error message says.',
    retryable: false,
    // reference §12 #13: a wrong model name.
    exampleBody:
      '{"error":{"message":"Model Not Exist","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
  {
    status: 401,
    name: 'Authentication Fails',
    meaning: 'Wrong API key.',
    fix: 'Check DEEPSEEK_API_KEY, or create a key on the DeepSeek platform. OpenAI keys do not work.',
    retryable: false,
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
  {
    status: 402,
    name: 'Insufficient Balance',
    meaning: 'You have run out of balance.',
    fix: 'Top up the account; granted balance is used before topped-up balance.',
    retryable: false,
    // reference §7: 402 body seen in Aider-AI/aider#4851.
    exampleBody:
      '{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}',
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
  {
    status: 422,
    name: 'Invalid Parameters',
    meaning: 'Invalid parameters (in some eras also body-deserialisation errors, now mostly 400).',
    fix: 'Fix the parameters as the error message says.',
    retryable: false,
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
  {
    status: 429,
    name: 'Rate Limit Reached',
    meaning: 'Request rate or concurrency limit reached (per account: flash 2500, v4-pro 500 concurrent requests).',
    fix: 'Pace requests and retry with backoff, honouring Retry-After; ask DeepSeek for a higher quota if needed.',
    retryable: true,
    source: { ref: `${ERROR_CODES_REF}; §2.2 concurrency limits`, confidence: 'documented' },
  },
  {
    status: 500,
    name: 'Server Error',
    meaning: 'A server issue.',
    fix: 'Retry after a brief wait.',
    retryable: true,
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
  {
    status: 503,
    name: 'Server Overloaded',
    meaning: 'The server is overloaded due to high traffic.',
    fix: 'Retry after a brief wait.',
    retryable: true,
    source: { ref: ERROR_CODES_REF, confidence: 'documented' },
  },
];

export const ERROR_MESSAGES: readonly ErrorMessageEntry[] = [
  // ---------------------------------------------------------------------------------------------
  // reasoning_content passback (reference §3, §12 #1 #2 #15)
  {
    message: 'The reasoning_content in the thinking mode must be passed back to the API.',
    status: 400,
    cause:
      'Thinking mode with tools: an earlier assistant turn lacks its reasoning_content. Pass it back on every assistant turn.',
    source: { ref: 'reference §3 passing it back; §12 #1', confidence: 'observed' },
  },
  {
    message:
      'Missing `reasoning_content` field in the assistant message at message index 2. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls',
    status: 400,
    cause: 'The V3.2-era wording (Dec 2025 – Apr 2026) of the same rule: an assistant turn lacks reasoning_content.',
    pattern: `^${lit('Missing `reasoning_content` field in the assistant message at message index ')}\\d+${lit(
      '. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls',
    )}$`,
    historical: true,
    source: { ref: 'reference §3 passing it back; §12 #2', confidence: 'observed' },
  },
  {
    message: 'content or tool_calls must be set',
    status: 400,
    cause: 'An assistant message has content: null and no tool_calls. Send content: "" instead of null.',
    source: { ref: 'reference §3; §12 #15', confidence: 'observed' },
  },

  // ---------------------------------------------------------------------------------------------
  // Roles and content (reference §1, §7, §12 #4 #8)
  {
    message: DEVELOPER_ROLE_ERROR,
    status: 400,
    cause: 'A message with role "developer": DeepSeek knows system, user, assistant and tool. Use system. (422 in some eras.)',
    pattern: `^${lit('Failed to deserialize the JSON body into the target type: messages[')}\\d+${lit(
      '].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`',
    )}$`,
    source: { ref: 'reference §12 #4; §7', confidence: 'observed' },
  },
  {
    message:
      'messages[0].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder`',
    status: 400,
    cause: 'The 2026-08 wording of the developer-role error (the enum also lists an undocumented latest_reminder role). Use system.',
    pattern: '(^|: )messages\\[\\d+\\]\\.role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder`$',
    source: { ref: 'reference §7 body-deserialisation errors', confidence: 'observed' },
  },
  {
    message: 'messages[0]: unknown role: developer',
    status: 422,
    cause: 'Another 2026-08 wording of the developer-role error, answered with 422. Use system.',
    pattern: '(^|: )messages\\[\\d+\\]: unknown role: \\w+$',
    source: { ref: 'reference §7 body-deserialisation errors', confidence: 'observed' },
  },
  {
    message:
      'Failed to deserialize the JSON body into the target type: messages[1]: data did not match any variant of untagged enum ChatCompletionRequestContent',
    status: 400,
    cause: 'Content DeepSeek cannot read: image parts sent to a text-only model, or parts of an unsupported type.',
    pattern: `^${lit('Failed to deserialize the JSON body into the target type: messages[')}\\d+${lit(
      ']: data did not match any variant of untagged enum ChatCompletionRequestContent',
    )}$`,
    source: { ref: 'reference §12 #8', confidence: 'observed' },
  },
  {
    message: `messages[2]: ${SEQUENCE_NOT_STRING_ERROR}`,
    status: 400,
    cause: 'An array of content parts in a system, assistant or tool message: only user content may be an array.',
    pattern: `(^|: )messages\\[\\d+\\]: ${lit(SEQUENCE_NOT_STRING_ERROR)}$`,
    source: { ref: 'reference §12 #8; §1 content parts text', confidence: 'observed' },
  },
  {
    message: 'unknown variant `tool_reference`, expected `text`',
    status: 400,
    cause: 'A content part of a type DeepSeek does not know in a message whose parts must be text.',
    pattern: '^unknown variant `\\w+`, expected `text`$',
    source: { ref: 'reference §12 #8', confidence: 'observed' },
  },

  // ---------------------------------------------------------------------------------------------
  // Parameters (reference §1, §4, §5, §12 #5 #6 #7 #9 #10 #19)
  {
    message: RESPONSE_FORMAT_UNAVAILABLE,
    status: 400,
    cause: "response_format { type: 'json_schema' }: DeepSeek chat accepts text and json_object only.",
    source: { ref: 'reference §12 #5', confidence: 'observed' },
  },
  {
    message: 'response_format.type `json_schema` is unavailable now',
    status: 422,
    cause: 'The older wording of the json_schema rejection.',
    historical: true,
    source: { ref: 'reference §12 #5', confidence: 'observed' },
  },
  {
    message: JSON_WORD_REQUIRED_ERROR,
    status: 400,
    cause: "JSON mode without the word 'json' in the prompt. Say 'json' (and give an example) in the system or user message.",
    source: { ref: 'reference §5 JSON output; §12 #6', confidence: 'observed' },
  },
  {
    message: THINKING_TOOL_CHOICE_ERROR,
    status: 400,
    cause: "tool_choice 'required' or a named tool in thinking mode. Drop tool_choice, or turn thinking off.",
    source: { ref: 'reference §4 tool_choice; §12 #7', confidence: 'observed' },
  },
  {
    message: 'deepseek-reasoner does not support this tool_choice',
    status: 400,
    cause: "The Anthropic endpoint's wording of the thinking-mode tool_choice rejection.",
    source: { ref: 'reference §4 tool_choice; §12 #7', confidence: 'observed' },
  },
  {
    message: "unknown variant '<type>', expected 'function'",
    status: 400,
    cause: 'A tool whose type is not "function" (custom or built-in tools): DeepSeek chat takes function tools only. <type> is the tool type sent.',
    pattern: "^unknown variant '[^']+', expected 'function'$",
    source: { ref: 'reference §4 tool calling; §12 #19', confidence: 'observed' },
  },
  {
    message: 'Invalid max_tokens value, the valid range of max_tokens is [1, 8192]',
    // The reference does not record the status: 400 is assumed (DeepSeek's invalid_request_error).
    status: 400,
    cause: 'max_tokens above the limit of the legacy deepseek-chat (8K); R1-0528 said [1, 65536].',
    pattern: `^${lit('Invalid max_tokens value, the valid range of max_tokens is [')}\\d+, \\d+\\]$`,
    historical: true,
    source: { ref: 'reference §12 #9; §2.2 legacy limits', confidence: 'observed' },
  },
  {
    message:
      "This model's maximum context length is 131072 tokens. However, you requested 131329 tokens (123137 in the messages, 8192 in the completion)",
    // The reference does not record the status: 400 is assumed (DeepSeek's invalid_request_error).
    status: 400,
    cause: 'Prompt plus max_tokens exceed the context window (the legacy 128K one in this example).',
    pattern: `^${lit("This model's maximum context length is ")}\\d+ tokens\\. However, you requested \\d+ tokens`,
    source: { ref: 'reference §12 #10', confidence: 'observed' },
  },

  // ---------------------------------------------------------------------------------------------
  // Models and account (reference §12 #13 #16)
  {
    message: 'Model Not Exist',
    status: 400,
    cause: 'A model id DeepSeek does not serve (never existed, or a typo). Use deepseek-flash or deepseek-v4-pro.',
    source: { ref: 'reference §12 #13', confidence: 'observed' },
  },
  {
    message: 'Insufficient Balance',
    status: 402,
    cause: 'The account has run out of balance. Top it up.',
    source: { ref: 'reference §12 #16; §7', confidence: 'observed' },
  },

  // ---------------------------------------------------------------------------------------------
  // R1 era (Jan–Nov 2025, deepseek-reasoner): old code and logs still show these (reference §12 #14, §3).
  {
    message: 'deepseek-reasoner does not support Function Calling',
    status: 400,
    cause: 'R1 era: tools on deepseek-reasoner. Tools work in thinking mode since V3.2.',
    historical: true,
    source: { ref: 'reference §12 #14; §4', confidence: 'observed' },
  },
  {
    message: 'deepseek-reasoner does not support Json Output.',
    status: 400,
    cause: 'R1 era: response_format json_object on deepseek-reasoner. Supported in thinking mode on V4.',
    historical: true,
    source: { ref: 'reference §12 #14; §1 response_format', confidence: 'observed' },
  },
  {
    message: 'deepseek-reasoner does not support the parameter `temperature`',
    status: 400,
    cause: 'Briefly in January 2025; temperature has since been ignored in thinking mode.',
    pattern: '^deepseek-reasoner does not support the parameter `\\w+`$',
    historical: true,
    source: { ref: 'reference §12 #14', confidence: 'observed' },
  },
  {
    message: 'deepseek-reasoner does not support successive user or assistant messages',
    status: 400,
    cause: 'R1 era: two user (or two assistant) messages in a row.',
    pattern: '^deepseek-reasoner does not support successive user or assistant messages',
    historical: true,
    source: { ref: 'reference §12 #14; §3 R1 era', confidence: 'observed' },
  },
];

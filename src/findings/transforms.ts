/** The codemod's concerns, one transform each; `--only` / `--skip` and `--list-transforms` use these. */
export const TRANSFORMS = {
  clients: 'Clients: OpenAI and Azure clients become DeepSeek clients (split when they also serve endpoints DeepSeek lacks).',
  models: 'Models: map OpenAI and retired DeepSeek model names, add the thinking mode the target needs, map reasoning_effort values.',
  params: 'Parameters: rename or remove what DeepSeek ignores or rejects (max_completion_tokens, penalties, temperature in thinking mode...).',
  messages: "Messages: the `developer` role becomes `system`.",
  'legacy-function-calling': 'Legacy function calling: functions/function_call become tools/tool_choice, function_call reads and role: function messages follow.',
  env: 'Env variables: OPENAI_* reads in code and in .env.example-style files, docker-compose and Kubernetes manifests.',
  markers: 'Markers: one TODO(ds-migrate:<rule>) comment on each statement that needs a person.',
} as const;

export type TransformId = keyof typeof TRANSFORMS;

export const TRANSFORM_IDS = Object.keys(TRANSFORMS) as TransformId[];

export function isTransformId(value: string): value is TransformId {
  return Object.hasOwn(TRANSFORMS, value);
}

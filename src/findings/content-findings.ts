/** Content parts inside a call's messages, judged against the call's model (vision, roles). */
import type { LinkedCall } from '../analysis/project/project-index.js';
import { propertyOf } from '../analysis/values.js';
import { contentPart, contentPartAllowed, MODELS } from '../compat/index.js';
import { finding } from './context.js';
import type { CallTarget } from './target.js';
import type { Finding } from './types.js';

const CURRENT_MODELS = MODELS.filter((m) => m.status === 'current').map((m) => m.id);

export function contentFindings(call: LinkedCall, target: CallTarget): Finding[] {
  const messages = propertyOf(call.resolvedArgs, 'messages')?.value;
  if (messages?.kind !== 'array') return [];
  const out: Finding[] = [];
  for (const message of messages.elements) {
    const role = propertyOf(message, 'role')?.value;
    const content = propertyOf(message, 'content')?.value;
    if (role?.kind !== 'string' || role.value !== 'user' || content?.kind !== 'array') continue;
    for (const part of content.elements) {
      const type = propertyOf(part, 'type')?.value;
      if (type?.kind !== 'string') continue;
      const models = target.model ? [target.model] : CURRENT_MODELS;
      if (models.some((model) => contentPartAllowed(type.value, role.value, model))) continue;
      const entry = contentPart(type.value);
      const who = target.model ?? 'any DeepSeek model';
      out.push(
        finding({
          rule: 'no-rejected-param',
          file: part.span.file,
          span: part.span,
          statementSpan: call.statementSpan,
          statementFile: call.file,
          message: `${/^[aeiou]/i.test(type.value) ? 'An' : 'A'} \`${type.value}\` content part is not accepted by ${who}${entry?.error ? ` (HTTP 400: "${entry.error}")` : ''}. ${entry?.note ?? 'DeepSeek accepts text, image_url and file parts only.'}`,
        }),
      );
    }
  }
  return out;
}

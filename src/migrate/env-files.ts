/**
 * Env variables outside code: committed templates (`.env.example`, `.env.sample`, `.env.template`)
 * and YAML manifests (docker-compose, Kubernetes, CI workflows) are rewritten line by line; real `.env`
 * files hold secrets: never rewritten, their values never read into any output — the report only
 * names the variables to set.
 */
import { CANONICAL_BASE_URL, mapModel } from '../compat/index.js';
import { deepseekEnvName } from '../findings/env-names.js';
import type { TargetSettings } from '../findings/types.js';
import type { EnvPolicy } from './env-policy.js';

export interface LineEdit {
  readonly line: number;
  readonly message: string;
}

export interface TextChange {
  readonly text: string;
  readonly edits: LineEdit[];
  /** What a person must still do in this file. */
  readonly manual: LineEdit[];
}

const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)(.*?)(\s*)$/;
const OPENAI_URL = /https?:\/\/(?:api\.openai\.com|[\w.-]+\.openai\.azure\.com)[^\s"'#]*/;

/** Splits text into lines, keeping each line's own terminator so CRLF files stay CRLF. */
function splitLines(text: string): { body: string; eol: string }[] {
  const out: { body: string; eol: string }[] = [];
  const re = /([^\r\n]*)(\r\n|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    if (match[0] === '' && re.lastIndex >= text.length) break;
    out.push({ body: match[1], eol: match[2] });
    if (match[2] === '') break;
  }
  return out;
}

function mapModelValue(value: string, settings: TargetSettings): string | null {
  const quoted = /^(["']?)(.*)\1$/.exec(value);
  const bare = quoted ? quoted[2] : value;
  const mapping = mapModel(bare, settings.modelMap);
  return mapping ? `${quoted?.[1] ?? ''}${mapping.model}${quoted?.[1] ?? ''}` : null;
}

export function rewriteEnvTemplate(
  text: string,
  policy: EnvPolicy,
  modelEnvNames: ReadonlySet<string>,
  settings: TargetSettings,
  readAfter: ReadonlySet<string>,
): TextChange {
  const lines = splitLines(text);
  const defined = new Set(lines.map((l) => ASSIGNMENT.exec(l.body)?.[2]).filter((n): n is string => Boolean(n)));
  const edits: LineEdit[] = [];
  const out: string[] = [];
  lines.forEach(({ body, eol }, index) => {
    const line = index + 1;
    const match = body.trimStart().startsWith('#') ? null : ASSIGNMENT.exec(body);
    if (!match) {
      out.push(body + eol);
      return;
    }
    const [, lead, name, eq, value, trail] = match;
    if (modelEnvNames.has(name)) {
      const mapped = mapModelValue(value, settings);
      if (mapped) {
        out.push(`${lead}${name}${eq}${mapped}${trail}${eol}`);
        edits.push({ line, message: `${name}: model ${value} → ${mapped}` });
        return;
      }
    }
    const to = deepseekEnvName(name);
    if (to === undefined) {
      out.push(body + eol);
      return;
    }
    if (to === null) {
      if (policy.keepsOpenAI) out.push(body + eol);
      else edits.push({ line, message: `removed ${name} (no DeepSeek equivalent)` });
      return;
    }
    const newValue = OPENAI_URL.test(value) ? value.replace(OPENAI_URL, CANONICAL_BASE_URL) : value;
    if (policy.keepsOpenAI) {
      out.push(body + eol);
      // OpenAI keeps its variable; DeepSeek's is added only where migrated code reads it.
      if (!defined.has(to) && readAfter.has(to)) {
        out.push(`${lead}${to}${eq}${newValue}${trail}${eol || '\n'}`);
        defined.add(to);
        edits.push({ line, message: `added ${to} beside ${name} (OpenAI still serves some calls)` });
      }
      return;
    }
    if (defined.has(to)) {
      edits.push({ line, message: `removed ${name} (${to} is already set)` });
      return;
    }
    out.push(`${lead}${to}${eq}${newValue}${trail}${eol}`);
    defined.add(to);
    edits.push({ line, message: `${name} → ${to}` });
  });
  return { text: out.join(''), edits, manual: [] };
}

/** Every variable name of the OpenAI env map (and their framework-prefixed forms) as a token pattern. */
const ENV_TOKEN = /\b((?:[A-Z]+_)*?(?:OPENAI_API_KEY|OPENAI_BASE_URL|OPENAI_API_BASE|AZURE_OPENAI_API_KEY|AZURE_OPENAI_ENDPOINT))\b/g;

export function rewriteManifest(text: string, policy: EnvPolicy, modelEnvNames: ReadonlySet<string>, settings: TargetSettings): TextChange {
  const lines = splitLines(text);
  const edits: LineEdit[] = [];
  const manual: LineEdit[] = [];
  const out = lines.map(({ body, eol }, index) => {
    const line = index + 1;
    let next = body;
    for (const name of modelEnvNames) {
      const match = new RegExp(`^(\\s*-?\\s*${name}\\s*[:=]\\s*)(["']?[\\w.:-]+["']?)(\\s*)$`).exec(next);
      const mapped = match ? mapModelValue(match[2], settings) : null;
      if (match && mapped) {
        next = `${match[1]}${mapped}${match[3]}`;
        edits.push({ line, message: `${name}: model ${match[2]} → ${mapped}` });
      }
    }
    const names = [...next.matchAll(ENV_TOKEN)].map((m) => m[1]).filter((n) => deepseekEnvName(n));
    if (names.length > 0) {
      if (policy.keepsOpenAI) {
        manual.push({ line, message: `add ${[...new Set(names.map((n) => deepseekEnvName(n)))].join(', ')} beside ${[...new Set(names)].join(', ')} (OpenAI still serves some calls)` });
      } else {
        next = next.replace(ENV_TOKEN, (token) => deepseekEnvName(token) ?? token);
        // A Kubernetes env entry whose value comes from a secret: the secret itself must now hold the DeepSeek key.
        const following = lines.slice(index + 1, index + 5).map((l) => l.body).join('\n');
        if (/secretKeyRef|secretRef/.test(following)) {
          manual.push({ line, message: `${names.map((n) => deepseekEnvName(n)).join(', ')} is read from a secret: store the DeepSeek value in that secret` });
        }
        if (/BASE_URL|API_BASE|ENDPOINT/.test(names.join(' '))) next = next.replace(OPENAI_URL, CANONICAL_BASE_URL);
        edits.push({ line, message: [...new Set(names)].map((n) => `${n} → ${deepseekEnvName(n)}`).join(', ') });
      }
    }
    return next + eol;
  });
  return { text: out.join(''), edits, manual };
}

/** The OpenAI variables a secrets file sets, by name only: the report says which DeepSeek ones to set. */
export function secretEnvVariables(text: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const { body } of splitLines(text)) {
    if (body.trimStart().startsWith('#')) continue;
    const name = ASSIGNMENT.exec(body)?.[2];
    const to = name ? deepseekEnvName(name) : undefined;
    if (name && to) out.push({ from: name, to });
  }
  return out;
}

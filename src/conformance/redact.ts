/**
 * Keeps the API key out of everything the check writes: reports, transcripts, stdout and stderr,
 * including error messages a server echoes back. Applied at every sink, as a last pass over the final
 * text, so a key that reached a string by any road is still caught.
 */

export const REDACTED = '***';

/** Keys shorter than this cannot be replaced without garbling the report; the command refuses them. */
export const MIN_KEY_LENGTH = 8;

export class Redactor {
  private readonly needles: string[];

  constructor(secrets: readonly (string | undefined)[]) {
    const needles = new Set<string>();
    for (const secret of secrets) {
      if (!secret || secret.length < MIN_KEY_LENGTH) continue;
      // The forms a key takes when a server or a serializer echoes it.
      needles.add(secret);
      needles.add(encodeURIComponent(secret));
      needles.add(JSON.stringify(secret).slice(1, -1));
      needles.add(Buffer.from(secret, 'utf8').toString('base64'));
    }
    // Longest first, so a form that contains another is replaced whole.
    this.needles = [...needles].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const needle of this.needles) out = out.split(needle).join(REDACTED);
    return out;
  }

  /** A JSON-compatible value with every string redacted. */
  redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.redactValue(item);
      return out as T;
    }
    return value;
  }
}

/** A URL without user info, for reports. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

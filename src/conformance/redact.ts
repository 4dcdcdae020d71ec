/**
 * Keeps the API key out of everything the check writes: reports, transcripts, stdout and stderr,
 * including error messages a server echoes back. Applied at every sink, as a last pass over the final
 * text, so a key that reached a string by any road is still caught.
 */

export const REDACTED = '***';

/** Keys shorter than this cannot be replaced without garbling the report; the command refuses them. */
export const MIN_KEY_LENGTH = 8;

/**
 * Fragments this long of a key are redacted wherever they appear: a server can echo a key in pieces
 * (split over stream chunks), and a random key's fragments do not occur in ordinary text.
 */
export const FRAGMENT_LENGTH = 8;

export class Redactor {
  private readonly needles: string[];
  /** Every FRAGMENT_LENGTH-long piece of each secret, with the secret it belongs to. */
  private readonly fragments = new Map<string, string[]>();

  constructor(secrets: readonly (string | undefined)[]) {
    const needles = new Set<string>();
    for (const secret of secrets) {
      if (!secret || secret.length < MIN_KEY_LENGTH) continue;
      for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i++) {
        const piece = secret.slice(i, i + FRAGMENT_LENGTH);
        this.fragments.set(piece, [...(this.fragments.get(piece) ?? []), secret]);
      }
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
    // A key echoed in pieces, or with a character escaped (a JSON \\u0073 for its `s`): every run of 8+
    // characters of it is redacted. (Decoding escapes first would corrupt the JSON reports this text may be.)
    return this.fragments.size === 0 ? out : this.redactFragments(out);
  }

  /** Replaces every run of text that matches FRAGMENT_LENGTH or more consecutive characters of a secret. */
  private redactFragments(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const secrets = i + FRAGMENT_LENGTH <= text.length ? this.fragments.get(text.slice(i, i + FRAGMENT_LENGTH)) : undefined;
      if (!secrets) {
        out += text[i++];
        continue;
      }
      // Extend the match as far as the text keeps following one of the secrets.
      let end = i + FRAGMENT_LENGTH;
      for (const secret of secrets) {
        let at = secret.indexOf(text.slice(i, i + FRAGMENT_LENGTH));
        while (at !== -1) {
          let k = 0;
          while (at + k < secret.length && i + k < text.length && text[i + k] === secret[at + k]) k++;
          end = Math.max(end, i + k);
          at = secret.indexOf(text.slice(i, i + FRAGMENT_LENGTH), at + 1);
        }
      }
      out += REDACTED;
      i = end;
    }
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

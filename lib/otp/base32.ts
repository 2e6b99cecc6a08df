import { OtpError } from './errors';

/** @see https://www.rfc-editor.org/rfc/rfc4648#section-6 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The shortest key accepted: 10 bytes (80 bits, 16 Base32 characters). RFC 4226 asks for
 * 128 bits, but services still issue 80-bit keys; Google Authenticator refuses anything
 * shorter too. A shorter key is almost always a paste or a typed key cut short.
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-4 (R6)
 */
export const MIN_SECRET_BYTES = 10;

/** Options of {@link normalizeBase32} and {@link decodeBase32}. */
interface Base32Options {
  /** Minimum decoded length in bytes; defaults to {@link MIN_SECRET_BYTES}. */
  minBytes?: number;
}

/** Characters people and sites put between groups: spaces of any kind, dashes, hyphens. */
const SEPARATOR = /^[\s\-\u2010-\u2015\u2212\u30fc]$/u;
/** Digits that are not Base32 but are easily typed for O, I/L and B. */
const CONFUSABLE = /^[0189]$/;

/**
 * Cleans a Base32 key as people type, paste or read it: upper case, without spaces, dashes
 * or trailing `=` padding, full-width characters made half-width (NFKC). Keycloak shows keys
 * as groups of 4 separated by spaces. Throws {@link OtpError} (field `secret`) for an empty
 * key, a character outside A–Z/2–7 (with its index), an impossible length (1, 3 or 6
 * characters left over after the last full 8-character block) or a key shorter than
 * `minBytes`.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function normalizeBase32(text: string, options: Base32Options = {}): string {
  const minBytes = options.minBytes ?? MIN_SECRET_BYTES;
  let out = '';
  let paddingAt = -1;
  let index = 0;
  for (const raw of text) {
    for (const ch of raw.normalize('NFKC')) {
      if (SEPARATOR.test(ch)) continue;
      if (ch === '=') {
        if (paddingAt < 0) paddingAt = index;
        continue;
      }
      const upper = ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
      if (!ALPHABET.includes(upper)) {
        const reason = CONFUSABLE.test(upper) ? 'confusable-char' : 'invalid-char';
        throw new OtpError('secret', reason, { index });
      }
      // `=` is only padding at the end; in the middle the key is broken there.
      if (paddingAt >= 0) throw new OtpError('secret', 'invalid-char', { index: paddingAt });
      out += upper;
    }
    index += raw.length;
  }
  if (out === '') throw new OtpError('secret', 'empty');
  if (Math.floor((out.length * 5) / 8) < minBytes) throw new OtpError('secret', 'too-short');
  // 1, 3 or 6 leftover characters cannot come from whole bytes (RFC 4648 section 6).
  if ([1, 3, 6].includes(out.length % 8)) throw new OtpError('secret', 'invalid-length');
  return out;
}

/**
 * Decodes a Base32 key (as tolerant as {@link normalizeBase32}, same errors) to bytes.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function decodeBase32(text: string, options: Base32Options = {}): Uint8Array {
  const clean = normalizeBase32(text, options);
  const bytes = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const ch of clean) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(ch)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >>> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * Encodes bytes as upper-case Base32 without padding (the form `otpauth://` URIs use).
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-6
 */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >>> bits) & 31);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out;
}

import { MIN_SECRET_BYTES } from './base32';
import { OtpError } from './errors';
import type { OtpAlgorithm, OtpType } from './types';

/** An inclusive `[min, max]` range. */
type Range = readonly [min: number, max: number];

/** The values an account may have, checked by `parseOtpauthUri` and `validateAccountData`. */
export interface OtpLimits {
  digits: Range;
  /** TOTP step in seconds. */
  period: Range;
  /** Shortest secret, in bytes (see `MIN_SECRET_BYTES`). */
  minSecretBytes: number;
}

/**
 * For accounts added by hand or from a setup page: 6–8 digits (RFC 4226 requires at least 6;
 * Keycloak offers 6 or 8), a step of 1–300 s (a typo such as `3000` is caught) and a secret
 * of at least 80 bits (a key cut short is caught).
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export const DEFAULT_LIMITS: OtpLimits = {
  digits: [6, 8],
  period: [1, 300],
  minSecretBytes: MIN_SECRET_BYTES,
};

/**
 * For imports from other apps and backups, which may hold unusual but working accounts
 * (other apps export keys as short as 6 bytes).
 */
export const IMPORT_LIMITS: OtpLimits = { digits: [1, 10], period: [1, 86_400], minSecretBytes: 1 };

/** Longest issuer or account name, in characters. */
export const MAX_LABEL_LENGTH = 256;

/**
 * Reads an OTP type (`totp` / `hotp`, any case).
 * @see https://www.rfc-editor.org/rfc/rfc6238 (TOTP), https://www.rfc-editor.org/rfc/rfc4226 (HOTP)
 */
export function parseType(value: string): OtpType {
  const type = value.trim().toLowerCase();
  if (type === 'totp' || type === 'hotp') return type;
  throw new OtpError('type', 'unknown');
}

/**
 * Reads a hash name, case-insensitive and tolerant of `SHA-256` / `HmacSHA256` spellings.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-1.2
 */
export function parseAlgorithm(value: string): OtpAlgorithm {
  const name = value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s_-]/g, '')
    .replace(/^HMAC/, '');
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  throw new OtpError('algorithm', 'unknown');
}

/**
 * Reads a whole number (a number, or text with ASCII or full-width digits) and checks it
 * lies in `range`. `not-a-number` for anything that is not an integer, `out-of-range` else.
 */
export function parseInteger(
  field: 'digits' | 'period' | 'counter',
  value: number | string,
  [min, max]: Range,
): number {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else {
    const text = value.normalize('NFKC').trim();
    n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  }
  if (!Number.isInteger(n)) throw new OtpError(field, 'not-a-number');
  if (n < min || n > max || !Number.isSafeInteger(n)) throw new OtpError(field, 'out-of-range');
  return n;
}

/** Range of an HOTP counter: RFC 4226 uses 8 bytes; JavaScript numbers stay exact to 2^53 − 1. */
export const COUNTER_RANGE: Range = [0, Number.MAX_SAFE_INTEGER];

/**
 * Tidies an issuer or account name: NFC, control characters (tabs, line breaks) turned into
 * spaces, outer spaces trimmed.
 * Throws `too-long` past {@link MAX_LABEL_LENGTH} characters.
 */
export function cleanLabel(field: 'issuer' | 'name', value: string): string {
  const text = value
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .trim();
  if ([...text].length > MAX_LABEL_LENGTH) throw new OtpError(field, 'too-long');
  return text;
}

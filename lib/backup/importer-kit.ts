import { accountTitle } from '../account-title';
import { validateAccountData, type AccountInput } from '../otp/account';
import { isOtpError, type OtpError } from '../otp/errors';
import { IMPORT_LIMITS, MAX_LABEL_LENGTH } from '../otp/fields';
import type { AccountData } from '../otp/types';
import { BackupError, type ImportedEntries, type SkippedEntry } from './types';

/**
 * Helpers shared by the Aegis, andOTP and 2FAS importers: strict text/JSON/hex/base64 decoding,
 * WebCrypto AES-GCM and PBKDF2, and {@link EntryList}, which turns each exported entry into an
 * account or a {@link SkippedEntry} (never dropping one). Pure: no browser APIs but
 * `globalThis.crypto.subtle`, present in extension pages, the service worker and Node 20.
 */

/** Reasons an entry is not imported; i18n keys in `_locales/{ja,en}/messages.json`. */
export const SKIP_REASONS = {
  type: 'import_skipped_unsupported_type',
  algorithm: 'import_skipped_unsupported_algorithm',
  digits: 'import_skipped_unsupported_digits',
  invalid: 'import_skipped_invalid_account',
} as const;

export type SkipReason = (typeof SKIP_REASONS)[keyof typeof SKIP_REASONS];

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text without a byte-order mark, or `undefined` when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The bytes parsed as UTF-8 JSON, or `undefined` when they are not. */
export function parseJsonBytes(bytes: Uint8Array): { value: unknown } | undefined {
  const text = decodeUtf8(bytes);
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * True when the bytes read as text a person could have written (UTF-8 without control
 * characters other than tab, CR, LF): a broken JSON file rather than random ciphertext.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const text = decodeUtf8(bytes);
  // eslint-disable-next-line no-control-regex
  return text !== undefined && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** Lower- or upper-case hex of whole bytes, or `undefined`. */
export function hexToBytes(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(text)) {
    return undefined;
  }
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/**
 * Standard base64 (RFC 4648 §4), padding optional, line breaks ignored (Android's `DEFAULT`
 * flag wraps at 76 characters), or `undefined`.
 */
export function base64ToBytes(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.replace(/[\r\n]/g, '');
  if (!BASE64.test(clean)) return undefined;
  const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** UTF-8 bytes of a password, as Java's `PBEKeySpec` / `String.getBytes(UTF_8)` give them. */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(password);
}

/** Throws `password-required` for a missing or empty password; returns it otherwise. */
export function requirePassword(password: string | undefined, format: string): string {
  if (password === undefined || password === '') throw new BackupError('password-required', format);
  return password;
}

/** The bytes of `parts`, one after another. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** GCM authentication tag length used by every format here (128 bits). */
export const GCM_TAG_BYTES = 16;

/**
 * AES-GCM decryption of `ciphertext ‖ tag` (no additional data), or `undefined` when the tag
 * does not verify (wrong key or damaged data) or the key is not 16, 24 or 32 bytes long.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export async function aesGcmOpen(
  rawKey: Uint8Array,
  iv: Uint8Array,
  ciphertextAndTag: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (ciphertextAndTag.length < GCM_TAG_BYTES || iv.length === 0) return undefined;
  if (![16, 24, 32].includes(rawKey.length)) return undefined;
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new Uint8Array(rawKey), 'AES-GCM', false, ['decrypt']);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), tagLength: GCM_TAG_BYTES * 8 },
      key,
      new Uint8Array(ciphertextAndTag),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

/** PBKDF2 (RFC 8018 §5.2) of a password with WebCrypto. */
export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', passwordBytes(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: new Uint8Array(salt), iterations, hash },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** SHA-256 of a password's UTF-8 bytes. */
export async function sha256(password: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', passwordBytes(password)));
}

/** A field of an entry that is neither absent nor of a usable kind (e.g. `digits: {}`). */
class BadField extends Error {}

/** A JSON string field: the text, `undefined` when absent or `null`; throws for other kinds. */
export function textField(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new BadField();
}

/** A JSON number field (or numeric text): as is, `undefined` when absent; throws otherwise. */
export function numberField(value: unknown): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new BadField();
}

/** A title for the user to recognise a skipped entry: never the secret. */
export function entryTitle(issuer: unknown, name: unknown, index: number): string {
  const tidy = (value: unknown) =>
    typeof value === 'string'
      ? [
          ...value
            .normalize('NFC')
            .replace(/\p{Cc}/gu, ' ')
            .trim(),
        ]
          .slice(0, MAX_LABEL_LENGTH)
          .join('')
      : '';
  return accountTitle({ issuer: tidy(issuer), name: tidy(name) }) || `#${index + 1}`;
}

/** The skip reason for an account that `validateAccountData` rejected. */
export function skipReasonOf(err: OtpError): SkipReason {
  if (err.field === 'type') return SKIP_REASONS.type;
  if (err.field === 'algorithm') return SKIP_REASONS.algorithm;
  if (err.field === 'digits' && err.reason === 'out-of-range') return SKIP_REASONS.digits;
  return SKIP_REASONS.invalid;
}

/**
 * The entries of one file, in file order: each becomes an account (checked with
 * `validateAccountData(…, IMPORT_LIMITS)`, no sites) or a skipped entry with its reason.
 */
export class EntryList {
  private readonly accounts: AccountData[] = [];
  private readonly skipped: SkippedEntry[] = [];
  private count = 0;

  /** Number of entries added so far (accounts and skipped). */
  get size(): number {
    return this.count;
  }

  /**
   * Adds one entry. `read` builds the {@link AccountInput} from the raw entry (it may throw an
   * `OtpError`, or use {@link textField}/{@link numberField}, which throw for a field of the
   * wrong kind); `title` names it if it must be skipped.
   */
  add(title: string, read: () => AccountInput): void {
    this.count += 1;
    try {
      this.accounts.push(validateAccountData({ ...read(), sites: [] }, IMPORT_LIMITS));
    } catch (err) {
      if (isOtpError(err)) this.skipped.push({ title, reason: skipReasonOf(err) });
      else if (err instanceof BadField) this.skipped.push({ title, reason: SKIP_REASONS.invalid });
      else throw err;
    }
  }

  /** Lists an entry that cannot be imported. */
  skip(title: string, reason: SkipReason): void {
    this.count += 1;
    this.skipped.push({ title, reason });
  }

  result(format: string): ImportedEntries {
    return { format, accounts: [...this.accounts], skipped: [...this.skipped] };
  }
}

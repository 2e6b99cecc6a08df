import { BackupError } from './types';

export { EntryList, numberField, textField } from './entry-list';
export { base64ToBytes, concatBytes, hexToBytes, passwordBytes } from './importer-bytes';
export { GCM_TAG_BYTES, aesGcmOpen, pbkdf2, sha256 } from './importer-crypto';
export {
  SKIP_REASONS,
  entryTitle,
  migrationSkipped,
  skipReasonOf,
  type SkipReason,
} from './importer-skip-reasons';
export {
  decodeUtf8,
  isObject,
  looksLikeText,
  parseJsonBytes,
  type JsonObject,
} from './importer-text';

/**
 * Helpers shared by the Aegis, andOTP and 2FAS importers: strict text/JSON/hex/base64 decoding,
 * WebCrypto AES-GCM and PBKDF2, and `EntryList`, which turns each exported entry into an
 * account or a `SkippedEntry` (never dropping one). Pure: no browser APIs but
 * `globalThis.crypto.subtle`, present in extension pages, the service worker and Node 20.
 * This file re-exports them from one module per concept and keeps {@link requirePassword}.
 */

/** Throws `password-required` for a missing or empty password; returns it otherwise. */
export function requirePassword(password: string | undefined, format: string): string {
  if (password === undefined || password === '') throw new BackupError('password-required', format);
  return password;
}

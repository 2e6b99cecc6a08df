import { BackupError } from './types';

export { EntryList, numberField, textField } from './entry-list';
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
 * Helpers shared by the Aegis, andOTP and 2FAS importers: strict text/JSON decoding and
 * `EntryList`, which turns each exported entry into an account or a `SkippedEntry` (never
 * dropping one); their crypto is in `lib/crypto`. This file re-exports them from one module per
 * concept and keeps {@link requirePassword}.
 */

/** Throws `password-required` for a missing or empty password; returns it otherwise. */
export function requirePassword(password: string | undefined, format: string): string {
  if (password === undefined || password === '') throw new BackupError('password-required', format);
  return password;
}

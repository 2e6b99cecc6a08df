import { accountTitle } from '../account-title';
import type { OtpError } from '../otp/errors';
import { MAX_LABEL_LENGTH } from '../otp/fields';
import type { MigrationSkipReason, SkippedAccount } from '../otp/migration/types';
import type { SkippedEntry } from './types';

/**
 * Why an entry is not imported, and the title it is listed under: shared by every importer so
 * the user sees the same reasons whatever the source.
 */

/** Reasons an entry is not imported; i18n keys in `_locales/{ja,en}/messages.json`. */
export const SKIP_REASONS = {
  type: 'import_skipped_unsupported_type',
  algorithm: 'import_skipped_unsupported_algorithm',
  digits: 'import_skipped_unsupported_digits',
  invalid: 'import_skipped_invalid_account',
} as const;

export type SkipReason = (typeof SKIP_REASONS)[keyof typeof SKIP_REASONS];

/** The skip reason of an account a Google Authenticator export holds but we cannot import. */
const MIGRATION_SKIP_REASONS: Readonly<Record<MigrationSkipReason, SkipReason>> = {
  'unsupported-type': SKIP_REASONS.type,
  'unsupported-algorithm': SKIP_REASONS.algorithm,
  'unsupported-digits': SKIP_REASONS.digits,
  'invalid-account': SKIP_REASONS.invalid,
};

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
 * A Google export's skipped account as every other source lists it: the precise problem when
 * the export says which (`error`), else the reason's key.
 */
export function migrationSkipped(skipped: SkippedAccount): SkippedEntry {
  return { title: skipped.title, reason: skipped.error ?? MIGRATION_SKIP_REASONS[skipped.reason] };
}

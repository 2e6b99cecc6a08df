import { INT32_MAX, INT32_MIN, base64Encode } from '@bufbuild/protobuf/wire';
import type { AccountData } from '../types';
import { fromAccount } from './convert';
import { MAX_MIGRATION_BATCHES } from './parse';
import { encodePayload } from './payload';

/** Accounts per QR code in a Google Authenticator export. */
const MIGRATION_ACCOUNTS_PER_BATCH = 10;

/** Options of {@link encodeMigrationUris}. */
interface MigrationEncodeOptions {
  /** The int32 shared by the QR codes of this export (pick it at random). */
  batchId: number;
  /** Accounts per QR code (default {@link MIGRATION_ACCOUNTS_PER_BATCH}). */
  batchSize?: number;
}

/**
 * Writes accounts as Google Authenticator export QR texts (`otpauth-migration://offline?data=`
 * with percent-encoded standard base64), one per `batchSize` accounts, with `version` 1,
 * `batch_size` the number of QR codes and `batch_index` 0, 1, …; none for no accounts.
 * TOTP and HOTP (with its counter), 6 or 8 digits, SHA1/256/512; the name is written
 * `Issuer:account` as Google Authenticator does. {@link parseMigrationUri} reads them back to
 * the same accounts (sites are not exported).
 *
 * Throws {@link OtpError} `digits`/`period` `out-of-range` for an account the format cannot
 * hold (check with `migrationIncompatibility` first), and `RangeError` for bad options.
 * @see https://github.com/google/google-authenticator-android/issues/118
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function encodeMigrationUris(
  accounts: readonly AccountData[],
  { batchId, batchSize = MIGRATION_ACCOUNTS_PER_BATCH }: MigrationEncodeOptions,
): string[] {
  if (!Number.isInteger(batchId) || batchId < INT32_MIN || batchId > INT32_MAX) {
    throw new RangeError('batchId must be a 32-bit integer');
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError('batchSize must be a positive integer');
  }
  const params = accounts.map(fromAccount);
  const count = Math.ceil(params.length / batchSize);
  if (count > MAX_MIGRATION_BATCHES) throw new RangeError('too many accounts for one export');
  return Array.from({ length: count }, (_, batchIndex) => {
    const bytes = encodePayload({
      otpParameters: params.slice(batchIndex * batchSize, (batchIndex + 1) * batchSize),
      version: 1,
      batchSize: count,
      batchIndex,
      batchId,
    });
    return `otpauth-migration://offline?data=${encodeURIComponent(base64Encode(bytes))}`;
  });
}

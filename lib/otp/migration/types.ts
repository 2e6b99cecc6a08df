import type { OtpErrorKey } from '../errors';
import type { AccountData } from '../types';

/**
 * Why an account of an export was not imported. It is listed, never silently dropped:
 * - `unsupported-algorithm`: MD5 or an algorithm code this app does not know;
 * - `unsupported-type`: an OTP type code other than TOTP/HOTP;
 * - `unsupported-digits`: a digit-count code other than six or eight;
 * - `invalid-account`: the values do not make an account (empty key, name too long, counter
 *   beyond 2^53 − 1…); `error` then says which.
 */
export type MigrationSkipReason =
  'unsupported-algorithm' | 'unsupported-type' | 'unsupported-digits' | 'invalid-account';

/** An account of an export that was not imported. Never holds the secret. */
export interface SkippedAccount {
  /** `Issuer (name)`, the issuer or the name alone, for the user to recognise the account. */
  title: string;
  reason: MigrationSkipReason;
  /** For `invalid-account`: the message key of the first problem found. */
  error?: OtpErrorKey;
}

/**
 * One Google Authenticator export QR code, decoded. An export of many accounts is split into
 * several QR codes sharing `batchId` (see `MigrationCollector`).
 */
export interface MigrationBatch {
  /** Random id shared by the QR codes of one export (int32; often negative). */
  batchId: number;
  /** 0-based position of this QR code in the export. */
  batchIndex: number;
  /** Number of QR codes in the export (at least 1). */
  batchSize: number;
  /** Checked accounts, in export order, with no sites. */
  accounts: AccountData[];
  skipped: SkippedAccount[];
}

/** Where a multi-QR import stands after a batch was added. Batch numbers are 1-based. */
export interface MigrationProgress {
  batchId: number;
  batchSize: number;
  /** True when every batch of the export has been received. */
  complete: boolean;
  /** Batch numbers received so far, ascending. */
  received: number[];
  /** Batch numbers still to scan, ascending. */
  missing: number[];
  /** True when the batch just added had been received before (scanned twice). */
  duplicate: boolean;
}

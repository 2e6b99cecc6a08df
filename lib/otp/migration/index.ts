/**
 * Google Authenticator exports (`otpauth-migration://offline?data=…`): reading a QR code's
 * text into accounts, joining the QR codes of one export, and writing accounts back as export
 * QR texts. Pure functions over `@bufbuild/protobuf`'s wire format; nothing touches the browser.
 * @see https://github.com/google/google-authenticator-android/issues/118
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export { MigrationCollector } from './collector';
export { migrationIncompatibility } from './convert';
export {
  MIGRATION_ACCOUNTS_PER_BATCH,
  encodeMigrationUris,
  type MigrationEncodeOptions,
} from './encode';
export { MAX_MIGRATION_BATCHES, parseMigrationUri } from './parse';
export type {
  MigrationBatch,
  MigrationProgress,
  MigrationSkipReason,
  SkippedAccount,
} from './types';

import { aad } from '../crypto/aes-gcm';
import { BackupError } from '../import/types';

/**
 * Constants of PC Authenticator's own encrypted backup file (see `pc-backup.ts` for the
 * layout), the additional data that binds a file to its version, and the `corrupt` error.
 */

/** The `format` field of the file. */
export const PC_BACKUP_FILE_FORMAT = 'pc-authenticator-backup';
/** The `format` of the {@link ImportedEntries} it gives. */
export const PC_BACKUP_FORMAT = 'pc-authenticator';
/** The only file version this build writes and reads. */
export const PC_BACKUP_VERSION = 1;
/** The `cipher.algorithm` field of the file. */
export const PC_BACKUP_CIPHER = 'AES-256-GCM';
/** Suggested file name extension. */
export const PC_BACKUP_EXTENSION = '.pcauth.json';

/** GCM authentication tag length in bytes (128 bits). */
export const PC_BACKUP_TAG_BYTES = 16;

/** The AES-GCM additional data for a file of `version`: `pc-authenticator-backup/<version>`. */
export function backupAdditionalData(version: number): Uint8Array<ArrayBuffer> {
  return aad(`${PC_BACKUP_FILE_FORMAT}/${version}`);
}

/** A fresh `corrupt` {@link BackupError} for our format. */
export function corruptBackup(): BackupError {
  return new BackupError('corrupt', PC_BACKUP_FORMAT);
}

import { GCM_IV_BYTES } from '../crypto/aes-gcm';
import { decodeBase64Strict } from '../crypto/base64';
import { KdfParamsError, parseKdfParams, type KdfParams } from '../crypto/kdf-params';
import { isObject } from '../import/importer-kit';
import {
  PC_BACKUP_CIPHER,
  PC_BACKUP_FILE_FORMAT,
  PC_BACKUP_FORMAT,
  PC_BACKUP_TAG_BYTES,
  PC_BACKUP_VERSION,
  corruptBackup as corrupt,
} from './pc-backup-format';
import { BackupError } from '../import/types';

/** The checked plaintext header of a backup: everything needed to try a password. */
export interface BackupEnvelope {
  version: number;
  createdAt: string;
  kdf: KdfParams;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** True when the JSON value claims to be one of our backups (any version). */
export function isPcBackup(value: unknown): boolean {
  return isObject(value) && value.format === PC_BACKUP_FILE_FORMAT;
}

/**
 * Reads and checks the header of a backup file without running Argon2. Throws
 * {@link BackupError}: `unsupported-format` (not our backup), `unsupported-version` (a newer
 * version, KDF or cipher), `corrupt` (anything malformed).
 */
export function parseBackupEnvelope(text: string): BackupEnvelope {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw corrupt();
  }
  if (!isObject(root)) throw corrupt();
  if (root.format !== PC_BACKUP_FILE_FORMAT) {
    throw new BackupError('unsupported-format');
  }
  const { version, createdAt, cipher } = root;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) throw corrupt();
  if (version !== PC_BACKUP_VERSION) throw new BackupError('unsupported-version', PC_BACKUP_FORMAT);
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw corrupt();
  let kdf: KdfParams;
  try {
    kdf = parseKdfParams(root.kdf);
  } catch (err) {
    if (
      err instanceof KdfParamsError &&
      err.reason === 'unsupported-algorithm' &&
      isObject(root.kdf)
    ) {
      throw new BackupError('unsupported-version', PC_BACKUP_FORMAT);
    }
    // Refused before the password is even asked: no Argon2 run over the caps.
    if (err instanceof KdfParamsError && err.reason === 'too-costly') {
      throw new BackupError('too-costly', PC_BACKUP_FORMAT);
    }
    throw corrupt();
  }
  if (!isObject(cipher)) throw corrupt();
  if (cipher.algorithm !== PC_BACKUP_CIPHER) {
    throw typeof cipher.algorithm === 'string'
      ? new BackupError('unsupported-version', PC_BACKUP_FORMAT)
      : corrupt();
  }
  let iv: Uint8Array<ArrayBuffer>;
  let data: Uint8Array<ArrayBuffer>;
  try {
    iv = decodeBase64Strict(cipher.iv, 'cipher.iv');
    data = decodeBase64Strict(root.data, 'data');
  } catch {
    throw corrupt();
  }
  if (iv.length !== GCM_IV_BYTES || data.length < PC_BACKUP_TAG_BYTES) throw corrupt();
  return { version, createdAt, kdf, iv, data };
}

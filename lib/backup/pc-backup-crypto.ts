import { openBytes, seal } from '../crypto/aes-gcm';
import { deriveAesKey } from '../crypto/argon2id';
import type { KdfParams } from '../crypto/kdf-params';
import type { BackupEnvelope } from './pc-backup-envelope';
import {
  PC_BACKUP_FORMAT,
  PC_BACKUP_VERSION,
  backupAdditionalData,
  corruptBackup,
} from './pc-backup-format';
import { BackupError } from '../import/types';

/**
 * The backup's encryption: AES-256-GCM under the Argon2id hash of the backup password, with
 * {@link backupAdditionalData} of the file version (`deriveAesKey` zeroes the key bytes as soon
 * as they are imported).
 */

/**
 * Encrypts `plaintext` for a current-version file; zeroes `plaintext` once it is sealed (also
 * when sealing fails after the key was derived).
 */
export async function sealBackup(
  crypto: Crypto,
  password: string,
  kdf: KdfParams,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<{ iv: string; ciphertext: string }> {
  try {
    const key = await deriveAesKey(crypto, password, kdf);
    return await seal(crypto, key, plaintext, backupAdditionalData(PC_BACKUP_VERSION));
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Decrypts the `data` of a checked envelope. Throws {@link BackupError}: `corrupt` when Argon2
 * rejects the parameters, `wrong-password` when the tag does not verify. The caller zeroes the
 * returned plaintext.
 */
export async function openBackup(
  crypto: Crypto,
  password: string,
  envelope: BackupEnvelope,
): Promise<Uint8Array<ArrayBuffer>> {
  let key: CryptoKey;
  try {
    key = await deriveAesKey(crypto, password, envelope.kdf);
  } catch {
    throw corruptBackup();
  }
  try {
    const additionalData = backupAdditionalData(envelope.version);
    return await openBytes(crypto, key, envelope.iv, envelope.data, additionalData);
  } catch {
    throw new BackupError('wrong-password', PC_BACKUP_FORMAT);
  }
}

import { importAesKey, seal } from '../vault/aes-gcm';
import { argon2idBytes, type KdfParams } from '../vault/kdf';
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
 * {@link backupAdditionalData} of the file version. Key bytes are zeroed as soon as they are
 * imported.
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
  const raw = await argon2idBytes(password, kdf);
  try {
    const key = await importAesKey(crypto, raw);
    return await seal(crypto, key, plaintext, backupAdditionalData(PC_BACKUP_VERSION));
  } finally {
    raw.fill(0);
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
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await argon2idBytes(password, envelope.kdf);
  } catch {
    throw corruptBackup();
  }
  try {
    const key = await importAesKey(crypto, raw);
    return new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: envelope.iv,
          additionalData: backupAdditionalData(envelope.version),
        },
        key,
        envelope.data,
      ),
    );
  } catch {
    throw new BackupError('wrong-password', PC_BACKUP_FORMAT);
  } finally {
    raw.fill(0);
  }
}

import { newKdfParams, type KdfCost } from '../crypto/kdf-params';
import type { AccountData } from '../otp/types';
import { decodeUtf8, parseJsonBytes, requirePassword } from '../import/importer-kit';
import { isPcBackup, parseBackupEnvelope } from './pc-backup-envelope';
import { openBackup, sealBackup } from './pc-backup-crypto';
import {
  PC_BACKUP_CIPHER,
  PC_BACKUP_FILE_FORMAT,
  PC_BACKUP_FORMAT,
  PC_BACKUP_VERSION,
  corruptBackup,
} from './pc-backup-format';
import { readBackupPayload, toBackupPayload } from './pc-backup-payload';
import {
  BackupError,
  type ImportInput,
  type ImportedEntries,
  type Importer,
} from '../import/types';

export {
  PC_BACKUP_CIPHER,
  PC_BACKUP_EXTENSION,
  PC_BACKUP_FILE_FORMAT,
  PC_BACKUP_FORMAT,
  PC_BACKUP_VERSION,
} from './pc-backup-format';
export { isPcBackup, parseBackupEnvelope, type BackupEnvelope } from './pc-backup-envelope';
export { readBackupPayload, type BackupAccount } from './pc-backup-payload';

/**
 * PC Authenticator's own encrypted backup: one versioned JSON file,
 *
 * ```json
 * { "format": "pc-authenticator-backup", "version": 1, "createdAt": "2026-…Z",
 *   "kdf": { "algorithm": "argon2id", "memoryKiB": 65536, "iterations": 3, "parallelism": 1,
 *            "salt": "<b64, 16 bytes>" },
 *   "cipher": { "algorithm": "AES-256-GCM", "iv": "<b64, 12 bytes>" },
 *   "data": "<b64 of ciphertext ‖ 16-byte tag>" }
 * ```
 *
 * `data` decrypts to UTF-8 JSON `{ "accounts": [{ issuer, name, secret, type, algorithm, digits,
 * period, counter, sites, order, deviceName?, pinned?, recoveryCodes?: [{ code, used }] }] }`. The key is Argon2id of the backup
 * password (NFC; it may differ from the vault's) with the vault's default cost; the additional data is
 * `pc-authenticator-backup/1`, so the file cannot be passed off as another version. Everything
 * about the accounts is inside the ciphertext; the plaintext header holds only the date and
 * the parameters needed to decrypt.
 *
 * The pieces: `pc-backup-format` (constants), `pc-backup-envelope` (the plaintext header),
 * `pc-backup-crypto` (derive, seal, open), `pc-backup-payload` (accounts in and out).
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GCM)
 */

/** Options of {@link createBackup}. */
interface CreateBackupOptions {
  /** The time written as `createdAt` (milliseconds since the epoch). */
  now: number;
  crypto: Crypto;
  /** Argon2id cost over the vault's default (tests pass a cheap one). */
  kdfCost?: Partial<KdfCost>;
}

/**
 * Encrypts `accounts` (in this order) with `password` into the text of a backup file.
 * Throws `TypeError` for an empty password and `RangeError` for a cost outside the vault's
 * Argon2 bounds.
 */
export async function createBackup(
  accounts: readonly AccountData[],
  password: string,
  { now, crypto, kdfCost = {} }: CreateBackupOptions,
): Promise<string> {
  if (typeof password !== 'string' || password === '') {
    throw new TypeError('backup password must not be empty');
  }
  const createdAt = new Date(now).toISOString();
  const kdf = newKdfParams(crypto, kdfCost);
  const plaintext = new TextEncoder().encode(JSON.stringify(toBackupPayload(accounts)));
  const box = await sealBackup(crypto, password, kdf, plaintext);
  const file = {
    format: PC_BACKUP_FILE_FORMAT,
    version: PC_BACKUP_VERSION,
    createdAt,
    kdf: {
      algorithm: kdf.algorithm,
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      salt: kdf.salt,
    },
    cipher: { algorithm: PC_BACKUP_CIPHER, iv: box.iv },
    data: box.ciphertext,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Options of {@link readBackup}. */
interface ReadBackupOptions {
  crypto: Crypto;
}

/**
 * Decrypts a backup file made by {@link createBackup}. Throws {@link BackupError}:
 * `password-required` (empty password), `wrong-password` (the tag does not verify: a wrong
 * password or a modified file), `unsupported-version`, `unsupported-format`, `corrupt`.
 */
export async function readBackup(
  text: string,
  password: string,
  { crypto }: ReadBackupOptions,
): Promise<ImportedEntries> {
  const envelope = parseBackupEnvelope(text);
  if (typeof password !== 'string' || password === '') {
    throw new BackupError('password-required', PC_BACKUP_FORMAT);
  }
  const plaintext = await openBackup(crypto, password, envelope);
  try {
    return readBackupPayload(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** The importer for our own backups, detected by the `format` field. */
export function pcBackupImporter(crypto: Crypto = globalThis.crypto): Importer {
  return {
    format: PC_BACKUP_FORMAT,
    password: 'always',
    detect: (input: ImportInput) => isPcBackup(parseJsonBytes(input.bytes)?.value),
    async read(input: ImportInput, password?: string): Promise<ImportedEntries> {
      const text = decodeUtf8(input.bytes);
      if (text === undefined) throw corruptBackup();
      parseBackupEnvelope(text);
      return readBackup(text, requirePassword(password, PC_BACKUP_FORMAT), { crypto });
    },
  };
}

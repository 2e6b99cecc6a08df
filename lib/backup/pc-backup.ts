import { validateAccountData } from '../otp/account';
import { isOtpError } from '../otp/errors';
import { IMPORT_LIMITS } from '../otp/fields';
import type { AccountData } from '../otp/types';
import { aad, GCM_IV_BYTES, importAesKey, seal } from '../vault/aes-gcm';
import { base64ToBytes } from '../vault/base64';
import { VaultError } from '../vault/errors';
import {
  argon2idBytes,
  newKdfParams,
  parseKdfParams,
  type KdfCost,
  type KdfParams,
} from '../vault/kdf';
import {
  SKIP_REASONS,
  decodeUtf8,
  entryTitle,
  isObject,
  parseJsonBytes,
  requirePassword,
  skipReasonOf,
} from './importer-kit';
import {
  BackupError,
  type ImportInput,
  type ImportedEntries,
  type Importer,
  type SkippedEntry,
} from './types';

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
 * period, counter, sites, order, deviceName?, pinned? }] }`. The key is Argon2id of the backup
 * password (NFC; it may differ from the vault's) with the vault's default cost; the additional data is
 * `pc-authenticator-backup/1`, so the file cannot be passed off as another version. Everything
 * about the accounts is inside the ciphertext; the plaintext header holds only the date and
 * the parameters needed to decrypt.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GCM)
 */

/** The `format` field of the file. */
export const PC_BACKUP_FILE_FORMAT = 'pc-authenticator-backup';
/** The `format` of the {@link ImportedEntries} it gives. */
export const PC_BACKUP_FORMAT = 'pc-authenticator';
export const PC_BACKUP_VERSION = 1;
export const PC_BACKUP_CIPHER = 'AES-256-GCM';
/** Suggested file name extension. */
export const PC_BACKUP_EXTENSION = '.pcauth.json';

const GCM_TAG_BYTES = 16;

function additionalData(version: number): Uint8Array<ArrayBuffer> {
  return aad(`${PC_BACKUP_FILE_FORMAT}/${version}`);
}

/** One account as stored inside the encrypted payload. */
export interface BackupAccount {
  issuer: string;
  name: string;
  secret: string;
  type: AccountData['type'];
  algorithm: AccountData['algorithm'];
  digits: number;
  period: number;
  counter: number;
  sites: string[];
  /** 0-based position in the user's list. */
  order: number;
  deviceName?: string;
  /** Shown at the top of the list. */
  pinned?: boolean;
}

export interface CreateBackupOptions {
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
  const payload = {
    accounts: accounts.map((a, order): BackupAccount => ({
      issuer: a.issuer,
      name: a.name,
      secret: a.secret,
      type: a.type,
      algorithm: a.algorithm,
      digits: a.digits,
      period: a.period,
      counter: a.counter,
      sites: [...a.sites],
      order,
      ...(a.deviceName !== undefined ? { deviceName: a.deviceName } : {}),
      ...(a.pinned === true ? { pinned: true } : {}),
    })),
  };
  const plaintext = new TextEncoder().encode(JSON.stringify(payload));
  const raw = await argon2idBytes(password, kdf);
  let box: { iv: string; ciphertext: string };
  try {
    const key = await importAesKey(crypto, raw);
    box = await seal(crypto, key, plaintext, additionalData(PC_BACKUP_VERSION));
  } finally {
    raw.fill(0);
    plaintext.fill(0);
  }
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

/** The checked plaintext header of a backup: everything needed to try a password. */
export interface BackupEnvelope {
  version: number;
  createdAt: string;
  kdf: KdfParams;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

function corrupt(): BackupError {
  return new BackupError('corrupt', PC_BACKUP_FORMAT);
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
    if (err instanceof VaultError && err.code === 'unsupported-kdf' && isObject(root.kdf)) {
      throw new BackupError('unsupported-version', PC_BACKUP_FORMAT);
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
    iv = base64ToBytes(cipher.iv, 'cipher.iv');
    data = base64ToBytes(root.data, 'data');
  } catch {
    throw corrupt();
  }
  if (iv.length !== GCM_IV_BYTES || data.length < GCM_TAG_BYTES) throw corrupt();
  return { version, createdAt, kdf, iv, data };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Reads the decrypted payload into accounts, sorted by `order` (ties keep file order). An
 * entry that is not a valid account is listed in `skipped`. Throws `corrupt` when the
 * payload itself is malformed.
 */
export function readBackupPayload(plaintext: Uint8Array): ImportedEntries {
  const text = decodeUtf8(plaintext);
  let root: unknown;
  try {
    root = text === undefined ? undefined : JSON.parse(text);
  } catch {
    root = undefined;
  }
  if (!isObject(root) || !Array.isArray(root.accounts)) throw corrupt();
  const entries = root.accounts.map((entry: unknown, position) => ({
    entry,
    position,
    order:
      isObject(entry) && typeof entry.order === 'number' && Number.isFinite(entry.order)
        ? entry.order
        : position,
  }));
  entries.sort((a, b) => a.order - b.order || a.position - b.position);

  const accounts: AccountData[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { entry, position } of entries) {
    const e = isObject(entry) ? entry : {};
    const title = entryTitle(e.issuer, e.name, position);
    const { type, issuer, name, secret, algorithm, digits, period, counter, sites } = e;
    if (
      typeof type !== 'string' ||
      typeof issuer !== 'string' ||
      typeof name !== 'string' ||
      typeof secret !== 'string' ||
      typeof algorithm !== 'string' ||
      typeof digits !== 'number' ||
      typeof period !== 'number' ||
      typeof counter !== 'number' ||
      !isStringArray(sites) ||
      (e.deviceName !== undefined && typeof e.deviceName !== 'string') ||
      (e.pinned !== undefined && typeof e.pinned !== 'boolean')
    ) {
      skipped.push({ title, reason: SKIP_REASONS.invalid });
      continue;
    }
    try {
      const account = validateAccountData(
        { type, issuer, name, secret, algorithm, digits, period, counter, sites },
        IMPORT_LIMITS,
      );
      accounts.push({
        ...account,
        ...(typeof e.deviceName === 'string' ? { deviceName: e.deviceName } : {}),
        ...(e.pinned === true ? { pinned: true } : {}),
      });
    } catch (err) {
      if (!isOtpError(err)) throw err;
      skipped.push({ title, reason: skipReasonOf(err) });
    }
  }
  return { format: PC_BACKUP_FORMAT, accounts, skipped };
}

export interface ReadBackupOptions {
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
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await argon2idBytes(password, envelope.kdf);
  } catch {
    throw corrupt();
  }
  let plaintext: Uint8Array<ArrayBuffer>;
  try {
    const key = await importAesKey(crypto, raw);
    plaintext = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: envelope.iv, additionalData: additionalData(envelope.version) },
        key,
        envelope.data,
      ),
    );
  } catch {
    throw new BackupError('wrong-password', PC_BACKUP_FORMAT);
  } finally {
    raw.fill(0);
  }
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
    detect: (input: ImportInput) => isPcBackup(parseJsonBytes(input.bytes)?.value),
    async read(input: ImportInput, password?: string): Promise<ImportedEntries> {
      const text = decodeUtf8(input.bytes);
      if (text === undefined) throw corrupt();
      parseBackupEnvelope(text);
      return readBackup(text, requirePassword(password, PC_BACKUP_FORMAT), { crypto });
    },
  };
}

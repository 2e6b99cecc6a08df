import { parseArgon2idPhc, verifyArgon2idPhc } from '../crypto/argon2-phc';
import { argon2idRaw } from '../crypto/argon2id';
import { bytesToBase64NoPad } from '../crypto/base64';
import { openSslDecrypt, openSslDecryptText } from '../crypto/openssl-aes';
import { encodeBase32 } from '../otp/base32';
import {
  EntryList,
  SKIP_REASONS,
  entryTitle,
  isObject,
  numberField,
  parseJsonBytes,
  requirePassword,
  textField,
  type JsonObject,
} from './importer-kit';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * Backups of the "Authenticator" browser extension (github.com/Authenticator-Extension,
 * v7/v8): a JSON object of storage records keyed by entry hash. Three ways of protecting them
 * are read, all CryptoJS passphrase AES (see `lib/crypto/openssl-aes.ts`):
 * - v8 whole-record: `{dataType: "EncOTPStorage", keyId, data, index}` records plus
 *   `{dataType: "Key", id, salt, hash}`; passphrase = unpadded base64 of
 *   Argon2id(password, salt as UTF-8, t=2, m=19456 KiB, p=1, 32 bytes), checked against the
 *   Key's PHC `hash`;
 * - v2 wrapped key (≤ v7): records with `encrypted: true`, root `key: {enc, hash}` (or root
 *   `enc`/`hash`); data key = lowercase hex of CryptoJS-AES-decrypt(enc, password), checked
 *   against the Argon2id PHC `hash`, and each `secret` decrypts with that hex string;
 * - v1 direct: `encrypted: true` records whose `secret` decrypts with the password itself
 *   (no verifier: a password that opens no secret is reported as wrong).
 * The plain `authenticator.txt` export is a list of `otpauth://` lines (`otpauth-text.ts`).
 */

export const AUTHENTICATOR_EXT_FORMAT = 'authenticator-extension';

/** Argon2id cost of the v8 `Key` derivation (src/argon.ts upstream). */
const V8_KEY_COST = Object.freeze({ memoryKiB: 19456, iterations: 2, parallelism: 1 });
const V8_KEY_BYTES = 32;

/** Root members that are not entries: the v2 wrapped key (`key`, or `enc`/`hash`: bug #557). */
function isRootKeyMember(name: string, value: unknown): boolean {
  if (name === 'key') return isObject(value) || value === null;
  return (name === 'enc' || name === 'hash') && typeof value === 'string';
}

function isEntryLike(value: unknown): boolean {
  return (
    isObject(value) &&
    (typeof value.secret === 'string' ||
      value.dataType === 'EncOTPStorage' ||
      value.dataType === 'OTPStorage')
  );
}

/** True for a JSON value shaped as this extension's backup: an object of records. */
export function isAuthenticatorExtBackup(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  let entries = 0;
  for (const [name, member] of Object.entries(value)) {
    if (isRootKeyMember(name, member)) continue;
    if (!isObject(member)) return false;
    if (isEntryLike(member)) entries += 1;
  }
  return entries > 0;
}

interface RecordAt {
  id: string;
  value: JsonObject;
  /** Position in the file, for stable ordering and `#n` titles. */
  position: number;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A hex secret (types `hex`/`hhex`) as Base32, `''` when it is not hex. An odd-length key is
 * evened the way the extension's code generator does: a trailing `0` is dropped, otherwise a
 * `0` is appended.
 */
export function hexSecretToBase32(secret: string): string {
  let hex = secret.replace(/\s/g, '');
  if (!/^[0-9a-f]*$/i.test(hex)) return ''; // not hex: an empty key, rejected as invalid
  if (hex.length % 2 === 1) hex = hex.endsWith('0') ? hex.slice(0, -1) : `${hex}0`;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes.length === 0 ? '' : encodeBase32(bytes);
}

function indexOf(record: JsonObject): number {
  return typeof record.index === 'number' && Number.isFinite(record.index) ? record.index : 0;
}

/** One decrypted storage record (`RawOTPStorage`) into the list. */
function addStorage(list: EntryList, storage: JsonObject, position: number): void {
  const title = entryTitle(storage.issuer, storage.account, position);
  if (typeof storage.secret !== 'string' || storage.secret === '') {
    list.skip(title, SKIP_REASONS.invalid);
    return;
  }
  let secret = storage.secret;
  let type = typeof storage.type === 'string' && storage.type !== '' ? storage.type : 'totp';
  // Records from before v5 kept Steam and Battle.net as `totp` with a prefixed secret.
  if (/^(blz-|bliz-)/.test(secret)) type = 'battle';
  else if (/^stm-/.test(secret)) type = 'steam';
  const base32ish = /^[a-z2-7]+=*$/i.test(secret);
  const hexish = /^[0-9a-f]+$/i.test(secret);
  if (!base32ish && hexish && type === 'totp') type = 'hex';
  if (!base32ish && hexish && type === 'hotp') type = 'hhex';
  if (type === 'hex' || type === 'hhex') {
    secret = hexSecretToBase32(secret);
    type = type === 'hex' ? 'totp' : 'hotp';
  }
  if (type !== 'totp' && type !== 'hotp') {
    list.skip(title, SKIP_REASONS.type);
    return;
  }
  list.add(title, () => {
    const period = numberField(storage.period);
    const counter = numberField(storage.counter);
    return {
      type,
      issuer: textField(storage.issuer) ?? '',
      name: textField(storage.account) ?? '',
      secret,
      algorithm: textField(storage.algorithm),
      digits: numberField(storage.digits),
      // The extension replaces a zero or negative period by the default 30 s.
      period: typeof period === 'number' && !(period > 0) ? undefined : period,
      counter,
    };
  });
}

/** The passphrase a v8 `Key` record yields for `password`, or `undefined` when it is wrong. */
async function unlockV8Key(key: JsonObject, password: string): Promise<string | undefined> {
  const phc = parseArgon2idPhc(key.hash);
  const salt = typeof key.salt === 'string' ? new TextEncoder().encode(key.salt) : undefined;
  if (phc === undefined || salt === undefined || salt.length < 8 || salt.length > 1024) {
    throw new BackupError('corrupt', AUTHENTICATOR_EXT_FORMAT);
  }
  const raw = await argon2idRaw(password, salt, V8_KEY_COST, V8_KEY_BYTES);
  const passphrase = bytesToBase64NoPad(raw);
  raw.fill(0);
  return (await verifyArgon2idPhc(passphrase, phc)) ? passphrase : undefined;
}

/**
 * The v2 data key (hex text) for `password`, or `undefined` when the password is wrong.
 * `verified` says whether the Argon2id verifier confirmed it.
 */
async function unlockV2Key(
  crypto: Crypto,
  enc: unknown,
  hash: unknown,
  password: string,
): Promise<{ passphrase: string; verified: boolean } | undefined> {
  if (typeof enc !== 'string') throw new BackupError('corrupt', AUTHENTICATOR_EXT_FORMAT);
  const bytes = await openSslDecrypt(crypto, enc, password);
  if (bytes === undefined || bytes.length === 0) return undefined;
  const passphrase = toHex(bytes);
  bytes.fill(0);
  const phc = parseArgon2idPhc(hash);
  if (phc === undefined) return { passphrase, verified: false };
  return (await verifyArgon2idPhc(passphrase, phc)) ? { passphrase, verified: true } : undefined;
}

/**
 * Reads a parsed backup. Throws {@link BackupError}: `password-required` when a record is
 * encrypted and no password was given, `wrong-password`, `corrupt`.
 */
export async function readAuthenticatorExtBackup(
  root: JsonObject,
  password: string | undefined,
  crypto: Crypto,
): Promise<ImportedEntries> {
  const format = AUTHENTICATOR_EXT_FORMAT;
  const records: RecordAt[] = [];
  const keys = new Map<string, JsonObject>();
  let position = 0;
  for (const [id, value] of Object.entries(root)) {
    if (isRootKeyMember(id, value) || !isObject(value)) continue;
    if (value.dataType === 'Key') {
      if (typeof value.id === 'string') keys.set(value.id, value);
      continue;
    }
    if (value.dataType === 'Group') continue;
    records.push({ id, value, position });
    position += 1;
  }
  // The extension shows entries by `index`; equal indexes keep file order (stable sort).
  records.sort((a, b) => indexOf(a.value) - indexOf(b.value) || a.position - b.position);

  const wholeRecord = records.some((r) => r.value.dataType === 'EncOTPStorage');
  const secretsEncrypted = records.some(
    (r) => r.value.dataType !== 'EncOTPStorage' && r.value.encrypted === true,
  );
  const pass = wholeRecord || secretsEncrypted ? requirePassword(password, format) : '';

  // v8: one passphrase per Key, derived only for keys that entries use.
  const passphrases = new Map<string, string | undefined>();
  if (wholeRecord) {
    for (const record of records) {
      const keyId = record.value.keyId;
      if (record.value.dataType !== 'EncOTPStorage' || typeof keyId !== 'string') continue;
      if (passphrases.has(keyId)) continue;
      const key = keys.get(keyId);
      passphrases.set(keyId, key === undefined ? undefined : await unlockV8Key(key, pass));
    }
    const unlocked = [...passphrases.values()].some((p) => p !== undefined);
    const anyKey = [...passphrases.keys()].some((id) => keys.has(id));
    if (!unlocked) throw new BackupError(anyKey ? 'wrong-password' : 'corrupt', format);
  }

  // v2/v1: `encrypted: true` secrets open with the wrapped data key, else with the password.
  let secretPassphrase = pass;
  let secretPassphraseVerified = false;
  if (secretsEncrypted) {
    const wrapped = isObject(root.key) ? root.key : typeof root.enc === 'string' ? root : undefined;
    if (wrapped !== undefined) {
      const unlocked = await unlockV2Key(crypto, wrapped.enc, wrapped.hash, pass);
      if (unlocked === undefined) throw new BackupError('wrong-password', format);
      secretPassphrase = unlocked.passphrase;
      secretPassphraseVerified = unlocked.verified;
    }
  }

  const list = new EntryList();
  let secretsOpened = 0;
  let secretsFailed = 0;
  for (const { value, position: at } of records) {
    if (value.dataType === 'EncOTPStorage') {
      const passphrase = typeof value.keyId === 'string' ? passphrases.get(value.keyId) : undefined;
      const inner =
        passphrase === undefined
          ? undefined
          : await openSslDecryptText(crypto, value.data, passphrase);
      const storage = inner === undefined ? undefined : parseObject(inner);
      if (storage === undefined) list.skip(`#${at + 1}`, SKIP_REASONS.invalid);
      else addStorage(list, { ...storage, index: value.index }, at);
      continue;
    }
    if (value.encrypted === true) {
      const secret = await openSslDecryptText(crypto, value.secret, secretPassphrase);
      if (secret === undefined || secret === '') {
        secretsFailed += 1;
        list.skip(entryTitle(value.issuer, value.account, at), SKIP_REASONS.invalid);
        continue;
      }
      secretsOpened += 1;
      addStorage(list, { ...value, secret }, at);
      continue;
    }
    addStorage(list, value, at);
  }
  // v1 has no verifier: a password that opens none of the secrets is the wrong one.
  if (secretsFailed > 0 && secretsOpened === 0 && !secretPassphraseVerified) {
    throw new BackupError('wrong-password', format);
  }
  return list.result(format);
}

function parseObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The importer, detecting the record-object shape (`.json` exports and old `.txt` JSON). */
export function authenticatorExtImporter(crypto: Crypto = globalThis.crypto): Importer {
  return {
    format: AUTHENTICATOR_EXT_FORMAT,
    password: 'if-encrypted',
    detect: (input: ImportInput) => isAuthenticatorExtBackup(parseJsonBytes(input.bytes)?.value),
    async read(input: ImportInput, password?: string) {
      const root = parseJsonBytes(input.bytes)?.value;
      if (!isAuthenticatorExtBackup(root)) {
        throw new BackupError('corrupt', AUTHENTICATOR_EXT_FORMAT);
      }
      return readAuthenticatorExtBackup(root, password, crypto);
    },
  };
}

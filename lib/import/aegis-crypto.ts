import { scryptAsync } from '@noble/hashes/scrypt.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { tryOpenRaw } from '../crypto/aes-gcm';
import { decodeBase64Lenient } from '../crypto/base64';
import { tryDecodeHex } from '../crypto/hex';
import { passwordBytes } from '../crypto/password';
import { isObject } from './importer-kit';
import { BackupError } from './types';

/**
 * Aegis vault encryption (`header` of an encrypted export): each password slot (type 1) holds
 * the vault's master key, AES-256-GCM-sealed under scrypt(password, salt, N, r, p, 32 bytes);
 * the master key seals `db` (the JSON of the entries, base64) with `header.params`.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */

const FORMAT = 'aegis';

/** Slot type of a password slot (0 is a raw key, 2 biometric: neither can be opened here). */
const AEGIS_PASSWORD_SLOT = 1;

/**
 * Bounds on a slot's scrypt costs, so a damaged or hostile file cannot hang the worker or
 * exhaust memory. Aegis writes N = 2^15, r = 8, p = 1 (32 MiB, ~0.1–0.3 s).
 */
const AEGIS_SCRYPT_LIMITS = Object.freeze({
  /** Largest `N` (a power of two ≥ 2). */
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  /** Largest scrypt working memory, 128·N·r bytes: 256 MiB. */
  maxMemoryBytes: 2 ** 28,
  /** Largest N·r·p (the work): 16× Aegis's default. */
  maxWork: 2 ** 22,
  /** Most password slots tried. */
  maxSlots: 16,
});

/** AES-GCM nonce and tag of a sealed value (hex in the file). */
interface AegisKeyParams {
  nonce: Uint8Array<ArrayBuffer>;
  tag: Uint8Array<ArrayBuffer>;
}

/** A password slot, checked and decoded. */
interface AegisPasswordSlot {
  n: number;
  r: number;
  p: number;
  salt: Uint8Array<ArrayBuffer>;
  /** The sealed master key (without its tag). */
  key: Uint8Array<ArrayBuffer>;
  keyParams: AegisKeyParams;
}

/** The header of an encrypted vault, checked and decoded. */
export interface AegisHeader {
  /** Password slots only, in file order. */
  slots: AegisPasswordSlot[];
  /** Nonce and tag of `db`. */
  params: AegisKeyParams;
}

const corrupt = () => new BackupError('corrupt', FORMAT);

function keyParams(value: unknown): AegisKeyParams {
  if (!isObject(value)) throw corrupt();
  const nonce = tryDecodeHex(value.nonce);
  const tag = tryDecodeHex(value.tag);
  if (nonce?.length !== 12 || tag?.length !== 16) throw corrupt();
  return { nonce, tag };
}

function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 2 && (n & (n - 1)) === 0;
}

function passwordSlot(slot: Record<string, unknown>): AegisPasswordSlot {
  const { n, r, p } = slot;
  const L = AEGIS_SCRYPT_LIMITS;
  if (
    typeof n !== 'number' ||
    typeof r !== 'number' ||
    typeof p !== 'number' ||
    !isPowerOfTwo(n) ||
    n > L.maxN ||
    !Number.isSafeInteger(r) ||
    r < 1 ||
    r > L.maxR ||
    !Number.isSafeInteger(p) ||
    p < 1 ||
    p > L.maxP ||
    128 * n * r > L.maxMemoryBytes ||
    n * r * p > L.maxWork
  ) {
    throw corrupt();
  }
  const salt = tryDecodeHex(slot.salt);
  const key = tryDecodeHex(slot.key);
  if (!salt || salt.length === 0 || salt.length > 1024 || key?.length !== 32) throw corrupt();
  return { n, r, p, salt, key, keyParams: keyParams(slot.key_params) };
}

/**
 * Checks and decodes the header of an encrypted vault (no key derivation yet). Throws
 * `corrupt` for a malformed header, `unsupported-format` when no slot can be opened with a
 * password (only raw-key or biometric slots).
 */
export function parseAegisHeader(header: unknown): AegisHeader {
  if (!isObject(header) || !Array.isArray(header.slots)) throw corrupt();
  const params = keyParams(header.params);
  const slots: AegisPasswordSlot[] = [];
  for (const slot of header.slots) {
    if (!isObject(slot) || typeof slot.type !== 'number') throw corrupt();
    if (slot.type === AEGIS_PASSWORD_SLOT) slots.push(passwordSlot(slot));
  }
  if (slots.length === 0) throw new BackupError('unsupported-format', FORMAT);
  if (slots.length > AEGIS_SCRYPT_LIMITS.maxSlots) throw corrupt();
  return { slots, params };
}

/** The key a password slot derives: scrypt(UTF-8 password, salt, N, r, p), 32 bytes. */
async function deriveAegisSlotKey(password: string, slot: AegisPasswordSlot): Promise<Uint8Array> {
  return scryptAsync(passwordBytes(password), slot.salt, {
    N: slot.n,
    r: slot.r,
    p: slot.p,
    dkLen: 32,
    maxmem: AEGIS_SCRYPT_LIMITS.maxMemoryBytes + 1024 * 1024,
  });
}

/** Opens the master key with a password slot, or `undefined` if the password does not fit. */
async function openSlot(
  crypto: Crypto,
  password: string,
  slot: AegisPasswordSlot,
): Promise<Uint8Array | undefined> {
  const slotKey = await deriveAegisSlotKey(password, slot);
  const sealed = concatBytes(slot.key, slot.keyParams.tag);
  return tryOpenRaw(crypto, slotKey, slot.keyParams.nonce, sealed);
}

/**
 * Decrypts an encrypted vault's `db` (base64) to its JSON bytes. Tries every password slot;
 * throws `wrong-password` when none opens, `corrupt` when one opens but `db` does not decrypt.
 */
export async function decryptAegisDb(
  header: AegisHeader,
  db: string,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  const sealedDb = decodeBase64Lenient(db);
  if (!sealedDb) throw corrupt();
  for (const slot of header.slots) {
    const masterKey = await openSlot(crypto, password, slot);
    if (masterKey === undefined) continue;
    if (masterKey.length !== 32) throw corrupt();
    const plain = await tryOpenRaw(
      crypto,
      masterKey,
      header.params.nonce,
      concatBytes(sealedDb, header.params.tag),
    );
    if (plain === undefined) throw corrupt();
    return plain;
  }
  throw new BackupError('wrong-password', FORMAT);
}

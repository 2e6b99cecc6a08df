import { argon2id } from 'hash-wasm';
import { AES_KEY_BYTES, importAesKey } from './aes-gcm';
import { decodeBase64Strict } from './base64';
import { inRange, kdfCostProblem, type KdfCost, type KdfParams } from './kdf-params';
import { normalizePassword } from './password';

/**
 * Argon2id (version 0x13, hash-wasm) with its parameters checked before any memory is taken,
 * and the key derivation the vault and our backup share: Argon2id → AES-256-GCM key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */

/** Salt and tag lengths {@link argon2idRaw} accepts (RFC 9106 allows more; no format here needs it). */
const ARGON2_LENGTH_LIMITS = Object.freeze({
  saltBytes: { min: 8, max: 1024 },
  hashBytes: { min: 4, max: 64 },
});

/**
 * The raw Argon2id tag of `password` (its UTF-8 bytes as given: no normalisation). Throws
 * `RangeError` for a cost outside `KDF_LIMITS` or a salt or tag length outside
 * {@link ARGON2_LENGTH_LIMITS}, so a hostile file cannot ask for gigabytes.
 */
export async function argon2idRaw(
  password: string,
  salt: Uint8Array,
  cost: KdfCost,
  hashLength: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const problem = kdfCostProblem(cost);
  if (problem) throw new RangeError(problem);
  if (!inRange(salt.length, ARGON2_LENGTH_LIMITS.saltBytes)) {
    throw new RangeError('argon2 salt length is out of range');
  }
  if (!inRange(hashLength, ARGON2_LENGTH_LIMITS.hashBytes)) {
    throw new RangeError('argon2 hash length is out of range');
  }
  const tag = await argon2id({
    password,
    salt,
    memorySize: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    hashLength,
    outputType: 'binary',
  });
  return new Uint8Array(tag);
}

/**
 * The 32-byte Argon2id tag for stored {@link KdfParams}. The password is taken as UTF-8 of its
 * NFC form. Exposed for known-answer tests; callers use {@link deriveAesKey}.
 */
export async function argon2idBytes(
  password: string,
  params: KdfParams,
): Promise<Uint8Array<ArrayBuffer>> {
  const salt = decodeBase64Strict(params.salt, 'kdf.salt');
  return argon2idRaw(normalizePassword(password), salt, params, AES_KEY_BYTES);
}

/**
 * Derives a key from a password: Argon2id → a non-extractable AES-256-GCM key. The raw bytes
 * are zeroed as soon as they are imported. Rejects when Argon2 refuses the parameters.
 */
export async function deriveAesKey(
  crypto: Crypto,
  password: string,
  params: KdfParams,
): Promise<CryptoKey> {
  const raw = await argon2idBytes(password, params);
  try {
    return await importAesKey(crypto, raw);
  } finally {
    raw.fill(0);
  }
}

import { argon2id } from 'hash-wasm';
import { importAesKey } from './aes-gcm';
import { base64ToBytes, bytesToBase64 } from './base64';
import { VaultError } from './errors';
import { normalizePassword } from './password';

/** The cost of one Argon2id run. */
export interface KdfCost {
  /** Memory in KiB (Argon2 `m`). */
  memoryKiB: number;
  /** Passes over memory (Argon2 `t`). */
  iterations: number;
  /** Lanes (Argon2 `p`). */
  parallelism: number;
}

/** Key-derivation parameters as stored in the vault header. */
export interface KdfParams extends KdfCost {
  algorithm: 'argon2id';
  /** Base64 of the random salt (16 bytes when created here). */
  salt: string;
}

/**
 * 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option (§4), measured at
 * ~0.3–0.45 s in the extension's service worker.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-4
 */
export const DEFAULT_KDF_COST: Readonly<KdfCost> = Object.freeze({
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
});

/** Salt length for new vaults: 128 bits, as RFC 9106 §3.1 recommends. */
export const KDF_SALT_BYTES = 16;

/** Length of the derived key-encryption key: 256 bits. */
export const KEK_BYTES = 32;

/** Bounds accepted for each cost; the upper ones keep a damaged header from hanging the worker. */
export const KDF_LIMITS = Object.freeze({
  memoryKiB: { min: 8, max: 1_048_576 },
  iterations: { min: 1, max: 64 },
  parallelism: { min: 1, max: 16 },
  saltBytes: { min: 8, max: 64 },
});

function inRange(value: unknown, { min, max }: { min: number; max: number }): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

function costProblem(cost: Record<keyof KdfCost, unknown>): string | undefined {
  for (const name of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    if (!inRange(cost[name], KDF_LIMITS[name])) return `kdf.${name} is out of range`;
  }
  // Argon2 needs at least 8 KiB per lane (RFC 9106 §3.1).
  if ((cost.memoryKiB as number) < 8 * (cost.parallelism as number)) {
    return 'kdf.memoryKiB must be at least 8 × parallelism';
  }
  return undefined;
}

/**
 * Fresh parameters for a new or re-keyed vault: `cost` over {@link DEFAULT_KDF_COST} and a new
 * random salt. Throws `RangeError` for a cost outside {@link KDF_LIMITS}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-3.1
 */
export function newKdfParams(crypto: Crypto, cost: Partial<KdfCost> = {}): KdfParams {
  const merged = { ...DEFAULT_KDF_COST, ...cost };
  const problem = costProblem(merged);
  if (problem) throw new RangeError(problem);
  const salt = crypto.getRandomValues(new Uint8Array(KDF_SALT_BYTES));
  return {
    algorithm: 'argon2id',
    memoryKiB: merged.memoryKiB,
    iterations: merged.iterations,
    parallelism: merged.parallelism,
    salt: bytesToBase64(salt),
  };
}

/**
 * Checks KDF parameters read from disk. Throws `VaultError('unsupported-kdf')` for an algorithm
 * other than Argon2id and `VaultError('corrupt-header')` for anything else that is wrong.
 */
export function parseKdfParams(value: unknown): KdfParams {
  if (typeof value !== 'object' || value === null) throw new VaultError('corrupt-header');
  const kdf = value as Record<keyof KdfParams, unknown>;
  if (kdf.algorithm !== 'argon2id') throw new VaultError('unsupported-kdf');
  if (costProblem(kdf)) throw new VaultError('corrupt-header');
  let salt: Uint8Array;
  try {
    salt = base64ToBytes(kdf.salt, 'kdf.salt');
  } catch (cause) {
    throw new VaultError('corrupt-header', { cause });
  }
  if (!inRange(salt.length, KDF_LIMITS.saltBytes)) throw new VaultError('corrupt-header');
  return {
    algorithm: 'argon2id',
    memoryKiB: kdf.memoryKiB as number,
    iterations: kdf.iterations as number,
    parallelism: kdf.parallelism as number,
    salt: kdf.salt as string,
  };
}

/**
 * Runs Argon2id (version 0x13) and returns the 32-byte tag. The password is taken as UTF-8 of its
 * NFC form. Exposed for known-answer tests; the vault itself only uses {@link deriveKek}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-3
 */
export async function argon2idBytes(
  password: string,
  params: KdfParams,
): Promise<Uint8Array<ArrayBuffer>> {
  const tag = await argon2id({
    password: normalizePassword(password),
    salt: base64ToBytes(params.salt, 'kdf.salt'),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: KEK_BYTES,
    outputType: 'binary',
  });
  return new Uint8Array(tag);
}

/**
 * Derives the key-encryption key (KEK) from the master password: Argon2id → a non-extractable
 * AES-256-GCM key. The raw bytes are zeroed as soon as they are imported.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function deriveKek(
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

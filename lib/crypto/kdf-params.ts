import { bytesToBase64, decodeBase64Strict } from './base64';

/**
 * The Argon2id parameters stored next to a ciphertext (the vault header and our backup file):
 * fresh ones for a new key, and the check of ones read back from disk.
 */

/** The cost of one Argon2id run. */
export interface KdfCost {
  /** Memory in KiB (Argon2 `m`). */
  memoryKiB: number;
  /** Passes over memory (Argon2 `t`). */
  iterations: number;
  /** Lanes (Argon2 `p`). */
  parallelism: number;
}

/** Key-derivation parameters as stored on disk. */
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

/** Salt length for new parameters: 128 bits, as RFC 9106 §3.1 recommends. */
const KDF_SALT_BYTES = 16;

/**
 * Bounds accepted for each cost — the same as for other apps' files (`FOREIGN_ARGON2_LIMITS`).
 * The upper ones keep a hostile or damaged file or vault header from hanging the worker: 1 GiB ×
 * 64 passes blocked it 96 s per attempt. `workKiB` caps memory × passes (256 MiB × 4, ~2 s).
 */
export const KDF_LIMITS = Object.freeze({
  memoryKiB: { min: 8, max: 262_144 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 16 },
  saltBytes: { min: 8, max: 64 },
  workKiB: 262_144 * 4,
});

/** True when `value` is a safe integer within `min`…`max`. */
export function inRange(value: unknown, { min, max }: { min: number; max: number }): boolean {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Argon2's own upper bound for memory (KiB) and passes (RFC 9106 §3.1): past it, malformed. */
const ARGON2_MAX = 0xffff_ffff;

/**
 * True when `cost` is a valid Argon2id cost (RFC 9106 bounds, lanes within {@link KDF_LIMITS})
 * that asks for more work than {@link KDF_LIMITS} allows: refused with its own message.
 */
export function isTooCostly(cost: Record<keyof KdfCost, unknown>): boolean {
  const { memoryKiB: memory, iterations: passes } = cost;
  const valid = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;
  if (!valid(memory) || !valid(passes) || memory > ARGON2_MAX || passes > ARGON2_MAX) return false;
  if (!inRange(cost.parallelism, KDF_LIMITS.parallelism)) return false;
  return (
    memory > KDF_LIMITS.memoryKiB.max ||
    passes > KDF_LIMITS.iterations.max ||
    memory * passes > KDF_LIMITS.workKiB
  );
}

/** What is wrong with a cost, or `undefined` when it is within {@link KDF_LIMITS}. */
export function kdfCostProblem(cost: Record<keyof KdfCost, unknown>): string | undefined {
  for (const name of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    if (!inRange(cost[name], KDF_LIMITS[name])) return `kdf.${name} is out of range`;
  }
  if ((cost.memoryKiB as number) * (cost.iterations as number) > KDF_LIMITS.workKiB) {
    return 'kdf memory × iterations is out of range';
  }
  // Argon2 needs at least 8 KiB per lane (RFC 9106 §3.1).
  if ((cost.memoryKiB as number) < 8 * (cost.parallelism as number)) {
    return 'kdf.memoryKiB must be at least 8 × parallelism';
  }
  return undefined;
}

/**
 * Fresh parameters: `cost` over {@link DEFAULT_KDF_COST} and a new random salt from `crypto`.
 * Throws `RangeError` for a cost outside {@link KDF_LIMITS}.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106#section-3.1
 */
export function newKdfParams(crypto: Crypto, cost: Partial<KdfCost> = {}): KdfParams {
  const merged = { ...DEFAULT_KDF_COST, ...cost };
  const problem = kdfCostProblem(merged);
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
 * Why stored parameters were refused: another algorithm, more work than {@link KDF_LIMITS}
 * allows, or anything else that is wrong.
 */
type KdfParamsProblem = 'unsupported-algorithm' | 'too-costly' | 'malformed';

/** Stored parameters that cannot be used; `reason` lets each file format name its own error. */
export class KdfParamsError extends Error {
  readonly reason: KdfParamsProblem;

  constructor(reason: KdfParamsProblem, options?: { cause?: unknown }) {
    super(`kdf parameters: ${reason}`, options);
    this.name = 'KdfParamsError';
    this.reason = reason;
  }
}

/**
 * Checks parameters read from disk, before any Argon2 runs. Throws {@link KdfParamsError}:
 * `unsupported-algorithm` for an algorithm other than Argon2id, `too-costly` beyond
 * {@link KDF_LIMITS}, `malformed` for anything else that is wrong.
 */
export function parseKdfParams(value: unknown): KdfParams {
  if (typeof value !== 'object' || value === null) throw new KdfParamsError('malformed');
  const kdf = value as Record<keyof KdfParams, unknown>;
  if (kdf.algorithm !== 'argon2id') throw new KdfParamsError('unsupported-algorithm');
  if (isTooCostly(kdf)) throw new KdfParamsError('too-costly');
  if (kdfCostProblem(kdf)) throw new KdfParamsError('malformed');
  let salt: Uint8Array;
  try {
    salt = decodeBase64Strict(kdf.salt, 'kdf.salt');
  } catch (cause) {
    throw new KdfParamsError('malformed', { cause });
  }
  if (!inRange(salt.length, KDF_LIMITS.saltBytes)) throw new KdfParamsError('malformed');
  return {
    algorithm: 'argon2id',
    memoryKiB: kdf.memoryKiB as number,
    iterations: kdf.iterations as number,
    parallelism: kdf.parallelism as number,
    salt: kdf.salt as string,
  };
}

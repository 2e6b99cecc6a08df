import { argon2idRaw } from './argon2id';
import { decodeBase64Lenient } from './base64';
import { KDF_LIMITS, type KdfCost } from './kdf-params';

/**
 * The PHC string form of Argon2id (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`)
 * other apps store password verifiers in. Bounds keep a hostile file from asking for gigabytes.
 *
 * @see https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */

/** A parsed `$argon2id$…` string. */
interface Argon2Phc extends KdfCost {
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Largest costs accepted from a file: well above what the apps write, low enough to run. */
export const FOREIGN_ARGON2_LIMITS = Object.freeze({
  memoryKiB: { min: 8, max: 262_144 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 16 },
  saltBytes: { min: 8, max: 1024 },
  hashBytes: { min: 4, max: 64 },
});

function within(value: number, { min, max }: { min: number; max: number }): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

/**
 * True when the cost is within {@link FOREIGN_ARGON2_LIMITS}, memory × passes within our own
 * `KDF_LIMITS.workKiB`, and m ≥ 8·p, as Argon2 needs.
 */
export function isAcceptableCost(cost: KdfCost): boolean {
  const limits = FOREIGN_ARGON2_LIMITS;
  return (
    within(cost.memoryKiB, limits.memoryKiB) &&
    within(cost.iterations, limits.iterations) &&
    within(cost.parallelism, limits.parallelism) &&
    cost.memoryKiB * cost.iterations <= KDF_LIMITS.workKiB &&
    cost.memoryKiB >= 8 * cost.parallelism
  );
}

const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Reads an Argon2id (v=0x13) PHC string; `undefined` when it is not one or is out of bounds. */
export function parseArgon2idPhc(text: unknown): Argon2Phc | undefined {
  if (typeof text !== 'string') return undefined;
  const match = PHC.exec(text);
  if (!match) return undefined;
  const [, m, t, p, salt64, hash64] = match;
  const cost = { memoryKiB: Number(m), iterations: Number(t), parallelism: Number(p) };
  const salt = decodeBase64Lenient(salt64);
  const hash = decodeBase64Lenient(hash64);
  if (!isAcceptableCost(cost) || salt === undefined || hash === undefined) return undefined;
  if (!within(salt.length, FOREIGN_ARGON2_LIMITS.saltBytes)) return undefined;
  if (!within(hash.length, FOREIGN_ARGON2_LIMITS.hashBytes)) return undefined;
  return { ...cost, salt, hash };
}

/** True when `password` hashes to the PHC string's tag (compared in constant time). */
export async function verifyArgon2idPhc(password: string, phc: Argon2Phc): Promise<boolean> {
  const tag = await argon2idRaw(password, phc.salt, phc, phc.hash.length);
  let diff = tag.length ^ phc.hash.length;
  for (let i = 0; i < tag.length; i += 1) diff |= (tag[i] ?? 0) ^ (phc.hash[i] ?? 0);
  return diff === 0;
}

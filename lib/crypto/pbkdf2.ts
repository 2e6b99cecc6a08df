import { passwordBytes } from './password';

/**
 * PBKDF2 and a plain SHA-256 of a password with WebCrypto, as other apps' encrypted exports
 * derive their keys (the password is hashed as typed, without normalisation).
 *
 * @see https://www.rfc-editor.org/rfc/rfc8018#section-5.2
 */

/** Iteration counts accepted: what the apps write is far inside; the top keeps the worker alive. */
const PBKDF2_ITERATION_LIMITS = Object.freeze({ min: 1, max: 10_000_000 });

/** PBKDF2 of a password's UTF-8 bytes; throws `RangeError` for an iteration count out of bounds. */
export async function pbkdf2(
  crypto: Crypto,
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const { min, max } = PBKDF2_ITERATION_LIMITS;
  if (!Number.isSafeInteger(iterations) || iterations < min || iterations > max) {
    throw new RangeError('pbkdf2 iterations are out of range');
  }
  const subtle = crypto.subtle;
  const key = await subtle.importKey('raw', passwordBytes(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: new Uint8Array(salt), iterations, hash },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** SHA-256 of a password's UTF-8 bytes (andOTP's old key). */
export async function sha256Password(
  crypto: Crypto,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', passwordBytes(password)));
}

import { GCM_TAG_BYTES, tryOpenRaw } from '../crypto/aes-gcm';
import { decodeBase64Lenient } from '../crypto/base64';
import { pbkdf2 } from '../crypto/pbkdf2';
import { BackupError } from './types';

/**
 * 2FAS Authenticator backup encryption (schema 2 and later): `servicesEncrypted` (and the
 * password check `reference`) is `base64(ciphertext ‖ tag):base64(salt):base64(iv)`, sealed with
 * AES-256-GCM (no additional data) under PBKDF2-HMAC-SHA256(password, salt, 10,000, 256 bits).
 * The app writes a 256-byte salt and a 12-byte IV.
 * @see https://github.com/elliotwutingfeng/2fas-backup-decryptor (an independent decryptor)
 */

const FORMAT = '2fas';

/** PBKDF2 iterations 2FAS uses. */
const TWOFAS_PBKDF2_ITERATIONS = 10_000;

/** A sealed field of a 2FAS backup, decoded. */
export interface TwoFasSealed {
  /** Ciphertext ‖ 16-byte tag. */
  sealed: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
}

/** Decodes `base64(ciphertext ‖ tag):base64(salt):base64(iv)`; throws `corrupt`. */
export function parseTwoFasSealed(text: unknown): TwoFasSealed {
  const parts = typeof text === 'string' ? text.split(':') : [];
  const [sealed, salt, iv] = parts.map(decodeBase64Lenient);
  if (
    parts.length !== 3 ||
    !sealed ||
    !salt ||
    !iv ||
    sealed.length < GCM_TAG_BYTES ||
    salt.length === 0 ||
    salt.length > 4096 ||
    iv.length !== 12
  ) {
    throw new BackupError('corrupt', FORMAT);
  }
  return { sealed, salt, iv };
}

/** The AES-256 key for `salt`: PBKDF2-HMAC-SHA256(UTF-8 password, salt, 10,000, 32 bytes). */
function deriveTwoFasKey(
  password: string,
  salt: Uint8Array,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array> {
  return pbkdf2(crypto, password, salt, TWOFAS_PBKDF2_ITERATIONS, 'SHA-256', 32);
}

/** Decrypts a sealed field, or `undefined` when it does not authenticate under the password. */
export async function openTwoFasSealed(
  password: string,
  field: TwoFasSealed,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const key = await deriveTwoFasKey(password, field.salt, crypto);
  return tryOpenRaw(crypto, key, field.iv, field.sealed);
}

/**
 * Decrypts `servicesEncrypted` to its JSON bytes. With a `reference`, a password that opens it
 * is right, so services that then fail to decrypt are `corrupt`; otherwise (or without a
 * reference) failure is `wrong-password`.
 */
export async function decryptTwoFasServices(
  services: TwoFasSealed,
  reference: TwoFasSealed | undefined,
  password: string,
  crypto: Crypto = globalThis.crypto,
): Promise<Uint8Array<ArrayBuffer>> {
  if (reference && !(await openTwoFasSealed(password, reference, crypto))) {
    throw new BackupError('wrong-password', FORMAT);
  }
  const plain = await openTwoFasSealed(password, services, crypto);
  if (plain) return plain;
  throw new BackupError(reference ? 'corrupt' : 'wrong-password', FORMAT);
}

import { AES_KEY_BYTES, aad, open, seal, type SealedBox } from '../crypto/aes-gcm';
import { VaultError } from './errors';

/**
 * Additional data bound to the wrapped data key, per kind of slot, so no other ciphertext can
 * pose as it and a recovery slot's box cannot be moved into the password slot. The password's
 * is the one release 0.1 used, so its headers still open.
 */
const DEK_AAD = {
  password: 'pc-authenticator/dek/v1',
  recovery: 'pc-authenticator/dek/recovery/v1',
} as const;

/** Which slot a DEK is wrapped for. */
export type DekSlotKind = keyof typeof DEK_AAD;

/** A fresh random 256-bit data-encryption key (DEK), as raw bytes. */
export function generateDek(crypto: Crypto): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(AES_KEY_BYTES));
}

/**
 * Wraps the raw DEK under the key-encryption key with AES-256-GCM and a fresh 96-bit IV.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
export async function wrapDek(
  crypto: Crypto,
  kek: CryptoKey,
  rawDek: Uint8Array<ArrayBuffer>,
  kind: DekSlotKind = 'password',
): Promise<SealedBox> {
  if (rawDek.length !== AES_KEY_BYTES) throw new TypeError('DEK must be 32 bytes');
  return seal(crypto, kek, rawDek, aad(DEK_AAD[kind]));
}

/**
 * Unwraps the raw DEK. A KEK that does not authenticate the wrapped key means the password (or
 * recovery key) was wrong: `VaultError('wrong-password')`. (AES-GCM cannot tell a wrong key from a damaged
 * ciphertext, so a flipped byte in `wrappedDek` also reads as a wrong password.)
 */
export async function unwrapDek(
  crypto: Crypto,
  kek: CryptoKey,
  wrapped: SealedBox,
  kind: DekSlotKind = 'password',
): Promise<Uint8Array<ArrayBuffer>> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await open(crypto, kek, wrapped, aad(DEK_AAD[kind]));
  } catch {
    throw new VaultError('wrong-password');
  }
  if (raw.length !== AES_KEY_BYTES) {
    raw.fill(0);
    throw new VaultError('corrupt-header');
  }
  return raw;
}

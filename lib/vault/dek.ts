import { AES_KEY_BYTES, aad, open, seal, type SealedBox } from '../crypto/aes-gcm';
import { VaultError } from './errors';

/** Additional data bound to the wrapped data key, so no other ciphertext can pose as it. */
const DEK_AAD = 'pc-authenticator/dek/v1';

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
): Promise<SealedBox> {
  if (rawDek.length !== AES_KEY_BYTES) throw new TypeError('DEK must be 32 bytes');
  return seal(crypto, kek, rawDek, aad(DEK_AAD));
}

/**
 * Unwraps the raw DEK. A KEK that does not authenticate the wrapped key means the password was
 * wrong: `VaultError('wrong-password')`. (AES-GCM cannot tell a wrong key from a damaged
 * ciphertext, so a flipped byte in `wrappedDek` also reads as a wrong password.)
 */
export async function unwrapDek(
  crypto: Crypto,
  kek: CryptoKey,
  wrapped: SealedBox,
): Promise<Uint8Array<ArrayBuffer>> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await open(crypto, kek, wrapped, aad(DEK_AAD));
  } catch {
    throw new VaultError('wrong-password');
  }
  if (raw.length !== AES_KEY_BYTES) {
    raw.fill(0);
    throw new VaultError('corrupt-header');
  }
  return raw;
}

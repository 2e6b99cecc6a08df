import { passwordBytes } from './importer-bytes';

/**
 * WebCrypto AES-GCM and PBKDF2/SHA-256 for the importers' encrypted formats. Uses only
 * `globalThis.crypto.subtle`, present in extension pages, the service worker and Node 20.
 */

/** GCM authentication tag length used by every format here (128 bits). */
export const GCM_TAG_BYTES = 16;

/**
 * AES-GCM decryption of `ciphertext ‖ tag` (no additional data), or `undefined` when the tag
 * does not verify (wrong key or damaged data) or the key is not 16, 24 or 32 bytes long.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export async function aesGcmOpen(
  rawKey: Uint8Array,
  iv: Uint8Array,
  ciphertextAndTag: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (ciphertextAndTag.length < GCM_TAG_BYTES || iv.length === 0) return undefined;
  if (![16, 24, 32].includes(rawKey.length)) return undefined;
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new Uint8Array(rawKey), 'AES-GCM', false, ['decrypt']);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), tagLength: GCM_TAG_BYTES * 8 },
      key,
      new Uint8Array(ciphertextAndTag),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

/** PBKDF2 (RFC 8018 §5.2) of a password with WebCrypto. */
export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
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

/** SHA-256 of a password's UTF-8 bytes. */
export async function sha256(password: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', passwordBytes(password)));
}

import { decodeBase64Strict, bytesToBase64 } from './base64';

/**
 * AES-GCM with WebCrypto (the `crypto` object is passed in, so tests and the worker choose it):
 * {@link seal}/{@link open} for the base64 {@link SealedBox}es this extension stores, and
 * {@link tryOpenRaw} for other apps' files, which give a raw key and `ciphertext ‖ tag`.
 *
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */

/** One AES-GCM encryption: a 96-bit IV and the ciphertext with its 128-bit tag, both base64. */
export interface SealedBox {
  iv: string;
  ciphertext: string;
}

/** GCM IV length in bytes: 96 bits, the length SP 800-38D recommends. */
export const GCM_IV_BYTES = 12;

/** GCM authentication tag length in bytes (128 bits), used by every format here. */
export const GCM_TAG_BYTES = 16;

/** AES key length in bytes (AES-256). */
export const AES_KEY_BYTES = 32;

const encoder = new TextEncoder();

/** Encodes a string as UTF-8 additional data. */
export function aad(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Imports 32 raw bytes as a **non-extractable** AES-256-GCM key. */
export async function importAesKey(
  crypto: Crypto,
  raw: Uint8Array<ArrayBuffer>,
): Promise<CryptoKey> {
  if (raw.length !== AES_KEY_BYTES) throw new TypeError('AES key must be 32 bytes');
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/**
 * Encrypts `plaintext` with AES-GCM under a fresh random 96-bit IV, binding `additionalData`.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf §8.2.2
 */
export async function seal(
  crypto: Crypto,
  key: CryptoKey,
  plaintext: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData },
    key,
    plaintext,
  );
  return { iv: bytesToBase64(iv), ciphertext: bytesToBase64(new Uint8Array(ciphertext)) };
}

/**
 * Decrypts and authenticates `ciphertext ‖ tag`. Rejects (WebCrypto `OperationError`) when the
 * key, the additional data, the IV or the ciphertext do not match.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf §7.2
 */
export async function openBytes(
  crypto: Crypto,
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  ciphertext: Uint8Array<ArrayBuffer>,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData },
    key,
    ciphertext,
  );
  return new Uint8Array(plaintext);
}

/**
 * Decrypts and authenticates a {@link SealedBox}. Rejects (WebCrypto `OperationError`) when the
 * key, the additional data, the IV or the ciphertext do not match; `TypeError` when the box is
 * malformed.
 */
export async function open(
  crypto: Crypto,
  key: CryptoKey,
  box: unknown,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const { iv, ciphertext } = parseSealedBox(box);
  return openBytes(crypto, key, iv, ciphertext, additionalData);
}

/** Checks the shape of a stored {@link SealedBox} and decodes it; throws `TypeError`. */
export function parseSealedBox(box: unknown): {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
} {
  if (typeof box !== 'object' || box === null) throw new TypeError('sealed box is not an object');
  const { iv, ciphertext } = box as Partial<Record<keyof SealedBox, unknown>>;
  const ivBytes = decodeBase64Strict(iv, 'iv');
  if (ivBytes.length !== GCM_IV_BYTES) throw new TypeError('iv must be 12 bytes');
  const ciphertextBytes = decodeBase64Strict(ciphertext, 'ciphertext');
  if (ciphertextBytes.length < GCM_TAG_BYTES) {
    throw new TypeError('ciphertext is shorter than a GCM tag');
  }
  return { iv: ivBytes, ciphertext: ciphertextBytes };
}

/**
 * AES-GCM decryption of `ciphertext ‖ tag` (no additional data) under a raw key, as other apps'
 * files give them, or `undefined` when the tag does not verify (wrong key or damaged data) or
 * the key is not 16, 24 or 32 bytes long.
 */
export async function tryOpenRaw(
  crypto: Crypto,
  rawKey: Uint8Array,
  iv: Uint8Array,
  ciphertextAndTag: Uint8Array,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (ciphertextAndTag.length < GCM_TAG_BYTES || iv.length === 0) return undefined;
  if (![16, 24, 32].includes(rawKey.length)) return undefined;
  const subtle = crypto.subtle;
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

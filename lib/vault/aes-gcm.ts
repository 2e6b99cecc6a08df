import type { SealedBox } from '../db/records';
import { base64ToBytes, bytesToBase64 } from './base64';

/** GCM IV length in bytes: 96 bits, the length SP 800-38D recommends. */
export const GCM_IV_BYTES = 12;

/** AES key length in bytes (AES-256). */
export const AES_KEY_BYTES = 32;

const encoder = new TextEncoder();

/** Encodes a string as UTF-8 additional data. */
export function aad(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * Imports 32 raw bytes as a **non-extractable** AES-256-GCM key.
 *
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
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
 * Decrypts and authenticates a {@link SealedBox}. Rejects (WebCrypto `OperationError`) when the
 * key, the additional data, the IV or the ciphertext do not match; `TypeError` when the box is
 * malformed.
 *
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf §7.2
 */
export async function open(
  crypto: Crypto,
  key: CryptoKey,
  box: unknown,
  additionalData: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const { iv, ciphertext } = parseSealedBox(box);
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv, additionalData },
    key,
    ciphertext,
  );
  return new Uint8Array(plaintext);
}

/** Checks the shape of a stored {@link SealedBox} and decodes it. */
export function parseSealedBox(box: unknown): {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
} {
  if (typeof box !== 'object' || box === null) throw new TypeError('sealed box is not an object');
  const { iv, ciphertext } = box as Partial<Record<keyof SealedBox, unknown>>;
  const ivBytes = base64ToBytes(iv, 'iv');
  if (ivBytes.length !== GCM_IV_BYTES) throw new TypeError('iv must be 12 bytes');
  const ciphertextBytes = base64ToBytes(ciphertext, 'ciphertext');
  if (ciphertextBytes.length < 16) throw new TypeError('ciphertext is shorter than a GCM tag');
  return { iv: ivBytes, ciphertext: ciphertextBytes };
}

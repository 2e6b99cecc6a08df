import { md5 } from '@noble/hashes/legacy.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { decodeBase64Lenient } from './base64';

/**
 * CryptoJS' passphrase mode, `CryptoJS.AES.encrypt(text, passphrase)`, read without CryptoJS:
 * base64 of `"Salted__"` ‖ 8-byte salt ‖ AES-256-CBC ciphertext (PKCS#7 padding), with key and
 * IV from OpenSSL's `EVP_BytesToKey` (MD5, one round). The Authenticator browser extension
 * wrote its backups this way. MD5 here only stretches a passphrase as that format requires.
 *
 * @see https://www.openssl.org/docs/man3.0/man3/EVP_BytesToKey.html
 * @see https://cryptojs.gitbook.io/docs/#the-cipher-output (OpenSSL-compatible format)
 */

/** `"Salted__"`, the OpenSSL header. */
const OPENSSL_MAGIC = new Uint8Array([0x53, 0x61, 0x6c, 0x74, 0x65, 0x64, 0x5f, 0x5f]);
const OPENSSL_SALT_BYTES = 8;
const AES_BLOCK = 16;

/**
 * `EVP_BytesToKey(MD5, count = 1)`: D₁ = MD5(pass ‖ salt), Dᵢ = MD5(Dᵢ₋₁ ‖ pass ‖ salt), the
 * concatenation cut to a 32-byte key and a 16-byte IV.
 */
export function evpBytesToKey(
  passphrase: Uint8Array,
  salt: Uint8Array,
): { key: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer> } {
  const out = new Uint8Array(48);
  let filled = 0;
  let previous: Uint8Array = new Uint8Array(0);
  while (filled < out.length) {
    previous = md5(concatBytes(previous, passphrase, salt));
    const take = Math.min(previous.length, out.length - filled);
    out.set(previous.subarray(0, take), filled);
    filled += take;
  }
  return { key: out.slice(0, 32), iv: out.slice(32, 48) };
}

/**
 * Decrypts a CryptoJS/OpenSSL passphrase ciphertext (base64 text) to bytes. `undefined` when
 * it is not that format or the padding does not check out (almost always a wrong passphrase;
 * a wrong passphrase passes the padding check about once in 256 tries, so callers must
 * check what they get). The passphrase is taken as UTF-8, as CryptoJS does.
 */
export async function openSslDecrypt(
  crypto: Crypto,
  text: unknown,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (typeof text !== 'string') return undefined;
  const raw = decodeBase64Lenient(text.replace(/\s/g, ''));
  const head = OPENSSL_MAGIC.length + OPENSSL_SALT_BYTES;
  if (raw === undefined || raw.length < head + AES_BLOCK) return undefined;
  if ((raw.length - head) % AES_BLOCK !== 0) return undefined;
  if (OPENSSL_MAGIC.some((byte, i) => raw[i] !== byte)) return undefined;
  const salt = raw.slice(OPENSSL_MAGIC.length, head);
  const { key, iv } = evpBytesToKey(new TextEncoder().encode(passphrase), salt);
  try {
    const cbcKey = await crypto.subtle.importKey('raw', key, 'AES-CBC', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, cbcKey, raw.slice(head));
    return new Uint8Array(plain);
  } catch {
    return undefined;
  } finally {
    key.fill(0);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** {@link openSslDecrypt} read as UTF-8 text (`CryptoJS…toString(CryptoJS.enc.Utf8)`). */
export async function openSslDecryptText(
  crypto: Crypto,
  text: unknown,
  passphrase: string,
): Promise<string | undefined> {
  const bytes = await openSslDecrypt(crypto, text, passphrase);
  if (bytes === undefined) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  } finally {
    bytes.fill(0);
  }
}

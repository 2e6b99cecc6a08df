/**
 * Strict base64 (RFC 4648 §4, with padding) for byte arrays. Built on `btoa`/`atob`, which
 * exist in Node 20, extension pages and service workers.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as padded base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes padded base64. Throws a `TypeError` (naming only `what`, never the value) when the
 * input is not a string of well-formed base64.
 */
export function base64ToBytes(text: unknown, what = 'value'): Uint8Array<ArrayBuffer> {
  if (typeof text !== 'string' || !BASE64.test(text)) {
    throw new TypeError(`${what} is not base64`);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

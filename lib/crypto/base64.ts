/**
 * Base64 (RFC 4648 §4) for byte arrays, with two decoders whose names say their contract:
 * {@link decodeBase64Strict} for what this extension wrote itself (padded, throws) and
 * {@link decodeBase64Lenient} for other apps' files (padding optional, line breaks ignored,
 * `undefined` when malformed). Plain loops over a lookup table, not a regular expression (a
 * backtracking regex over a multi-megabyte file overflows the stack) and not `atob`/`btoa`
 * (seconds for a 20 MB file in Node).
 *
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new TextEncoder().encode(ALPHABET);
/** The 6-bit value of each ASCII character, -1 outside the alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) VALUES[ALPHABET.charCodeAt(i)] = i;

/** `=`, the padding character. */
const EQUALS = 0x3d;
const ascii = new TextDecoder();

/** Encodes bytes as padded base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4).fill(EQUALS);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o] = CODES[(n >> 18) & 63]!;
    out[o + 1] = CODES[(n >> 12) & 63]!;
    if (rest > 1) out[o + 2] = CODES[(n >> 6) & 63]!;
    if (rest > 2) out[o + 3] = CODES[n & 63]!;
    o += 4;
  }
  return ascii.decode(out);
}

/** Base64 without `=` padding, as PHC strings (and argon2-browser's `encoded`) write it. */
export function bytesToBase64NoPad(bytes: Uint8Array): string {
  const padded = bytesToBase64(bytes);
  return padded.slice(0, padded.length - ((3 - (bytes.length % 3)) % 3));
}

/** The length of `text` without its trailing `=` padding, or `undefined` for more than two. */
function unpaddedLength(text: string): number | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === EQUALS) end -= 1;
  return text.length - end > 2 ? undefined : end;
}

/**
 * Decodes the first `end` characters of `text`, which must all be in the alphabet, or
 * `undefined`. Like `atob`, ignores the unused low bits of the last character.
 */
function decodeUnpadded(text: string, end: number): Uint8Array<ArrayBuffer> | undefined {
  if (end % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) return undefined;
    acc = ((acc << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (acc >> bits) & 0xff;
      o += 1;
    }
  }
  return out;
}

/**
 * Decodes padded base64, exactly as {@link bytesToBase64} writes it. Throws a `TypeError`
 * (naming only `what`, never the value) when the input is not a string of well-formed base64.
 */
export function decodeBase64Strict(text: unknown, what = 'value'): Uint8Array<ArrayBuffer> {
  const end = typeof text === 'string' ? unpaddedLength(text) : undefined;
  const bytes =
    end === undefined || (text as string).length % 4 !== 0
      ? undefined
      : decodeUnpadded(text as string, end);
  if (bytes === undefined) throw new TypeError(`${what} is not base64`);
  return bytes;
}

/**
 * Decodes base64 with the padding optional and CR/LF ignored (Android's `DEFAULT` flag wraps at
 * 76 characters), or `undefined` when the input is not a string of base64.
 */
export function decodeBase64Lenient(text: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]/g, '') : text;
  const end = unpaddedLength(clean);
  if (end === undefined || (end !== clean.length && clean.length % 4 !== 0)) return undefined;
  return decodeUnpadded(clean, end);
}

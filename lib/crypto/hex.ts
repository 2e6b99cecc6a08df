import { hexToBytes } from '@noble/hashes/utils.js';

/**
 * Hex of whole bytes (either case) read from an untrusted file, or `undefined` when `value` is
 * not a string of it. The decoding itself is `@noble/hashes`'; this only turns its throw into
 * `undefined` for parsers that check lengths next.
 */
export function tryDecodeHex(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return new Uint8Array(hexToBytes(value));
  } catch {
    return undefined;
  }
}

/** Strict UTF-8 text and JSON decoding of imported files. */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a {@link JsonObject}. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text without a byte-order mark, or `undefined` when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The bytes parsed as UTF-8 JSON, or `undefined` when they are not. */
export function parseJsonBytes(bytes: Uint8Array): { value: unknown } | undefined {
  const text = decodeUtf8(bytes);
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * True when the bytes read as text a person could have written (UTF-8 without control
 * characters other than tab, CR, LF): a broken JSON file rather than random ciphertext.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const text = decodeUtf8(bytes);
  // eslint-disable-next-line no-control-regex
  return text !== undefined && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

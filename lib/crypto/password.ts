/**
 * How a password becomes the bytes a key-derivation function hashes. Ours are NFC-normalised;
 * other apps' are hashed as typed, the way those apps did.
 */

/**
 * Puts a password into Unicode NFC before it is hashed, so the same password typed through
 * different input methods (e.g. a Japanese IME) derives the same key. Throws `TypeError` for a
 * non-string.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8265#section-4.2 (OpaqueString: NFC)
 */
export function normalizePassword(password: unknown): string {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  return password.normalize('NFC');
}

/** UTF-8 bytes of a password as typed, as Java's `String.getBytes(UTF_8)` gives them. */
export function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(password);
}

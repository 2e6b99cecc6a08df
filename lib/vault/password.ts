import { MIN_PASSWORD_LENGTH, VaultError } from './errors';

/**
 * Puts a master password into Unicode NFC before it is hashed, so the same password typed
 * through different input methods (e.g. a Japanese IME) derives the same key.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8265#section-4.2 (OpaqueString: NFC)
 */
export function normalizePassword(password: unknown): string {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  return password.normalize('NFC');
}

/**
 * Checks a *new* master password: at least {@link MIN_PASSWORD_LENGTH} code points after NFC.
 * Throws `VaultError('password-too-short')`.
 */
export function checkNewPassword(password: unknown): string {
  const normalized = normalizePassword(password);
  if ([...normalized].length < MIN_PASSWORD_LENGTH) throw new VaultError('password-too-short');
  return normalized;
}

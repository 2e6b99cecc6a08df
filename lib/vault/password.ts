import { normalizePassword } from '../crypto/password';
import { MIN_PASSWORD_LENGTH, VaultError } from './errors';

/**
 * Checks a *new* master password: at least {@link MIN_PASSWORD_LENGTH} code points after NFC.
 * Throws `VaultError('password-too-short')`.
 */
export function checkNewPassword(password: unknown): string {
  const normalized = normalizePassword(password);
  if ([...normalized].length < MIN_PASSWORD_LENGTH) throw new VaultError('password-too-short');
  return normalized;
}

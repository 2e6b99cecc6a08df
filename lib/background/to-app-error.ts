import type { AppError } from '../app-error';
import { BackupError, type BackupErrorCode } from '../import/types';
import type { MessageKey } from '../i18n';
import { isOtpError, otpErrorKey } from '../otp/errors';
import { isVaultError, type VaultErrorCode } from '../vault/errors';
import { RecoveryKeyError } from '../vault/recovery-key';
import { recoveryKeyProblemText } from '../recovery-key-text';
import { DuplicateAccountError, ImageUnreadableError, InputError, NoOtpQrError } from './errors';

const VAULT_KEYS: Record<VaultErrorCode, MessageKey> = {
  none: 'error_vault_none',
  exists: 'error_vault_exists',
  locked: 'error_vault_locked',
  'wrong-password': 'error_wrong_password',
  'too-many-attempts': 'error_too_many_attempts',
  'password-too-short': 'error_password_too_short',
  'corrupt-header': 'error_corrupt_header',
  'unsupported-kdf': 'error_unsupported_kdf',
  'not-found': 'error_not_found',
  'corrupt-record': 'error_record_corrupt',
  'too-many-accounts': 'error_too_many_accounts',
  'wrong-recovery-key': 'error_wrong_recovery_key',
  'no-recovery-key': 'error_no_recovery_key',
};

/** A wrong secret that had to wait: the same words, and how long. */
const WAIT_KEYS: Partial<Record<VaultErrorCode, MessageKey>> = {
  'wrong-password': 'error_wrong_password_wait',
  'wrong-recovery-key': 'error_wrong_recovery_key_wait',
  'too-many-attempts': 'error_too_many_attempts',
};

/** The page tells a file's problems apart by key (e.g. it asks for a password again). */
const BACKUP_KEYS: Record<BackupErrorCode, MessageKey> = {
  'password-required': 'error_backup_password_required',
  'wrong-password': 'error_backup_wrong_password',
  corrupt: 'error_backup_corrupt',
  'too-costly': 'error_backup_too_costly',
  'unsupported-format': 'error_backup_unsupported_format',
  'unsupported-version': 'error_backup_unsupported_version',
};

/**
 * Turns anything thrown while handling a message into a message key for the UI. Unknown errors
 * become a generic key: their text could, in theory, carry input, so it never crosses over.
 */
export function toAppError(error: unknown): AppError {
  if (isVaultError(error)) {
    const seconds = Math.ceil((error.retryAfterMs ?? 0) / 1000);
    const waitKey = WAIT_KEYS[error.code];
    if (waitKey && (error.code === 'too-many-attempts' || seconds > 0)) {
      return { key: waitKey, subs: [`${seconds}`], retryAfterMs: error.retryAfterMs ?? 0 };
    }
    return { key: VAULT_KEYS[error.code] };
  }
  if (error instanceof RecoveryKeyError) return recoveryKeyProblemText(error.problem);
  if (isOtpError(error)) return { key: otpErrorKey(error) };
  if (error instanceof BackupError) return { key: BACKUP_KEYS[error.code] };
  if (error instanceof NoOtpQrError) return { key: 'error_enroll_no_otp_qr' };
  if (error instanceof ImageUnreadableError) return { key: 'error_image_unreadable' };
  if (error instanceof InputError)
    return error.subs ? { key: error.key, subs: error.subs } : { key: error.key };
  if (error instanceof DuplicateAccountError)
    return { key: 'error_duplicate', subs: [error.title] };
  return { key: 'error_unexpected' };
}

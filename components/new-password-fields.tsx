import type { Translate, MessageKey } from '../lib/i18n';
import { MIN_PASSWORD_LENGTH, passwordStrength } from '../lib/password-strength';

interface Props {
  t: Translate;
  labels: { password: MessageKey; confirm: MessageKey };
  testIds: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  autoFocus?: boolean;
}

/**
 * A new master password typed twice, with the strength hint and the honest warning that nobody can
 * recover it — the same on first run and when changing it.
 */
export function NewPasswordFields(props: Props) {
  const { t, labels, testIds, password, confirm, onPassword, onConfirm, autoFocus } = props;
  const strength = password ? passwordStrength(password) : null;
  return (
    <>
      <label>
        {t(labels.password)}
        <input
          type="password"
          autoComplete="new-password"
          data-testid={testIds.password}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          autoFocus={autoFocus}
        />
      </label>
      {strength && (
        <p className={`strength strength-${strength}`} aria-live="polite">
          <span className="strength-bar" />
          {t(`strength_${strength}`)}
        </p>
      )}
      <label>
        {t(labels.confirm)}
        <input
          type="password"
          autoComplete="new-password"
          data-testid={testIds.confirm}
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
        />
      </label>
      <p className="warning">{t('setup_warning')}</p>
    </>
  );
}

/** Why a new password can't be used yet (too short, or the two differ), or null. */
export function newPasswordError(password: string, confirm: string): MessageKey | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'error_password_too_short';
  return password === confirm ? null : 'error_password_mismatch';
}

/**
 * The problem a submit found, for as long as it still applies: once the user fixes it (the two
 * passwords now match, or the password is long enough) it goes away without another submit.
 */
export function stillWrong(
  shown: MessageKey | null,
  password: string,
  confirm: string,
): MessageKey | null {
  return shown && newPasswordError(password, confirm) === shown ? shown : null;
}

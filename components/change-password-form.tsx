import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { MIN_PASSWORD_LENGTH, passwordStrength } from '../lib/password-strength';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  /** Resolves to the error to show, or null once changed. */
  onChange: (oldPassword: string, newPassword: string) => Promise<string | null>;
}

/** The old password, the new one twice, the strength hint and the honest warning. */
export function ChangePasswordForm({ t, busy, onChange }: Props) {
  const [old, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const strength = password ? passwordStrength(password) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!old) return setError(t('error_wrong_password'));
    if ([...password].length < MIN_PASSWORD_LENGTH) return setError(t('error_password_too_short'));
    if (password !== confirm) return setError(t('error_password_mismatch'));
    setError(null);
    const failed = await onChange(old, password);
    setError(failed);
    if (failed) return;
    setOld('');
    setPassword('');
    setConfirm('');
    setDone(true);
  };

  return (
    <form className="subsection" onSubmit={(event) => void submit(event)}>
      <h3>{t('security_password_title')}</h3>
      <label>
        {t('security_password_old')}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="password-old"
          value={old}
          onChange={(e) => setOld(e.target.value)}
        />
      </label>
      <label>
        {t('security_password_new')}
        <input
          type="password"
          autoComplete="new-password"
          data-testid="password-change-new"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {strength && (
        <p className={`strength strength-${strength}`} aria-live="polite">
          <span className="strength-bar" />
          {t(`strength_${strength}`)}
        </p>
      )}
      <label>
        {t('security_password_confirm')}
        <input
          type="password"
          autoComplete="new-password"
          data-testid="password-change-confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </label>
      <p className="warning">{t('setup_warning')}</p>
      <ErrorMessage text={error} />
      {done && (
        <p className="success" role="status" data-testid="password-changed">
          {t('security_password_changed')}
        </p>
      )}
      <div className="subsection-actions">
        <button
          type="submit"
          className="primary"
          data-testid="password-change-submit"
          disabled={busy}
        >
          {busy ? t('working') : t('security_password_submit')}
        </button>
      </div>
    </form>
  );
}

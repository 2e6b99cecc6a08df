import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { MIN_PASSWORD_LENGTH, passwordStrength } from '../lib/password-strength';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onCreate: (password: string) => void;
}

/** First run: choose the master password, typed twice, with the honest warning. */
export function PasswordSetup({ t, busy, error, onCreate }: Props) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const strength = password ? passwordStrength(password) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      setLocalError(t('error_password_too_short'));
    } else if (password !== confirm) {
      setLocalError(t('error_password_mismatch'));
    } else {
      setLocalError(null);
      onCreate(password);
    }
  };

  return (
    <form className="panel" onSubmit={submit}>
      <h1>{t('setup_title')}</h1>
      <p className="lead">{t('setup_intro')}</p>
      <label>
        {t('setup_password')}
        <input
          type="password"
          autoComplete="new-password"
          data-testid="password-new"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </label>
      {strength && (
        <p className={`strength strength-${strength}`} aria-live="polite">
          <span className="strength-bar" />
          {t(`strength_${strength}`)}
        </p>
      )}
      <label>
        {t('setup_confirm')}
        <input
          type="password"
          autoComplete="new-password"
          data-testid="password-confirm"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </label>
      <p className="warning">{t('setup_warning')}</p>
      <ErrorMessage text={localError ?? error} />
      <button type="submit" className="primary" data-testid="password-create" disabled={busy}>
        {busy ? t('working') : t('setup_create')}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onUnlock: (password: string) => void;
  /** 「パスワードを忘れた」: the recovery key, or the ways to start again. */
  onForgot?: () => void;
}

export function UnlockForm({ t, busy, error, onUnlock, onForgot }: Props) {
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) onUnlock(password);
  };
  return (
    <form className="panel" onSubmit={submit}>
      <h1>{t('unlock_title')}</h1>
      <label>
        {t('unlock_password')}
        <input
          type="password"
          autoComplete="current-password"
          data-testid="unlock-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </label>
      <ErrorMessage text={error} />
      <button type="submit" className="primary" data-testid="unlock-submit" disabled={busy}>
        {busy ? t('working') : t('unlock_submit')}
      </button>
      <p className="hint">{t('unlock_forgot')}</p>
      {onForgot && (
        <button
          type="button"
          className="small link"
          data-testid="forgot-password"
          onClick={onForgot}
        >
          {t('forgot_open')}
        </button>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';
import { NewPasswordFields, newPasswordError } from './new-password-fields';

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordError(password, confirm);
    setLocalError(problem && t(problem));
    if (!problem) onCreate(password);
  };

  return (
    <form className="panel" onSubmit={submit}>
      <h1>{t('setup_title')}</h1>
      <p className="lead">{t('setup_intro')}</p>
      <NewPasswordFields
        t={t}
        labels={{ password: 'setup_password', confirm: 'setup_confirm' }}
        testIds={{ password: 'password-new', confirm: 'password-confirm' }}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        autoFocus
      />
      <ErrorMessage text={localError ?? error} />
      <button type="submit" className="primary" data-testid="password-create" disabled={busy}>
        {busy ? t('working') : t('setup_create')}
      </button>
    </form>
  );
}

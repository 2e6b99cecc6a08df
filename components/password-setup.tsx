import { useState, type FormEvent } from 'react';
import type { MessageKey, Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';
import { NewPasswordFields, newPasswordError, stillWrong } from './new-password-fields';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onCreate: (password: string) => void;
  /** When the vault will lock by itself, as the auto-lock setting says (see autoLockNote). */
  lockNote?: string;
}

/** First run: choose the master password, typed twice, with the honest warning. */
export function PasswordSetup({ t, busy, error, onCreate, lockNote }: Props) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const shown = stillWrong(problem, password, confirm);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordError(password, confirm);
    setProblem(found);
    if (!found) onCreate(password);
  };

  return (
    <form className="panel" onSubmit={submit}>
      <h1>{t('setup_title')}</h1>
      <p className="lead">{t('setup_intro')}</p>
      {lockNote && <p className="hint">{lockNote}</p>}
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
      <ErrorMessage text={shown ? t(shown) : error} />
      <button type="submit" className="primary" data-testid="password-create" disabled={busy}>
        {busy ? t('working') : t('setup_create')}
      </button>
    </form>
  );
}

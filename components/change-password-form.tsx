import { useState, type FormEvent } from 'react';
import type { MessageKey, Translate } from '../lib/i18n';
import { ErrorMessage } from './error-message';
import { NewPasswordFields, newPasswordError, stillWrong } from './new-password-fields';

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
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [done, setDone] = useState(false);
  const shown = stillWrong(problem, password, confirm);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setProblem(null);
    if (!old) return setError(t('error_wrong_password'));
    const found = newPasswordError(password, confirm);
    setError(null);
    if (found) return setProblem(found);
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
      <NewPasswordFields
        t={t}
        labels={{ password: 'security_password_new', confirm: 'security_password_confirm' }}
        testIds={{ password: 'password-change-new', confirm: 'password-change-confirm' }}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
      />
      <ErrorMessage text={shown ? t(shown) : error} />
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

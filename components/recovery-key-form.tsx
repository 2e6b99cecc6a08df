import { useState, type FormEvent } from 'react';
import { errorText, type MessageKey, type Translate } from '../lib/i18n';
import { recoveryKeyProblemText } from '../lib/recovery-key-text';
import { RecoveryKeyError, parseRecoveryKey } from '../lib/vault/recovery-key';
import { ErrorMessage } from './error-message';
import { NewPasswordFields, newPasswordError } from './new-password-fields';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  /** What the key opens and what happens to the password, above the fields. */
  intro: MessageKey;
  onRecover: (recoveryKey: string, newPassword: string) => void;
}

/**
 * The recovery key and a new master password typed twice. A typo is named by group, and a
 * short or mismatched password refused, before anything is sent — on the lock screen and when
 * a fresh install opens synced accounts.
 */
export function RecoveryKeyForm({ t, busy, error, intro, onRecover }: Props) {
  const [key, setKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      parseRecoveryKey(key);
    } catch (caught) {
      if (!(caught instanceof RecoveryKeyError)) throw caught;
      return setLocalError(errorText(t, recoveryKeyProblemText(caught.problem)));
    }
    const problem = newPasswordError(password, confirm);
    setLocalError(problem && t(problem));
    if (!problem) onRecover(key, password);
  };

  return (
    <form className="panel-form" onSubmit={submit}>
      <p className="lead">{t(intro)}</p>
      <label>
        {t('forgot_key')}
        <input
          className="mono"
          data-testid="recovery-key-input"
          value={key}
          placeholder={t('forgot_key_placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => setKey(e.target.value)}
          autoFocus
        />
      </label>
      <NewPasswordFields
        t={t}
        labels={{ password: 'forgot_new_password', confirm: 'forgot_confirm' }}
        testIds={{ password: 'password-new', confirm: 'password-confirm' }}
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
      />
      <ErrorMessage text={localError ?? error} />
      <button type="submit" className="primary" data-testid="recovery-submit" disabled={busy}>
        {busy ? t('working') : t('forgot_submit')}
      </button>
    </form>
  );
}

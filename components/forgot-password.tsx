import { useState, type FormEvent } from 'react';
import { errorText, type Translate } from '../lib/i18n';
import { recoveryKeyProblemText } from '../lib/recovery-key-text';
import { RecoveryKeyError, parseRecoveryKey } from '../lib/vault/recovery-key';
import { ErrorMessage } from './error-message';
import { NewPasswordFields, newPasswordError } from './new-password-fields';
import { NoRecoveryKey } from './no-recovery-key';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  /** Whether the vault has a recovery key (`undefined` while reading). */
  hasKey: boolean | undefined;
  onRecover: (recoveryKey: string, newPassword: string) => void;
  /** Resolves to the error to show, or null once everything is deleted. */
  onWipe: (confirmation: string, restore: boolean) => Promise<string | null>;
  onBack: () => void;
}

/**
 * 「パスワードを忘れた」 on the lock screen: the recovery key and a new master password. A typo is
 * named by group before anything is sent. Without a key, the honest ways to start again.
 */
export function ForgotPassword({ t, busy, error, hasKey, onRecover, onWipe, onBack }: Props) {
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
    <div className="panel forgot">
      <h1>{t('forgot_title')}</h1>
      {hasKey === false ? (
        <p className="warning" data-testid="forgot-no-key">
          {t('forgot_no_slot')}
        </p>
      ) : (
        <form className="panel-form" onSubmit={submit}>
          <p className="lead">{t('forgot_intro')}</p>
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
      )}
      <button type="button" className="small" data-testid="forgot-back" onClick={onBack}>
        {t('forgot_back')}
      </button>
      <NoRecoveryKey t={t} busy={busy} open={hasKey === false} onWipe={onWipe} />
    </div>
  );
}

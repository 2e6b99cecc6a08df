import type { Translate } from '../lib/i18n';
import { NoRecoveryKey } from './no-recovery-key';
import { RecoveryKeyForm } from './recovery-key-form';

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
  return (
    <div className="panel forgot">
      <h1>{t('forgot_title')}</h1>
      {hasKey === false ? (
        <p className="warning" data-testid="forgot-no-key">
          {t('forgot_no_slot')}
        </p>
      ) : (
        <RecoveryKeyForm
          t={t}
          busy={busy}
          error={error}
          intro="forgot_intro"
          onRecover={onRecover}
        />
      )}
      <button type="button" className="small" data-testid="forgot-back" onClick={onBack}>
        {t('forgot_back')}
      </button>
      <NoRecoveryKey t={t} busy={busy} open={hasKey === false} onWipe={onWipe} />
    </div>
  );
}

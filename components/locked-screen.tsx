import { useState } from 'react';
import type { Translate } from '../lib/i18n';
import { ForgotPassword } from './forgot-password';
import { UnlockForm } from './unlock-form';

interface Props {
  t: Translate;
  busy: boolean;
  error: string | null;
  onUnlock: (password: string) => void;
  /** Whether the vault has a recovery key (`undefined` while reading). */
  hasRecoveryKey: boolean | undefined;
  forgot: {
    busy: boolean;
    error: string | null;
    onRecover: (recoveryKey: string, newPassword: string) => void;
    /** Resolves to the error to show, or null once everything is deleted. */
    onWipe: (confirmation: string, restore: boolean) => Promise<string | null>;
    onOpen: () => void;
  };
}

/** The lock screen: the master password, or 「パスワードを忘れた」 and its ways back. */
export function LockedScreen({ t, busy, error, onUnlock, hasRecoveryKey, forgot }: Props) {
  const [forgetting, setForgetting] = useState(false);
  if (!forgetting) {
    const open = () => {
      forgot.onOpen();
      setForgetting(true);
    };
    return <UnlockForm t={t} busy={busy} error={error} onUnlock={onUnlock} onForgot={open} />;
  }
  return (
    <ForgotPassword
      t={t}
      busy={forgot.busy}
      error={forgot.error}
      hasKey={hasRecoveryKey}
      onRecover={forgot.onRecover}
      onWipe={forgot.onWipe}
      onBack={() => setForgetting(false)}
    />
  );
}

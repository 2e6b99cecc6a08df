import { LockedScreen } from '../../components/locked-screen';
import { t } from '../../lib/browser-i18n';
import { useForgotPassword } from '../../lib/hooks/use-forgot-password';
import { useRecovery } from '../../lib/hooks/use-recovery';
import { errorText } from '../../lib/i18n';

interface Props {
  busy: boolean;
  error: string | null;
  onUnlock: (password: string) => void;
  refresh: () => Promise<void>;
}

/** The locked manage page: the master password, or 「パスワードを忘れた」 as in the popup. */
export function LockedView({ busy, error, onUnlock, refresh }: Props) {
  const recovery = useRecovery(false);
  const forgot = useForgotPassword();
  return (
    <LockedScreen
      t={t}
      busy={busy}
      error={error}
      onUnlock={onUnlock}
      hasRecoveryKey={recovery.info === undefined ? undefined : recovery.info !== null}
      forgot={{
        busy: forgot.busy,
        error: forgot.error && errorText(t, forgot.error),
        onRecover: (key, password) =>
          void forgot.recover(key, password).then(async (done) => {
            if (done) await refresh();
          }),
        onWipe: async (confirmation, restore) => {
          const failed = await forgot.wipe(confirmation);
          if (failed) return errorText(t, failed);
          // Here already: the new password first, then the backup file in 「インポート」.
          if (restore) location.hash = 'restore';
          await refresh();
          return null;
        },
        onOpen: () => void recovery.reload(),
      }}
    />
  );
}

import { LockedScreen } from '../../components/locked-screen';
import { PasswordSetup } from '../../components/password-setup';
import { TabIntro } from '../../components/tab-intro';
import { t } from '../../lib/browser-i18n';
import { openRestore, useForgotPassword } from '../../lib/hooks/use-forgot-password';
import { usePasswordChangedElsewhere } from '../../lib/hooks/use-password-changed-elsewhere';
import type { useRecovery } from '../../lib/hooks/use-recovery';
import { targetTab } from '../../lib/hooks/use-scan';
import type { useVault } from '../../lib/hooks/use-vault';
import { errorText } from '../../lib/i18n';
import { SyncJoin } from '../../components/sync-join';

interface Props {
  creating: boolean;
  vault: ReturnType<typeof useVault>;
  recovery: ReturnType<typeof useRecovery>;
  /** The host of the page that opened the popup as a tab, if any. */
  host: string | null;
  lockNote: string;
  /** After create or unlock: whether the vault opened. */
  onOpened: (ok: boolean) => void;
}

/** The popup before the vault is open: create a master password, or unlock (or recover). */
export function LockedView({ creating, vault, recovery, host, lockNote, onOpened }: Props) {
  const forgot = useForgotPassword();
  const changedElsewhere = usePasswordChangedElsewhere();
  const { busy, error } = vault.state;
  const errorMessage = error ? errorText(t, error) : null;
  // A page opened this as a tab (popup.html?tab=N): say whose it is and why.
  const intro = targetTab() !== undefined && <TabIntro t={t} host={host} creating={creating} />;
  return (
    <main>
      {intro}
      {!creating && changedElsewhere && (
        <p
          className="warning"
          role="status"
          style={{ margin: '18px 18px 0' }}
          data-testid="sync-password-changed"
        >
          {t('sync_password_changed')}
        </p>
      )}
      {creating ? (
        <SyncJoin t={t} onJoined={vault.refresh}>
          <PasswordSetup
            t={t}
            busy={busy}
            error={errorMessage}
            lockNote={lockNote}
            onCreate={(password) => void vault.create(password).then(onOpened)}
          />
        </SyncJoin>
      ) : (
        <LockedScreen
          t={t}
          busy={busy}
          error={errorMessage}
          onUnlock={(password) => void vault.unlock(password).then(onOpened)}
          hasRecoveryKey={recovery.info === undefined ? undefined : recovery.info !== null}
          forgot={{
            busy: forgot.busy,
            error: forgot.error && errorText(t, forgot.error),
            onRecover: (key, password) =>
              void forgot.recover(key, password).then(async (done) => {
                if (done) await vault.refresh();
              }),
            onWipe: async (confirmation, restore) => {
              const failed = await forgot.wipe(confirmation);
              if (failed) return errorText(t, failed);
              if (restore) openRestore();
              await vault.refresh();
              return null;
            },
            onOpen: () => void recovery.reload(),
          }}
        />
      )}
    </main>
  );
}

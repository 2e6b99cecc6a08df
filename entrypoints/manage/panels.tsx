import { useEffect } from 'react';
import { AccountsSection } from '../../components/accounts-section';
import { SecuritySection } from '../../components/security-section';
import { RecoveryCodesBox } from '../../components/recovery-codes-box';
import { SettingsSection } from '../../components/settings-section';
import { SyncSection } from '../../components/sync-section';
import { accountTitle } from '../../lib/account-title';
import type { AppError } from '../../lib/app-error';
import { t } from '../../lib/browser-i18n';
import { useManageAccounts } from '../../lib/hooks/use-manage-accounts';
import { useClipboardPermission } from '../../lib/hooks/use-clipboard-permission';
import { useRecoveryCodes } from '../../lib/hooks/use-recovery-codes';
import { useSecurity } from '../../lib/hooks/use-security';
import { useSettings } from '../../lib/hooks/use-settings';
import { useSync } from '../../lib/hooks/use-sync';
import { errorText } from '../../lib/i18n';
import type { AccountViewList } from '../../lib/messaging';
import { defaultDeviceName } from '../../lib/settings';

const words = (error: AppError | null) => (error ? errorText(t, error) : null);

interface AccountsProps {
  list: AccountViewList;
  refresh: () => Promise<void>;
  /** How many imports on this page have finished: each may have added accounts. */
  imported: number;
}

/** 「アカウント」 of the unlocked manage page. */
export function AccountsPanel({ list, refresh, imported }: AccountsProps) {
  const accounts = useManageAccounts(refresh);
  const recovery = useRecoveryCodes();
  // Imports here, and changes made in the popup meanwhile, show up in the list.
  useEffect(() => {
    if (imported > 0) void refresh();
  }, [imported, refresh]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [refresh]);
  const { error } = accounts;
  return (
    <AccountsSection
      t={t}
      list={list}
      pendingOrder={accounts.pendingOrder}
      error={error && { id: error.id, text: errorText(t, error.error) }}
      onUpdate={accounts.update}
      onReorder={(id, ids) => void accounts.reorder(id, ids)}
      onDelete={(id) => void accounts.remove(id)}
      onClearError={accounts.clearError}
      recovery={(account) =>
        account.recoveryCount && (
          <RecoveryCodesBox
            t={t}
            title={accountTitle(account)}
            count={account.recoveryCount}
            codes={recovery.id === account.id ? recovery.codes : null}
            asking={recovery.id === account.id}
            busy={recovery.busy}
            error={recovery.id === account.id ? words(recovery.error) : null}
            onShow={() => recovery.show(account.id)}
            onOpen={(password) => recovery.open(account.id, password)}
            onClose={recovery.close}
          />
        )
      }
    />
  );
}

/** 「設定」 and 「セキュリティ」 of the unlocked manage page. */
export function SettingsPanels({ refresh }: { refresh: () => Promise<void> }) {
  const { settings, loaded, saved, save } = useSettings();
  const security = useSecurity(refresh);
  const sync = useSync();
  const lang = document.documentElement.lang || 'ja';
  const clipboard = useClipboardPermission();
  return (
    <>
      {loaded && (
        <SettingsSection
          t={t}
          settings={settings}
          saved={saved}
          automaticDeviceName={defaultDeviceName(navigator.userAgent)}
          onChange={(key, value) => void save(key, value)}
          clipboardAllowed={clipboard.granted}
          onAllowClipboard={() => void clipboard.allow()}
        />
      )}
      {sync.status && (
        <SyncSection
          t={t}
          status={sync.status}
          busy={sync.busy !== null}
          error={words(sync.error)}
          lang={lang}
          onEnable={sync.enable}
          onJoin={async (password) => {
            const ok = await sync.join(password);
            if (ok) await refresh();
            return ok;
          }}
          onStop={() => void sync.stop()}
          onRemove={() => void sync.remove()}
          onSyncNow={() => void sync.now()}
        />
      )}
      <SecuritySection
        t={t}
        info={security.info}
        busy={security.busy}
        lang={document.documentElement.lang || 'ja'}
        onChangePassword={async (old, next) => words(await security.changePassword(old, next))}
        onWipe={async (confirmation, password) =>
          words(await security.wipe(confirmation, password))
        }
      />
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { AccountList } from '../../components/account-list';
import { AddAccountForm } from '../../components/add-account-form';
import { BackupReminder } from '../../components/backup-reminder';
import { ClockWarning } from '../../components/clock-warning';
import { ErrorMessage } from '../../components/error-message';
import { FailedRecord } from '../../components/failed-record';
import { LockedScreen } from '../../components/locked-screen';
import { PasswordSetup } from '../../components/password-setup';
import { PopupActions } from '../../components/popup-actions';
import { PopupHeader } from '../../components/popup-header';
import { RecoveryKeyCard } from '../../components/recovery-key-card';
import { RecoveryReminder } from '../../components/recovery-reminder';
import { ScanMessage } from '../../components/scan-message';
import { SitePanel } from '../../components/site-panel';
import { SearchBox } from '../../components/search-box';
import { pinnedFirst } from '../../lib/account-order';
import { filterAccounts, SEARCH_THRESHOLD } from '../../lib/account-search';
import { needsBackup } from '../../lib/backup-protocol';
import { t } from '../../lib/browser-i18n';
import { useBackupStatus } from '../../lib/hooks/use-backup-status';
import { useClock } from '../../lib/hooks/use-clock';
import { useCodeRefresh } from '../../lib/hooks/use-code-refresh';
import { useCopy } from '../../lib/hooks/use-copy';
import { openRestore, useForgotPassword } from '../../lib/hooks/use-forgot-password';
import { usePageSite } from '../../lib/hooks/use-page-site';
import { useScan } from '../../lib/hooks/use-scan';
import { useNow } from '../../lib/hooks/use-now';
import { openEmergencyKit, useRecovery } from '../../lib/hooks/use-recovery';
import { useReminders } from '../../lib/hooks/use-reminders';
import { useReturnToTab } from '../../lib/hooks/use-return-to-tab';
import { useVault } from '../../lib/hooks/use-vault';
import { errorText } from '../../lib/i18n';

export function App() {
  const vault = useVault();
  const { status, list, busy, error } = vault.state;
  const now = useNow();
  useReturnToTab(status);
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const { copiedId, copyFailed, copy } = useCopy();
  const scanner = useScan(vault.refresh);
  const page = usePageSite(vault.refresh);
  const clock = useClock(list.accounts);
  useCodeRefresh(list.accounts, (a) => now + clock.offsetFor(a.sites), vault.refresh);
  const backupStatus = useBackupStatus();
  const recovery = useRecovery(status === 'unlocked');
  const forgot = useForgotPassword();
  const reminders = useReminders(
    status === 'unlocked' && backupStatus !== undefined && recovery.pending !== undefined
      ? {
          // While a new key is on screen, it is its own reminder.
          recovery: recovery.pending === null && recovery.info?.confirmed !== true,
          backup: needsBackup(list.accounts, backupStatus),
        }
      : null,
  );
  const openManage = (hash: string) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/manage.html#${hash}`) });
  const searchRef = useRef<HTMLInputElement>(null);
  const errorMessage = error ? errorText(t, error) : null;
  const showSearch = list.accounts.length > SEARCH_THRESHOLD;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && searchRef.current) {
        event.preventDefault();
        searchRef.current.focus();
      } else if (event.key === 'ArrowDown' && event.target === searchRef.current) {
        // From the search box straight into the results.
        event.preventDefault();
        document.querySelector<HTMLElement>('[data-row-focus]')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (status === 'loading') return <div className="panel" aria-busy="true" />;
  if (status === 'none')
    return <PasswordSetup t={t} busy={busy} error={errorMessage} onCreate={vault.create} />;
  if (status === 'locked')
    return (
      <LockedScreen
        t={t}
        busy={busy}
        error={errorMessage}
        onUnlock={vault.unlock}
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
    );

  const openAdd = () => {
    vault.clearError();
    setAdding(true);
  };

  if (adding)
    return (
      <AddAccountForm
        t={t}
        busy={busy}
        error={errorMessage}
        onSubmit={(account) => void vault.add(account).then((added) => added && setAdding(false))}
        onCancel={() => {
          vault.clearError();
          setAdding(false);
        }}
      />
    );

  const visible = filterAccounts(pinnedFirst(list.accounts), query);
  return (
    <main>
      <PopupHeader
        t={t}
        onAdd={openAdd}
        onLock={() => {
          setQuery('');
          void vault.lock();
        }}
      />
      {recovery.pending && (
        <RecoveryKeyCard
          t={t}
          view={recovery.pending}
          busy={recovery.busy}
          onOpenKit={openEmergencyKit}
          onDone={() => void recovery.confirm()}
        />
      )}
      {clock.warning && (
        <ClockWarning t={t} warning={clock.warning} onCorrect={() => void clock.correct()} />
      )}
      {page.site && (
        <SitePanel
          t={t}
          site={page.site}
          filled={page.filled}
          onFill={() => void page.fill()}
          onEnable={() => void page.enable()}
          onDisable={() => void page.disable()}
        />
      )}
      <PopupActions
        t={t}
        scanning={scanner.scanning}
        onScan={() => void scanner.scan()}
        onOpenManage={scanner.openManage}
      />
      {scanner.result && (
        <ScanMessage t={t} result={scanner.result} onOpenManage={scanner.openManage} />
      )}
      {reminders.due === 'recovery' && (
        <RecoveryReminder
          t={t}
          onOpen={() => openManage('recovery')}
          onLater={() => reminders.later('recovery')}
        />
      )}
      {reminders.due === 'backup' && backupStatus !== undefined && (
        <BackupReminder
          t={t}
          never={backupStatus === null}
          onOpen={() => openManage('backup')}
          onLater={() => reminders.later('backup')}
        />
      )}
      {showSearch && <SearchBox t={t} value={query} onChange={setQuery} inputRef={searchRef} />}
      <ErrorMessage
        text={
          errorMessage ??
          (scanner.error ? errorText(t, scanner.error) : null) ??
          (copyFailed ? t('error_copy_failed') : null)
        }
      />
      {list.failed.map((f) => (
        <FailedRecord key={f.id} t={t} failed={f} onDelete={() => void vault.remove(f.id)} />
      ))}
      {list.accounts.length === 0 ? (
        <div className="empty">
          <p>{t('empty_title')}</p>
          <p className="hint">{t('empty_hint')}</p>
          <button type="button" className="primary" onClick={openAdd}>
            {t('add_title')}
          </button>
        </div>
      ) : visible.length === 0 ? (
        <p className="empty hint">{t('search_none')}</p>
      ) : (
        <AccountList
          t={t}
          accounts={visible}
          now={now}
          clockOffset={(account) => clock.offsetFor(account.sites)}
          copiedId={copiedId}
          onCopy={(account, code) => void copy(account.id, code)}
          onDelete={(account) => void vault.remove(account.id)}
          onNextHotp={(account) => void vault.nextHotp(account.id)}
          site={page.site?.enabled ? page.site.origin : null}
          onBind={(account, bound) => void page.bind(account.id, bound)}
        />
      )}
    </main>
  );
}

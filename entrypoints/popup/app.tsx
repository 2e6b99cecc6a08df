import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { AccountList } from '../../components/account-list';
import { AddAccountForm } from '../../components/add-account-form';
import { BackupReminder } from '../../components/backup-reminder';
import { ClockWarning } from '../../components/clock-warning';
import { ErrorMessage } from '../../components/error-message';
import { FailedRecord } from '../../components/failed-record';
import { FIRST_RUN_HEADING, FirstRun } from '../../components/first-run';
import { PopupActions } from '../../components/popup-actions';
import { PopupHeader } from '../../components/popup-header';
import { RecoveryKeyCard } from '../../components/recovery-key-card';
import { RecoveryReminder } from '../../components/recovery-reminder';
import { ScanMessage } from '../../components/scan-message';
import { SitePanel } from '../../components/site-panel';
import { SearchBox } from '../../components/search-box';
import { pinnedFirst } from '../../lib/account-order';
import { accountTitle } from '../../lib/account-title';
import { filterAccounts, SEARCH_THRESHOLD } from '../../lib/account-search';
import { autoLockNote } from '../../lib/auto-lock-note';
import { needsBackup } from '../../lib/backup-protocol';
import { t } from '../../lib/browser-i18n';
import { useBackupStatus } from '../../lib/hooks/use-backup-status';
import { useClock } from '../../lib/hooks/use-clock';
import { useCodeRefresh } from '../../lib/hooks/use-code-refresh';
import { useCopy } from '../../lib/hooks/use-copy';
import { useFocusNext } from '../../lib/hooks/use-focus-next';
import { usePageSite } from '../../lib/hooks/use-page-site';
import { useScan } from '../../lib/hooks/use-scan';
import { useNow } from '../../lib/hooks/use-now';
import { openEmergencyKit, useRecovery } from '../../lib/hooks/use-recovery';
import { useReminders } from '../../lib/hooks/use-reminders';
import { useReturnToTab } from '../../lib/hooks/use-return-to-tab';
import { useSettings } from '../../lib/hooks/use-settings';
import { useSearchKeys } from '../../lib/hooks/use-search-keys';
import { useVault } from '../../lib/hooks/use-vault';
import type { VaultState } from '../../lib/vault-state';
import { errorText } from '../../lib/i18n';
import { KOSMO_WEB_URL } from '../../lib/kosmo';
import type { AccountView } from '../../lib/otp/account-codes';
import { hostOf } from '../../lib/site-binding';
import { LockedView } from './locked-view';

/** What the focus moves to once the vault opens: the first account, or the first-run text. */
const firstContent = () =>
  document.querySelector<HTMLElement>('[data-row-focus]') ??
  document.getElementById(FIRST_RUN_HEADING);

/** The popup. `initial`: the vault's state, asked for before the first paint (main.tsx). */
export function App({ initial }: { initial?: Partial<VaultState> }) {
  const vault = useVault(initial);
  const { status, list, busy, error } = vault.state;
  const now = useNow();
  useReturnToTab(status);
  const [adding, setAdding] = useState(false);
  const [boundNote, setBoundNote] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const { copiedId, copyFailed, copy } = useCopy();
  const scanner = useScan(vault.refresh);
  const page = usePageSite(vault.refresh);
  const clock = useClock(list.accounts);
  useCodeRefresh(list.accounts, (a) => now + clock.offsetFor(a.sites), vault.refresh);
  const backupStatus = useBackupStatus();
  const recovery = useRecovery(status === 'unlocked');
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
  const lockNote = autoLockNote(t, useSettings().settings.autoLockMinutes);
  const visible = filterAccounts(pinnedFirst(list.accounts), query);
  // The rows' order, for finding a new one: kept before useFocusNext, whose effect reads it.
  const visibleRef = useRef<string[]>([]);
  const visibleIds = visible.map((a) => a.id).join(' ');
  useEffect(() => {
    visibleRef.current = visibleIds.split(' ');
  }, [visibleIds]);
  const focusNext = useFocusNext();

  useSearchKeys(searchRef);

  if (status === 'loading') return <main className="panel" aria-busy="true" />;
  if (status === 'none' || status === 'locked') {
    return (
      <LockedView
        creating={status === 'none'}
        vault={vault}
        recovery={recovery}
        host={page.site?.origin ? new URL(page.site.origin).host : null}
        lockNote={lockNote}
        onOpened={(ok) => ok && focusNext(firstContent)}
      />
    );
  }

  const openAdd = () => {
    vault.clearError();
    setBoundNote(null);
    setAdding(true);
  };

  if (adding) {
    const add = async (account: Parameters<typeof vault.add>[0]) => {
      const before = new Set(list.accounts.map((a) => a.id));
      // Added with the popup on a KOSMO page: bound to that page at once.
      const site = page.site?.kosmo ? page.site.origin : null;
      const added = await vault.add(site ? { ...account, site } : account);
      if (!added) return;
      setAdding(false);
      setBoundNote(boundNoteFor(added));
      // The new row: its place among the rows shown, once the list has it.
      focusNext(() => {
        const index = visibleRef.current.findIndex((id) => !before.has(id));
        return index < 0 ? null : document.querySelectorAll<HTMLElement>('[data-row-focus]')[index];
      });
    };
    return (
      <main>
        <AddAccountForm
          t={t}
          busy={busy}
          error={errorMessage}
          onSubmit={(account) => void add(account)}
          onCancel={() => {
            vault.clearError();
            setAdding(false);
            focusNext(() => document.querySelector<HTMLElement>('[data-testid="add-account"]'));
          }}
        />
      </main>
    );
  }

  const empty = list.accounts.length === 0;
  return (
    <main>
      <PopupHeader
        t={t}
        lockNote={lockNote}
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
          // With no account, the first-run text below says what to press on a setup page.
          site={empty ? { ...page.site, setup: false } : page.site}
          filled={page.filled}
          primary={!empty && !!page.site.origin && !page.site.setup}
          accounts={list.accounts}
          onFill={() => void page.fill()}
          onChoose={(account) => void page.choose(account.id)}
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
      {boundNote && (
        <p className="notice" role="status" data-testid="add-result">
          {boundNote}
        </p>
      )}
      {scanner.result && (
        <ScanMessage
          t={t}
          result={scanner.result}
          onSetupPage={page.site?.setup}
          onOpenManage={scanner.openManage}
        />
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
      {empty ? (
        <FirstRun
          t={t}
          onSetupPage={page.site?.setup ?? false}
          onOpenKosmo={() => void browser.tabs.create({ url: KOSMO_WEB_URL })}
          onTypeKey={openAdd}
        />
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

/** Where a new account was bound at once (a KOSMO page, its issuer's host), in words; else null. */
function boundNoteFor(added: AccountView): string | null {
  const [site] = added.sites;
  return site ? t('add_bound', [accountTitle(added), hostOf(site)]) : null;
}

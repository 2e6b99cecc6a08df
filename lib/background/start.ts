import { browser } from 'wxt/browser';
import { offsetFor, type ClockCorrection, type CodeClock } from '../clock';
import { VaultDatabase } from '../db/vault-database';
import {
  backupStatusItem,
  clockCorrectionItem,
  enabledSitesItem,
  pendingImportItem,
  recoveryAwaitItem,
  remindersItem,
  usedStepsItem,
  vaultSessionStore,
} from '../storage';
import { SessionKey } from '../vault/session-key';
import { Vault } from '../vault/vault';
import { browserSyncArea } from './sync-area';
import { syncHandlers } from './sync-handlers';
import { SyncService } from './sync-service';
import { startAutoLock } from './auto-lock';
import { backupHandlers } from './backup-handlers';
import { chooseHandlers } from './choose-handlers';
import { clipboardHandlers } from './clipboard';
import { contentHandlers } from './content-handlers';
import { heldFillStores } from './fill-stores';
import { exportHandlers } from './export-handlers';
import { importHandlers } from './import-handlers';
import { manageHandlers } from './manage-handlers';
import { loginUserHandlers } from './page-user';
import { PendingImport } from './pending-import';
import { recoveryContentHandlers, recoveryPageHandlers } from './recovery-handlers';
import { createResponder, forContent, forOverlay, forPages, listen, type Routes } from './routes';
import { recoveryHandlers } from './recovery-key-handlers';
import { regionHandlers, scanHandlers } from './scan-handlers';
import { isAllowedOrigin } from './senders';
import { startShortcuts } from './shortcuts';
import { submissionHandlers } from './submissions';
import { siteHandlers, syncSiteScripts } from './site-handlers';
import { startToolbarHint, toolbarHintHandlers } from './toolbar-hint';
import { readVault, startUnlockWaiters, vaultHandlers } from './vault-handlers';
import { dropOnStorageChange, droppingStore, Held } from './held-snapshot';
import { startWelcome } from './welcome';

/**
 * The service worker: the only owner of the vault and the only code that opens IndexedDB. Every
 * request the pages and content scripts may make is in the registry below, with its audience; the
 * compiler refuses a request of the protocol that has no handler here.
 */
export function startBackground(): void {
  const extensionId = browser.runtime.id;
  const db = new VaultDatabase({ indexedDB, IDBKeyRange });
  // The popup's first request is answered from memory until the vault's storage changes.
  const held = new Held(() => readVault(vault));
  dropOnStorageChange(held);
  const sessionStore = droppingStore(vaultSessionStore, held);
  const vault = new Vault({ db, crypto, session: sessionStore, now: () => Date.now() });
  const notifyUnlocked = startUnlockWaiters(extensionId, isAllowedOrigin);
  const now = startClock();
  // One copy in memory of what a login page's code request reads, shared by its handlers.
  const fill = heldFillStores();
  const content = contentHandlers(vault, now, fill);
  const session = new SessionKey(sessionStore, crypto);
  const sync = { db, crypto, session, area: browserSyncArea, now: () => Date.now() };
  const syncService = new SyncService(sync);

  const routes = {
    ...forPages({
      ...vaultHandlers(vault, notifyUnlocked, now, held),
      ...importHandlers(vault, { pending: new PendingImport(pendingImportItem, crypto) }),
      ...scanHandlers(vault),
      ...clipboardHandlers(),
      ...siteHandlers(vault),
      ...backupHandlers(vault, {
        crypto,
        now: () => Date.now(),
        saveStatus: (status) => backupStatusItem.setValue(status),
      }),
      ...exportHandlers(vault, crypto),
      ...manageHandlers(vault, { clearLocal: clearBesideVault }),
      ...recoveryPageHandlers(vault),
      ...recoveryHandlers(vault, { onUnlocked: notifyUnlocked, clearLocal: clearBesideVault }),
      ...syncHandlers(vault, { ...sync, service: syncService }),
    }),
    ...forContent({
      ...content,
      ...chooseHandlers(vault, (hints, from) => content['otp.codes'](hints, from)),
      ...loginUserHandlers(Date.now, fill.loginUsers),
      ...toolbarHintHandlers(),
    }),
    ...forContent(recoveryContentHandlers(vault, { awaiting: recoveryAwaitItem, now: Date.now })),
    ...forContent({ ...content, ...submissionHandlers(vault, now, fill) }),
    // The overlay may run on any page the user scanned; the handler needs that tab's capture.
    ...forOverlay(regionHandlers(vault)),
  } satisfies Routes;
  const touch = () => vault.touch();
  listen(routes, createResponder(routes, { extensionId, isAllowed: isAllowedOrigin, touch }));

  startShortcuts(vault);
  startToolbarHint();
  startWelcome();
  // Permissions can be revoked at chrome://extensions; registrations follow what is granted.
  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  // A new version may register the allowed sites' script differently (e.g. when it starts).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void syncSiteScripts();
  });
  startAutoLock(vault);
  syncService.start();
}

/**
 * "Now" for the codes the worker makes: the real clock plus the correction the user accepted in
 * the popup, for the accounts bound to the origin it was measured on — the popup's rule
 * (`offsetFor`), so fills agree with what the popup shows.
 */
function startClock(): CodeClock {
  let correction: ClockCorrection | null = null;
  void clockCorrectionItem.getValue().then((value) => (correction = value));
  clockCorrectionItem.watch((value) => (correction = value));
  return (sites) => Date.now() + offsetFor(sites, correction);
}

/**
 * After 「すべて削除」: the allowed sites (and their content script), the backup state, the
 * reminders and the used steps go too.
 */
async function clearBesideVault(): Promise<void> {
  await Promise.all([
    enabledSitesItem.removeValue(),
    backupStatusItem.removeValue(),
    remindersItem.removeValue(),
    usedStepsItem.removeValue(),
  ]);
  await syncSiteScripts();
}

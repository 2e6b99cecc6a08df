import { browser } from 'wxt/browser';
import { VaultDatabase } from '../db';
import { onMessage, type ProtocolMap } from '../messaging';
import { Vault } from '../vault';
import { startAutoLock } from './auto-lock';
import { backupHandlers } from './backup-handlers';
import { saveBackupStatus } from './backup-status';
import { clipboardHandlers } from './clipboard';
import { startClock } from './clock-offset';
import { createContentResponder, siteOf } from './content-responder';
import { enrollHandlers } from './enroll-handlers';
import { exportHandlers } from './export-handlers';
import { fillHandlers } from './fill-handlers';
import { createExtensionResponder } from './extension-responder';
import type { Respond } from './handler-types';
import { startFillTriggers } from './fill-triggers';
import { importHandlers } from './import-handlers';
import { PendingImport } from './pending-import';
import { manageHandlers } from './manage-handlers';
import { siteHandlers, syncSiteScripts } from './site-handlers';
import { regionHandlers, scanHandlers } from './scan-handlers';
import { startScanCommand } from './scan-command';
import { readSettings } from './read-settings';
import { browserSessionStore } from './session-store';
import { isAllowedOrigin } from './sites';
import { startUnlockWaiters } from './unlock-waiters';
import { vaultHandlers } from './vault-handlers';

/** The service worker: the only owner of the vault and the only code that opens IndexedDB. */
export function startBackground(): void {
  const id = browser.runtime.id;
  const db = new VaultDatabase({ indexedDB, IDBKeyRange });
  const vault = new Vault({ db, crypto, session: browserSessionStore, now: () => Date.now() });
  const allowed = isAllowedOrigin;
  const notifyUnlocked = startUnlockWaiters(id, allowed);
  const now = startClock();

  const fromPages = createExtensionResponder(
    {
      ...vaultHandlers(vault, notifyUnlocked),
      ...importHandlers(vault, { pending: new PendingImport(browserSessionStore, crypto) }),
      ...scanHandlers(vault),
      ...clipboardHandlers(),
      ...siteHandlers(vault),
      ...backupHandlers(vault, {
        crypto,
        now: () => Date.now(),
        saveStatus: saveBackupStatus,
      }),
      ...exportHandlers(vault, crypto),
      ...manageHandlers(vault, { clearLocal: clearBesideVault }),
    },
    vault,
    id,
  );
  listen(fromPages, [
    'vault.status',
    'vault.snapshot',
    'vault.create',
    'vault.unlock',
    'vault.lock',
    'accounts.list',
    'accounts.add',
    'accounts.delete',
    'accounts.next-hotp',
    'import.preview',
    'import.commit',
    'import.cancel',
    'scan.screen',
    'clipboard.copied',
    'fill.page',
    'sites.page',
    'sites.enable',
    'sites.disable',
    'accounts.bind',
    'accounts.update',
    'accounts.reorder',
    'vault.change-password',
    'vault.info',
    'vault.wipe',
    'backup.create',
    'export.open',
  ]);
  const site = siteOf(id, allowed);
  const fromContent = createContentResponder(
    { ...enrollHandlers(vault, site, now), ...fillHandlers(vault, site, readSettings, now) },
    site,
  );
  listen(fromContent, ['enroll.add', 'enroll.device', 'ui.open-unlock', 'otp.codes']);
  // The overlay may run on any page the user scanned; the handler needs that tab's pending capture.
  const anyPage = siteOf(id, async () => true);
  listen(createContentResponder(regionHandlers(vault), anyPage), ['scan.region']);
  startScanCommand(vault);
  startFillTriggers();
  // Permissions can be revoked at chrome://extensions; registrations follow what is granted.
  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  startAutoLock(vault);
}

/** After 「すべて削除」: the allowed sites (and their content script) and the backup state go too. */
async function clearBesideVault(): Promise<void> {
  await browser.storage.local.remove(['enabledSites', 'backup']);
  await syncSiteScripts();
}

function listen(respond: Respond, requests: (keyof ProtocolMap)[]): void {
  for (const request of requests) onMessage(request, (message) => respond(request, message));
}

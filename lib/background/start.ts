import { browser } from 'wxt/browser';
import { VaultDatabase } from '../db';
import { onMessage, type ProtocolMap } from '../messaging';
import { Vault } from '../vault';
import { startAutoLock } from './auto-lock';
import { createContentResponder, siteOf } from './content-responder';
import { enrollHandlers } from './enroll-handlers';
import { fillHandlers } from './fill-handlers';
import { createExtensionResponder } from './extension-responder';
import type { Respond } from './handler-types';
import { startFillTriggers } from './fill-triggers';
import { importHandlers } from './import-handlers';
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

  const fromPages = createExtensionResponder(
    {
      ...vaultHandlers(vault, notifyUnlocked),
      ...importHandlers(vault),
      ...scanHandlers(vault),
      ...siteHandlers(vault),
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
    'import.image',
    'import.text',
    'scan.screen',
    'fill.page',
    'sites.page',
    'sites.enable',
    'sites.disable',
    'accounts.bind',
  ]);
  const site = siteOf(id, allowed);
  const fromContent = createContentResponder(
    { ...enrollHandlers(vault, site), ...fillHandlers(vault, site, readSettings) },
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

function listen(respond: Respond, requests: (keyof ProtocolMap)[]): void {
  for (const request of requests) onMessage(request, (message) => respond(request, message));
}

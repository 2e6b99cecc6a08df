import { browser } from 'wxt/browser';
import { VaultDatabase } from '../db';
import { onMessage, type ProtocolMap } from '../messaging';
import { Vault } from '../vault';
import { startAutoLock } from './auto-lock';
import { browserSessionStore } from './session-store';
import { createVaultResponder } from './vault-handlers';

const REQUESTS: (keyof ProtocolMap)[] = [
  'vault.status',
  'vault.snapshot',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'accounts.list',
  'accounts.add',
  'accounts.delete',
  'accounts.next-hotp',
];

/** The service worker: the only owner of the vault and the only code that opens IndexedDB. */
export function startBackground(): void {
  const db = new VaultDatabase({ indexedDB, IDBKeyRange });
  const vault = new Vault({ db, crypto, session: browserSessionStore, now: () => Date.now() });
  const respond = createVaultResponder(vault, browser.runtime.id);
  for (const request of REQUESTS) {
    onMessage(request, (message) => respond(request, message));
  }
  startAutoLock(vault);
}

import { browser, type Browser } from 'wxt/browser';
import { contentOrigin } from './content-sender';
import type { FullSender } from './handler-types';

/**
 * Content scripts that asked to be told when the vault opens (a setup page whose user went to
 * unlock). They hold a port named `vault-wait`; the message says only "unlocked".
 */
export function startUnlockWaiters(
  extensionId: string,
  allowed: (origin: string) => Promise<boolean>,
) {
  const waiting = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'vault-wait') return;
    const origin = contentOrigin((port.sender ?? {}) as FullSender, extensionId);
    waiting.add(port);
    port.onDisconnect.addListener(() => waiting.delete(port));
    void (origin ? allowed(origin) : Promise.resolve(false)).then((ok) => {
      if (ok) return;
      waiting.delete(port);
      port.disconnect();
    });
  });
  return function notifyUnlocked(): void {
    for (const port of waiting) port.postMessage({ unlocked: true });
    waiting.clear();
  };
}

import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { VaultStatus } from '../messaging';

/**
 * When a page asked the user to unlock and the popup had to open as a tab (`popup.html?tab=N`),
 * go back to that page once unlocked: it carries on with what it was doing.
 */
export function useReturnToTab(status: VaultStatus | 'loading'): void {
  const wasLocked = useRef(false);
  useEffect(() => {
    if (status === 'locked' || status === 'none') wasLocked.current = true;
    const tab = Number(new URLSearchParams(location.search).get('tab'));
    if (status !== 'unlocked' || !wasLocked.current || !Number.isInteger(tab) || tab <= 0) return;
    void browser.tabs.update(tab, { active: true }).then(() => window.close());
  }, [status]);
}

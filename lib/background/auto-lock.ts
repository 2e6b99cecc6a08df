import { browser } from 'wxt/browser';
import { settingsItem } from '../storage';
import type { Vault } from '../vault/vault';

const ALARM = 'auto-lock';

/**
 * Locks after the set idle minutes. `chrome.idle` alone is not enough (it never reports idle in
 * headless Chromium and is system-wide), so a minutely alarm also checks the vault's own
 * last-activity time. A locked screen always locks. The browser closing clears `storage.session`.
 */
export function startAutoLock(vault: Vault): void {
  void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  void readMinutes().then(applyIdleInterval);

  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== ALARM) return;
    const minutes = await readMinutes();
    if (minutes > 0) await vault.autoLockIfIdle(minutes);
  });

  browser.idle.onStateChanged.addListener(async (state) => {
    if (state === 'locked' || (state === 'idle' && (await readMinutes()) > 0)) await vault.lock();
  });

  settingsItem.watch((settings) => applyIdleInterval(settings.autoLockMinutes));
}

async function readMinutes(): Promise<number> {
  return (await settingsItem.getValue()).autoLockMinutes;
}

function applyIdleInterval(minutes: number): void {
  // 0 = lock only when the browser closes; the screen lock still counts.
  browser.idle.setDetectionInterval(minutes > 0 ? minutes * 60 : 4 * 60 * 60);
}

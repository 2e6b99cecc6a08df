import { browser } from 'wxt/browser';
import type { Vault } from '../vault';
import { scanTab } from './scan-handlers';

/**
 * The keyboard shortcut for 「画面のQRコードを読み取る」. With no popup to answer in, success shows
 * as a ✓ on the toolbar icon; a locked vault opens the popup; a page that can't be scanned opens
 * the image import.
 */
export function startScanCommand(vault: Vault): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'scan-screen') return;
    if ((await vault.status()) !== 'unlocked') {
      await browser.action
        .openPopup()
        .catch(() => browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }));
      return;
    }
    const result = await scanTab(vault);
    if (result.kind === 'unsupported') {
      await browser.tabs.create({ url: browser.runtime.getURL('/manage.html') });
    } else if (result.kind === 'done') {
      await browser.action.setBadgeText({ text: '✓' });
      setTimeout(() => void browser.action.setBadgeText({ text: '' }), 4000);
    }
  });
}

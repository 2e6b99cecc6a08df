import { browser } from 'wxt/browser';
import { t } from '../browser-i18n';
import type { Vault } from '../vault/vault';
import { scanTab } from './scan-handlers';
import { fillTab } from './site-handlers';

const MENU_ID = 'fill-otp';

/**
 * What the user can do without opening the popup: the keyboard shortcuts (`fill-code`,
 * `scan-screen` in the manifest) and 「ワンタイムパスワードを入力」 on an editable field's context
 * menu. Filling only asks the page's content script, which gets the code through the
 * origin-checked request like the badge does.
 */
export function startShortcuts(vault: Vault): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: t('menu_fill'), contexts: ['editable'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void fillTab(tab.id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-code') void fillTab();
    if (command === 'scan-screen') void scanFromShortcut(vault);
  });
}

/**
 * 「画面のQRコードを読み取る」 by shortcut. With no popup to answer in, success shows as a ✓ on the
 * toolbar icon; a locked vault opens the popup; a page that can't be scanned opens the image
 * import.
 */
async function scanFromShortcut(vault: Vault): Promise<void> {
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
}

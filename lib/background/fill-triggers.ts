import { browser } from 'wxt/browser';
import { t } from '../browser-i18n';
import { fillTab } from './site-handlers';

const MENU_ID = 'fill-otp';

/**
 * The other ways to fill besides the badge: the keyboard shortcut and 「ワンタイムパスワードを入力」
 * on an editable field's context menu. Both only ask the page's content script, which gets the
 * code through the origin-checked request like the badge does.
 */
export function startFillTriggers(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: t('menu_fill'), contexts: ['editable'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void fillTab(tab.id);
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === 'fill-code') void fillTab();
  });
}

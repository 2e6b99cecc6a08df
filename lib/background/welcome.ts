import { browser } from 'wxt/browser';
import { welcomeShownItem } from '../storage';

/** The page opened once, on a fresh install (`entrypoints/welcome`). */
export const WELCOME_PAGE = '/welcome.html';

/**
 * A fresh install opens the welcome tab: what the extension does, the master password, the
 * emergency kit, KOSMO Web and how to pin the icon. An update, a browser update or a second
 * "install" of the same profile's copy opens nothing: nothing there needs the user.
 */
export function startWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openWelcomeOnce();
  });
}

async function openWelcomeOnce(): Promise<void> {
  if (await welcomeShownItem.getValue()) return;
  await welcomeShownItem.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

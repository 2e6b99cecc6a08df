import { browser } from 'wxt/browser';
import { t } from '../browser-i18n';
import type { ContentHandlers } from './routes';

/** The toolbar badge on a tab whose page is a Keycloak setup page. */
export const SETUP_BADGE = '+';
const BADGE_COLOR = '#1f5fbf';

/**
 * The toolbar icon tells the user, on the tab that shows a setup page, that the page itself has
 * the one-click 「PC Authenticatorに追加」: a 「+」 badge and a tooltip that names the button. The
 * state is the browser's own per-tab badge (it outlives a stopped worker, and the popup reads it
 * back through {@link isSetupHintShown}).
 */
export async function showSetupHint(tabId: number, setup: boolean): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: setup ? SETUP_BADGE : '' }),
    browser.action.setTitle({
      tabId,
      title: setup ? t('toolbar_setup_hint') : browser.i18n.getMessage('extName'),
    }),
    setup ? browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }) : undefined,
  ]);
}

/** Whether the tab's toolbar icon carries the setup-page badge. */
export async function isSetupHintShown(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    return (await browser.action.getBadgeText({ tabId })) === SETUP_BADGE;
  } catch {
    // A tab closed meanwhile has no badge to read.
    return false;
  }
}

/** The content script on a setup page says so (and again when the page stops being one). */
export function toolbarHintHandlers() {
  return {
    'enroll.page': async ({ setup }, { tab }) => {
      if (tab.id !== undefined) await showSetupHint(tab.id, setup);
      return null;
    },
  } satisfies ContentHandlers;
}

/**
 * A tab that starts loading another page loses the badge: the new page's content script sets it
 * again if that page is a setup page too.
 */
export function startToolbarHint(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void showSetupHint(tabId, false).catch(() => undefined);
  });
}

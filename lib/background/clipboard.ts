import { browser } from 'wxt/browser';
import type { ClearRequest } from '../messaging';
import { settingsItem } from '../storage';
import type { PageHandlers } from './routes';

const OFFSCREEN = '/offscreen.html';

async function ensureOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN);
  const existing = await browser.runtime.getContexts({
    contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN,
    reasons: [browser.offscreen.Reason.CLIPBOARD],
    justification: 'Clear a copied one-time code from the clipboard after the set time',
  });
}

/** After a copy in the popup: clear the clipboard later, if it still holds that code. */
export function clipboardHandlers() {
  return {
    'clipboard.copied': async ({ code }) => {
      const { clipboardSeconds } = await settingsItem.getValue();
      if (clipboardSeconds <= 0 || !/^\d{1,10}$/.test(code)) return null;
      // Without clipboardRead the code can't be told from what the user copied since: keep it.
      if (!(await browser.permissions.contains({ permissions: ['clipboardRead'] }))) return null;
      await ensureOffscreen();
      const request: ClearRequest = {
        target: 'offscreen',
        type: 'clipboard.clear-after',
        code,
        delayMs: clipboardSeconds * 1000,
      };
      await browser.runtime.sendMessage(request);
      return null;
    },
  } satisfies PageHandlers;
}

import { browser } from 'wxt/browser';

/** The tab the popup acts on: the one it names (popup opened as a tab), else the active one. */
export async function targetTab(tabId?: number) {
  return tabId
    ? browser.tabs.get(tabId)
    : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
}

/** `https://host[:port]` of an http(s) URL, else null (extension pages, chrome://, files…). */
export function webOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

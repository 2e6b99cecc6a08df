import { browser } from 'wxt/browser';

/**
 * The tab the popup acts on: the one it names (`popup.html?tab=N`), else the active tab — unless
 * that is one of our own pages (the popup opened as a tab), then the page the user was on last.
 */
export async function targetTab(tabId?: number) {
  if (tabId) return browser.tabs.get(tabId);
  const ours = (tab: { url?: string }) => !!tab.url?.startsWith(browser.runtime.getURL('/'));
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active && !ours(active)) return active;
  const others = (await browser.tabs.query({})).filter((t) => !ours(t) && t.id !== active?.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0] ?? active;
}

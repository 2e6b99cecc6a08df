import { browser } from 'wxt/browser';
import { FILL_NOW, type FillNowReply } from '../messaging';
import { isHttpSite, originOfUrl, strictOrigin } from '../site-origin';
import { enabledSitesItem } from '../storage';
import { withTrustedSite } from '../trusted-sites';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import type { PageHandlers } from './routes';
import { isKosmoOrigin } from './senders';
import { isSetupHintShown } from './toolbar-hint';

const SCRIPT_ID = 'pc-authenticator-sites';

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

/**
 * Keeps the run-time content script registered for exactly the sites the user allowed (plus the
 * permission the popup requested for each). Called at start and after every change.
 */
export async function syncSiteScripts(): Promise<void> {
  const origins: string[] = [];
  for (const origin of await enabledSitesItem.getValue()) {
    if (await browser.permissions.contains({ origins: [`${origin}/*`] })) origins.push(origin);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins.map((o) => `${o}/*`),
      js: ['content-scripts/sites.js'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}

async function setEnabledSites(origins: string[]): Promise<void> {
  await enabledSitesItem.setValue([...new Set(origins)]);
  await syncSiteScripts();
}

/** Sends 「入力」 to the page's content script; it asks for the code itself (origin-checked). */
export async function fillTab(tabId?: number): Promise<'filled' | 'nothing'> {
  const tab = await targetTab(tabId);
  if (!tab?.id) return 'nothing';
  const filled: FillNowReply = await browser.tabs
    .sendMessage(tab.id, FILL_NOW, { frameId: 0 })
    .then((reply: unknown) => reply === true)
    .catch(() => false);
  return filled ? 'filled' : 'nothing';
}

/** 「このページに入力」 and 「このサイトで有効にする」 from the popup. */
export function siteHandlers(vault: Vault) {
  return {
    'fill.page': ({ tabId }) => fillTab(tabId),
    'sites.page': async ({ tabId }) => {
      const tab = await targetTab(tabId);
      const origin = originOfUrl(tab?.url);
      const kosmo = !!origin && isKosmoOrigin(origin);
      const enabled = kosmo || (!!origin && (await enabledSitesItem.getValue()).includes(origin));
      return { origin, kosmo, enabled, setup: enabled && (await isSetupHintShown(tab?.id)) };
    },
    'sites.enable': async ({ origin }) => {
      const clean = strictOrigin(origin);
      if (!clean || !(await browser.permissions.contains({ origins: [`${clean}/*`] }))) {
        throw new Error('permission not granted');
      }
      await setEnabledSites([...(await enabledSitesItem.getValue()), clean]);
      return null;
    },
    'sites.disable': async ({ origin }) => {
      await setEnabledSites((await enabledSitesItem.getValue()).filter((o) => o !== origin));
      return null;
    },
    'accounts.bind': async ({ id, origin, bound }) => {
      const clean = strictOrigin(origin);
      if (isHttpSite(origin)) throw new InputError('error_site_http', [origin]);
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      if (!clean || !account) throw new Error('unknown account or origin');
      const sites = account.sites.filter((s) => s !== clean);
      // The user's own binding: this site may now set the clock correction (lib/trusted-sites).
      await vault.updateAccount(id, {
        sites: bound ? [...sites, clean] : sites,
        trustedSites: withTrustedSite(account, clean, bound),
      });
      return null;
    },
  } satisfies PageHandlers;
}

import { browser } from 'wxt/browser';
import type { Vault } from '../vault';
import { isKosmoOrigin } from './content-sender';
import type { HandlerMap } from './handler-types';
import { enabledSites, setEnabledSites } from './sites';
import { isHttpSite, originOfUrl, strictOrigin } from '../site-origin';
import { InputError } from './errors';
import { targetTab } from './target-tab';

export type SiteRequest =
  'fill.page' | 'sites.page' | 'sites.enable' | 'sites.disable' | 'accounts.bind';

const SCRIPT_ID = 'pc-authenticator-sites';

/**
 * Keeps the run-time content script registered for exactly the sites the user allowed (plus the
 * permission the popup requested for each). Called at start and after every change.
 */
export async function syncSiteScripts(): Promise<void> {
  const origins: string[] = [];
  for (const origin of await enabledSites()) {
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

/** Sends 「入力」 to the page's content script; it asks for the code itself (origin-checked). */
export async function fillTab(tabId?: number): Promise<'filled' | 'nothing'> {
  const tab = await targetTab(tabId);
  if (!tab?.id) return 'nothing';
  const filled: unknown = await browser.tabs
    .sendMessage(tab.id, { type: 'fill.now' }, { frameId: 0 })
    .catch(() => false);
  return filled === true ? 'filled' : 'nothing';
}

/** 「このページに入力」 and 「このサイトで有効にする」 from the popup. */
export function siteHandlers(vault: Vault): HandlerMap<SiteRequest> {
  return {
    'fill.page': ({ tabId }) => fillTab(tabId),
    'sites.page': async ({ tabId }) => {
      const origin = originOfUrl((await targetTab(tabId))?.url);
      const kosmo = !!origin && isKosmoOrigin(origin);
      const enabled = kosmo || (!!origin && (await enabledSites()).includes(origin));
      return { origin, kosmo, enabled };
    },
    'sites.enable': async ({ origin }) => {
      const clean = strictOrigin(origin);
      if (!clean || !(await browser.permissions.contains({ origins: [`${clean}/*`] }))) {
        throw new Error('permission not granted');
      }
      await setEnabledSites([...(await enabledSites()), clean]);
      await syncSiteScripts();
      return null;
    },
    'sites.disable': async ({ origin }) => {
      await setEnabledSites((await enabledSites()).filter((o) => o !== origin));
      await syncSiteScripts();
      return null;
    },
    'accounts.bind': async ({ id, origin, bound }) => {
      const clean = strictOrigin(origin);
      if (isHttpSite(origin)) throw new InputError('error_site_http', [origin]);
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      if (!clean || !account) throw new Error('unknown account or origin');
      const sites = account.sites.filter((s) => s !== clean);
      await vault.updateAccount(id, { sites: bound ? [...sites, clean] : sites });
      return null;
    },
  };
}

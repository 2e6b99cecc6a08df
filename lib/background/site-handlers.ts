import { browser } from 'wxt/browser';
import { FILL_NOW, type FillNowReply, type FillPageResult } from '../messaging';
import { siteAccounts } from '../site-accounts';
import { isHttpSite, originOfUrl, strictOrigin } from '../site-origin';
import { enabledSitesItem } from '../storage';
import { withTrustedSite } from '../trusted-sites';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import type { PageHandlers } from './routes';
import { pageUser, cleanUser } from './page-user';
import { isAllowedOrigin, isKosmoOrigin } from './senders';
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
      runAt: 'document_start',
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
  const { reply } = await askToFill(tabId);
  return reply === true ? 'filled' : 'nothing';
}

async function askToFill(tabId?: number) {
  const tab = await targetTab(tabId);
  if (!tab?.id) return { tab, reply: false };
  const reply: FillNowReply = await browser.tabs
    .sendMessage(tab.id, FILL_NOW, { frameId: 0 })
    .then((answer: unknown) => (isChooseReply(answer) ? answer : answer === true))
    .catch(() => false);
  return { tab, reply };
}

function isChooseReply(answer: unknown): answer is Exclude<FillNowReply, boolean> {
  const a = answer as { choose?: unknown; user?: unknown } | null;
  return a?.choose === true && (a.user === null || typeof a.user === 'string');
}

/**
 * 「このページに入力」: fills, or — the page has an OTP field but no account bound there fits — the
 * accounts the user may choose in the popup, by the rule the page's badge uses.
 */
async function fillPage(vault: Vault, tabId?: number): Promise<FillPageResult> {
  const { tab, reply } = await askToFill(tabId);
  if (reply === true) return 'filled';
  const origin = originOfUrl(tab?.url);
  if (!reply || !tab?.id || !origin || !(await isAllowedOrigin(origin))) return 'nothing';
  const user = await pageUser({ user: reply.user ?? '' }, { origin, tab });
  const { choices } = siteAccounts((await vault.listAccounts()).accounts, { origin, user });
  return choices.length > 0
    ? { choose: { origin, user, ids: choices.map((a) => a.id) } }
    : 'nothing';
}

/** 「このページに入力」 and 「このサイトで有効にする」 from the popup. */
export function siteHandlers(vault: Vault) {
  return {
    'fill.page': ({ tabId }) => fillPage(vault, tabId),
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
    'accounts.bind': async ({ id, origin, bound, user }) => {
      const clean = strictOrigin(origin);
      if (isHttpSite(origin)) throw new InputError('error_site_http', [origin]);
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      if (!clean || !account) throw new Error('unknown account or origin');
      const sites = account.sites.filter((s) => s !== clean);
      // The user's own binding: this site may now set the clock correction (lib/trusted-sites).
      // Chosen for the page's user (「このページに入力」): that person's account from now on.
      const person = bound ? cleanUser(user) : null;
      await vault.updateAccount(id, {
        sites: bound ? [...sites, clean] : sites,
        trustedSites: withTrustedSite(account, clean, bound),
        ...(person ? { user: person } : {}),
      });
      return null;
    },
  } satisfies PageHandlers;
}

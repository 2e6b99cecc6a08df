import { isKosmoSite } from '../kosmo';
import { enabledSitesItem } from '../storage';
import { ForbiddenSenderError } from './errors';

/** The part of `runtime.MessageSender` (or a port's sender) the checks read. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  /** Chrome 106+: `'prerender'`, `'cached'` (back/forward cache) or `'active'`. */
  documentLifecycle?: string;
  tab?: { id?: number; url?: string; windowId?: number; index?: number };
  frameId?: number;
}

/** A content script the checks let through: its page's verified origin and its tab. */
export interface ContentSender {
  origin: string;
  tab: NonNullable<SenderFacts['tab']>;
}

/**
 * True only for the extension's own pages (popup, manage page, offscreen document). A content
 * script's sender carries the web page's URL, so it never passes.
 */
export function isExtensionPage(sender: SenderFacts, extensionId: string): boolean {
  if (sender.id !== extensionId || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' && url.host === extensionId;
  } catch {
    return false;
  }
}

/**
 * True for `https://*.kosmo-web.jp`. Parsing the URL, not matching text, is what keeps
 * `densenkenpo.portal.kosmo-web.jp.example.com`, `http://` and punycode lookalikes out.
 */
export const isKosmoOrigin = isKosmoSite;

/**
 * The origin a content script runs on, from the browser's own sender facts (never from the
 * message), or `null` unless it is our script in the top frame of a tab's active document.
 * `sender.origin` is the document's real origin: a page served with `Content-Security-Policy:
 * sandbox` keeps its URL but gets the opaque origin `"null"`, so reading `sender.url` would hand
 * a sandboxed (script-controlled, origin-less) document the site's codes. A prerendered or cached
 * document is not what the user sees. Only a canonical http(s) origin passes.
 */
export function contentOrigin(sender: SenderFacts, extensionId: string): string | null {
  if (sender.id !== extensionId || !sender.tab || sender.frameId !== 0) return null;
  if (sender.documentLifecycle !== 'active') return null;
  const origin = sender.origin;
  if (!origin || origin === 'null') return null;
  try {
    const url = new URL(origin);
    const web = url.protocol === 'https:' || url.protocol === 'http:';
    return web && url.origin === origin && !url.hostname.endsWith('.') ? origin : null;
  } catch {
    return null;
  }
}

/** Whether content scripts on `origin` may ask for anything: KOSMO, or a site the user allowed. */
export async function isAllowedOrigin(origin: string): Promise<boolean> {
  return isKosmoOrigin(origin) || (await enabledSitesItem.getValue()).includes(origin);
}

/**
 * Checks a content script once per request and hands its verified origin and tab on; throws
 * {@link ForbiddenSenderError} for any other sender or an origin `allowed` refuses.
 */
export async function verifyContent(
  sender: SenderFacts,
  extensionId: string,
  allowed: (origin: string) => boolean | Promise<boolean>,
): Promise<ContentSender> {
  const origin = contentOrigin(sender, extensionId);
  if (!origin || !sender.tab || !(await allowed(origin))) throw new ForbiddenSenderError();
  return { origin, tab: sender.tab };
}

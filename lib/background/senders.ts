import { isKosmoSite } from '../kosmo';
import { enabledSitesItem } from '../storage';
import { ForbiddenSenderError } from './errors';

/** The part of `runtime.MessageSender` (or a port's sender) the checks read. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
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
 * message), or `null` unless it is our script in a tab's top frame: a cross-origin iframe, another
 * extension or an extension page gets nothing.
 */
export function contentOrigin(sender: SenderFacts, extensionId: string): string | null {
  if (sender.id !== extensionId || !sender.tab || sender.frameId !== 0 || !sender.url) return null;
  try {
    const origin = new URL(sender.url).origin;
    return origin === 'null' ? null : origin;
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

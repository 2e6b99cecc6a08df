import { isKosmoSite } from '../kosmo';
import type { FullSender } from './handler-types';

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
export function contentOrigin(sender: FullSender, extensionId: string): string | null {
  if (sender.id !== extensionId || !sender.tab || sender.frameId !== 0 || !sender.url) return null;
  try {
    const origin = new URL(sender.url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

import type { FullSender } from './handler-types';

/**
 * True for `https://*.kosmo-web.jp` (any port-less https host under it). Parsing the URL, not
 * matching text, is what keeps `densenkenpo.portal.kosmo-web.jp.example.com`, `http://` and
 * punycode lookalikes out.
 */
export function isKosmoOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (
      url.protocol === 'https:' &&
      url.port === '' &&
      (url.hostname === 'kosmo-web.jp' || url.hostname.endsWith('.kosmo-web.jp'))
    );
  } catch {
    return false;
  }
}

/**
 * The origin a content script runs on, from the browser's own sender facts (never from the
 * message), or `null` unless it is our content script in a tab's top frame on an allowed origin.
 */
export function contentOrigin(
  sender: FullSender,
  extensionId: string,
  allowed: (origin: string) => boolean,
): string | null {
  if (sender.id !== extensionId || !sender.tab || sender.frameId !== 0 || !sender.url) return null;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  return allowed(origin) ? origin : null;
}

/** KOSMO Web's hosts: `https://*.kosmo-web.jp` (any union's subdomain), no other port. */
export function isKosmoSite(origin: string): boolean {
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
 * KOSMO Web's start page for the union this extension was made for: the first-run popup opens it,
 * since its setup page (after signing in) is where the one-click 「PC Authenticatorに追加」 is.
 */
export const KOSMO_WEB_URL = 'https://densenkenpo.portal.kosmo-web.jp/';

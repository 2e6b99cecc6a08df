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

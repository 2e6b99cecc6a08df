/**
 * Sites an account is bound to are origins: `https://host[:port]`, never a path, a query or a user
 * name. Codes are only ever given to a page of a bound origin. `http://` is refused: our content
 * scripts run on https pages only, so such a binding could never give a code (isHttpSite tells the
 * user why).
 */

/** The origin itself when `value` is exactly one (as `URL#origin` writes it), else null. */
export function strictOrigin(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const origin = parseOrigin(value);
  return origin === value ? origin : null;
}

/**
 * What the user typed, made an origin where that is unambiguous: `example.com` → `https://example.com`,
 * `https://example.com/login?x` → `https://example.com`. Null for anything else.
 */
export function originFromInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return parseOrigin(withScheme);
}

/** `https://host[:port]` of a page's https URL (a tab's), else null (http://, chrome://, files…). */
export function originOfUrl(url: string | undefined): string | null {
  return url === undefined ? null : parseOrigin(url);
}

/**
 * True for an `http://` address (typed or sent): refused as a site with its own message, since
 * "not a site address" would not say what is wrong with it.
 */
export function isHttpSite(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' && url.hostname !== '';
  } catch {
    return false;
  }
}

function parseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  // A host needs a dot or to be localhost: `https://kosmo` is a typo, not a site.
  const { hostname } = url;
  if (!hostname.includes('.') && !hostname.startsWith('[') && hostname !== 'localhost') return null;
  return url.origin;
}

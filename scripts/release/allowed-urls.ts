/**
 * The only `http(s)://` URLs a released file may contain. Anything else fails the release
 * check: store reviewers treat a remote URL in code as a possible remote-code loader.
 */
export const ALLOWED_URLS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^https:\/\/(\*\.|([a-z0-9-]+\.)*)kosmo-web\.jp(\/|$)/,
    why: 'KOSMO Web: its pages, and the Date header read for the clock check',
  },
  {
    pattern:
      /^http:\/\/www\.w3\.org\/(1999\/xhtml|1999\/xlink|2000\/svg|XML\/1998\/namespace|1998\/Math\/MathML)$/,
    why: 'XML namespace names in Preact and React DOM, never fetched',
  },
  { pattern: /^https:\/\/react\.dev\/errors\/$/, why: "React's error documentation" },
  {
    pattern: /^https:\/\/(wxt\.dev\/|github\.com\/wxt-dev\/wxt\/issues\/)/,
    why: "WXT's documentation, in developer warnings",
  },
  {
    pattern: /^https:\/\/example\.(com|co\.jp)(\/|\.|$)/,
    why: 'reserved example domains in the texts that explain a site address',
  },
];

/** Match patterns the manifest itself may hold (they are not fetched). */
export const ALLOWED_MANIFEST_PATTERNS = ['https://*.kosmo-web.jp/*', 'https://*/*'];

const URL_IN_TEXT = /https?:\/\/[A-Za-z0-9*][A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*/g;

/** The URLs in a text that no entry allows (a bare `https://` with no host is not a URL). */
export function disallowedUrls(text: string, extra: string[] = []): string[] {
  const found = text.match(URL_IN_TEXT) ?? [];
  return found.filter(
    (url) => !extra.includes(url) && !ALLOWED_URLS.some(({ pattern }) => pattern.test(url)),
  );
}

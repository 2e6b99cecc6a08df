import { OtpError } from './errors';

/**
 * Decodes one part of an `otpauth://` URI the way generators write it: `%XX` runs as UTF-8,
 * `+` as a space (Keycloak URL-encodes the account name with Java's `URLEncoder`, so a space
 * becomes `+` and a real `+` is `%2B`). A `%` not followed by two hex digits is kept as is.
 * Throws `uri` / `malformed` when the bytes are not UTF-8.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1
 */
export function decodeUriPart(text: string): string {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch (cause) {
      throw new OtpError('uri', 'malformed', { cause });
    }
  });
}

/**
 * Encodes one part of an `otpauth://` URI: UTF-8 percent-encoding of everything but
 * RFC 3986 unreserved characters (so a space is `%20`, never `+`).
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.3
 */
export function encodeUriPart(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Splits `a=1&b=2` into lower-case names and decoded values; the first of a repeated name wins. */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeUriPart(eq < 0 ? pair : pair.slice(0, eq))
      .trim()
      .toLowerCase();
    const value = eq < 0 ? '' : decodeUriPart(pair.slice(eq + 1));
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

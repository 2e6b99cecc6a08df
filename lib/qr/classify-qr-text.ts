/**
 * What a decoded QR text is for an authenticator:
 * - `otpauth`: one account (`otpauth://totp/…`, `otpauth://hotp/…`), as Keycloak shows it;
 * - `migration`: a Google Authenticator export batch (`otpauth-migration://offline?data=…`);
 * - `other`: anything else (a web address, plain text…).
 */
type QrTextKind = 'otpauth' | 'migration' | 'other';

/**
 * Classifies a decoded QR text by its URI scheme. Schemes are case-insensitive (RFC 3986), and
 * white space around the text (a trailing newline some generators add) is ignored. Only the
 * scheme is checked: the caller's parser reports a malformed URI.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-3.1
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function classifyQrText(text: string): QrTextKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text.trim())?.[1]?.toLowerCase();
  if (scheme === 'otpauth') return 'otpauth';
  if (scheme === 'otpauth-migration') return 'migration';
  return 'other';
}

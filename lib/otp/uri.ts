import { validateAccountData } from './account';
import { normalizeBase32 } from './base32';
import { OtpError, isOtpError } from './errors';
import { DEFAULT_LIMITS, parseType, type OtpLimits } from './fields';
import type { AccountData } from './types';
import { decodeUriPart, encodeUriPart, parseQuery } from './uri-encoding';

/**
 * Reads an `otpauth://totp|hotp/LABEL?secret=…` URI (the text of an authenticator QR code)
 * into an account with no sites. Tolerant of what generators really write: outer whitespace
 * and line breaks, any case in the scheme, type, parameter names and algorithm, a label
 * `Issuer:account` percent-encoded as UTF-8 with `+` for spaces (Keycloak), a space after the
 * colon, Base32 in any form {@link normalizeBase32} accepts, missing optional parameters
 * (TOTP, SHA1, 6 digits, 30 s, counter 0). The issuer in the label wins; the `issuer`
 * parameter is used only when the label has none. Unknown parameters (`image`, …) are ignored.
 *
 * Throws {@link OtpError}: `uri` (`empty`, `not-otpauth`, `migration` for a Google
 * Authenticator export, `malformed`), `type`/`unknown`, `secret` (`missing` or as in
 * {@link normalizeBase32}), `algorithm`/`unknown`, and a secret, `digits`, `period` or
 * `counter` outside `limits` (pass `IMPORT_LIMITS` for imports from other apps).
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function parseOtpauthUri(text: string, limits: OtpLimits = DEFAULT_LIMITS): AccountData {
  const uri = text.replace(/[\r\n\t]/g, '').trim();
  if (uri === '') throw new OtpError('uri', 'empty');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === 'otpauth-migration') throw new OtpError('uri', 'migration');
  if (scheme !== 'otpauth') throw new OtpError('uri', 'not-otpauth');
  const rest = uri.slice('otpauth:'.length);
  if (!rest.startsWith('//')) throw new OtpError('uri', 'malformed');

  const body = rest.slice(2).split('#')[0] ?? '';
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const params = parseQuery(q < 0 ? '' : body.slice(q + 1));
  const slash = path.indexOf('/');
  const type = parseType(decodeUriPart(slash < 0 ? path : path.slice(0, slash)));
  const label = slash < 0 ? '' : decodeUriPart(path.slice(slash + 1));

  const secret = params.get('secret');
  if (secret === undefined) throw new OtpError('secret', 'missing');
  try {
    normalizeBase32(secret, { minBytes: limits.minSecretBytes });
  } catch (err) {
    // The index points into the decoded parameter, not into the URI: leave it out.
    if (isOtpError(err)) throw new OtpError(err.field, err.reason);
    throw err;
  }
  return validateAccountData(
    {
      type,
      ...splitLabel(label, params.get('issuer')),
      secret,
      algorithm: params.get('algorithm'),
      digits: params.get('digits'),
      period: params.get('period'),
      counter: params.get('counter'),
      sites: [],
    },
    limits,
  );
}

/**
 * Splits a decoded label `Issuer:account` on its first colon. When the `issuer` parameter
 * followed by a colon starts the label, that is the split (an issuer may contain a colon).
 */
function splitLabel(
  label: string,
  issuerParam: string | undefined,
): { issuer: string; name: string } {
  const param = (issuerParam ?? '').trim();
  if (param !== '' && label.startsWith(`${param}:`)) {
    return { issuer: param, name: label.slice(param.length + 1) };
  }
  const colon = label.indexOf(':');
  if (colon < 0) return { issuer: param, name: label };
  const fromLabel = label.slice(0, colon).trim();
  return { issuer: fromLabel === '' ? param : fromLabel, name: label.slice(colon + 1) };
}

/**
 * Writes an account as a standard `otpauth://` URI (for a QR code or an export):
 * label `Issuer:account` and every parameter percent-encoded as UTF-8, the `issuer`
 * parameter repeated when there is one, then `algorithm`, `digits` and `period` (TOTP) or
 * `counter` (HOTP). {@link parseOtpauthUri} reads it back to the same data.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format
 */
export function formatOtpauthUri(account: AccountData): string {
  const secret = normalizeBase32(account.secret, { minBytes: 1 });
  const name = encodeUriPart(account.name);
  // With no issuer, a colon in the name would read as one: an empty issuer prefix keeps it.
  const label =
    account.issuer !== ''
      ? `${encodeUriPart(account.issuer)}:${name}`
      : account.name.includes(':')
        ? `:${name}`
        : name;
  const params = [`secret=${secret}`];
  if (account.issuer !== '') params.push(`issuer=${encodeUriPart(account.issuer)}`);
  params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`);
  params.push(account.type === 'hotp' ? `counter=${account.counter}` : `period=${account.period}`);
  return `otpauth://${account.type}/${label}?${params.join('&')}`;
}

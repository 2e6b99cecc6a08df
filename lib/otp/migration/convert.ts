import { validateAccountData } from '../account';
import { decodeBase32, encodeBase32 } from '../base32';
import { OtpError, isOtpError, otpErrorKey } from '../errors';
import { IMPORT_LIMITS } from '../fields';
import { OTP_DEFAULTS, type AccountData, type OtpAlgorithm, type OtpType } from '../types';
import type { RawOtpParameters } from './payload';
import type { SkippedAccount } from './types';

/** `Algorithm` codes; 0 (unspecified) means the default SHA1, 4 (MD5) is not supported. */
const ALGORITHMS = new Map<number, OtpAlgorithm>([
  [0, 'SHA1'],
  [1, 'SHA1'],
  [2, 'SHA256'],
  [3, 'SHA512'],
]);
const ALGORITHM_CODES: Record<OtpAlgorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };
/** `DigitCount` codes; 0 (unspecified) means 6. */
const DIGITS = new Map<number, number>([
  [0, 6],
  [1, 6],
  [2, 8],
]);
const DIGIT_CODES = new Map<number, number>([
  [6, 1],
  [8, 2],
]);
/** `OtpType` codes; 0 (unspecified) means TOTP. */
const TYPES = new Map<number, OtpType>([
  [0, 'totp'],
  [1, 'hotp'],
  [2, 'totp'],
]);
const TYPE_CODES: Record<OtpType, number> = { hotp: 1, totp: 2 };

/**
 * Splits an exported `name` into issuer and account. Google Authenticator keeps the whole
 * `otpauth://` label as the name (`Issuer:account`). A non-empty `issuer` field wins, and
 * its `Issuer:` prefix is taken off the name; with no issuer field the name is split on its
 * first colon as an `otpauth://` label is.
 * @see https://github.com/google/google-authenticator/wiki/Key-Uri-Format#label
 */
function splitName(name: string, issuer: string): { issuer: string; name: string } {
  const field = issuer.trim();
  if (field !== '') {
    return {
      issuer: field,
      name: name.startsWith(`${field}:`) ? name.slice(field.length + 1) : name,
    };
  }
  const colon = name.indexOf(':');
  if (colon < 0) return { issuer: '', name };
  return { issuer: name.slice(0, colon), name: name.slice(colon + 1) };
}

/** The inverse of {@link splitName}: `Issuer:account` as Google Authenticator writes it. */
function joinName(issuer: string, name: string): string {
  if (issuer !== '') return `${issuer}:${name}`;
  // An empty issuer prefix keeps a colon in the name from reading as an issuer.
  return name.includes(':') ? `:${name}` : name;
}

/**
 * One exported account as an {@link AccountData} (checked with `IMPORT_LIMITS`, period 30 s,
 * no sites), or why it cannot be imported.
 * @see https://github.com/google/google-authenticator-android/issues/118
 */
export function toAccount(params: RawOtpParameters): AccountData | SkippedAccount {
  const label = splitName(params.name, params.issuer);
  const title = titleOf(label.issuer.trim(), label.name.trim());
  const type = TYPES.get(params.type);
  if (type === undefined) return { title, reason: 'unsupported-type' };
  const algorithm = ALGORITHMS.get(params.algorithm);
  if (algorithm === undefined) return { title, reason: 'unsupported-algorithm' };
  const digits = DIGITS.get(params.digits);
  if (digits === undefined) return { title, reason: 'unsupported-digits' };
  try {
    return validateAccountData(
      {
        type,
        ...label,
        secret: encodeBase32(params.secret),
        algorithm,
        digits,
        counter: params.counter,
        sites: [],
      },
      IMPORT_LIMITS,
    );
  } catch (err) {
    if (!isOtpError(err)) throw err;
    return { title, reason: 'invalid-account', error: otpErrorKey(err) };
  }
}

function titleOf(issuer: string, name: string): string {
  return issuer !== '' && name !== '' ? `${issuer} (${name})` : issuer || name;
}

/**
 * Why an account cannot go into a Google Authenticator export, or `null` when it can: the
 * format has no period (always 30 s) and only 6 or 8 digits.
 */
export function migrationIncompatibility(account: AccountData): 'period' | 'digits' | null {
  if (!DIGIT_CODES.has(account.digits)) return 'digits';
  if (account.type === 'totp' && account.period !== OTP_DEFAULTS.period) return 'period';
  return null;
}

/**
 * An account as an `OtpParameters` message. Throws {@link OtpError} `digits`/`period`
 * `out-of-range` for what the format cannot hold, or for a broken secret.
 */
export function fromAccount(account: AccountData): RawOtpParameters {
  const problem = migrationIncompatibility(account);
  if (problem !== null) throw new OtpError(problem, 'out-of-range');
  return {
    secret: decodeBase32(account.secret, { minBytes: 1 }),
    name: joinName(account.issuer, account.name),
    issuer: account.issuer,
    algorithm: ALGORITHM_CODES[account.algorithm],
    digits: DIGIT_CODES.get(account.digits) ?? 1,
    type: TYPE_CODES[account.type],
    counter: account.type === 'hotp' ? String(account.counter) : '0',
  };
}

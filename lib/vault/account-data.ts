import type { AccountData, OtpAlgorithm, OtpType, RecoveryCode } from '../otp/types';

const TYPES: readonly OtpType[] = ['totp', 'hotp'];
const ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const BASE32 = /^[A-Z2-7]+$/;

function fail(field: string, rule: string): never {
  // Names the field and the rule, never the value: the value may be a secret.
  throw new TypeError(`account.${field} ${rule}`);
}

function isInt(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/**
 * Checks account data at the vault's boundary and returns a copy with exactly the
 * {@link AccountData} fields (extra properties such as `id` are dropped). Throws a `TypeError`
 * naming the first bad field.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6238 (TOTP) and https://www.rfc-editor.org/rfc/rfc4226 (HOTP)
 */
export function checkAccountData(value: unknown): AccountData {
  if (typeof value !== 'object' || value === null) fail('data', 'must be an object');
  const v = value as Partial<Record<keyof AccountData, unknown>>;
  if (!TYPES.includes(v.type as OtpType)) fail('type', "must be 'totp' or 'hotp'");
  if (typeof v.secret !== 'string' || !BASE32.test(v.secret)) {
    fail('secret', 'must be normalised Base32 (A–Z, 2–7, no padding)');
  }
  if (!ALGORITHMS.includes(v.algorithm as OtpAlgorithm)) {
    fail('algorithm', 'must be SHA1, SHA256 or SHA512');
  }
  if (!isInt(v.digits, 1, 10)) fail('digits', 'must be an integer from 1 to 10');
  if (!isInt(v.period, 1, Number.MAX_SAFE_INTEGER)) fail('period', 'must be a positive integer');
  if (!isInt(v.counter, 0, Number.MAX_SAFE_INTEGER)) {
    fail('counter', 'must be a non-negative integer');
  }
  if (typeof v.issuer !== 'string') fail('issuer', 'must be a string');
  if (typeof v.name !== 'string') fail('name', 'must be a string');
  if (!Array.isArray(v.sites) || !v.sites.every((site) => typeof site === 'string')) {
    fail('sites', 'must be an array of strings');
  }
  if (
    v.trustedSites !== undefined &&
    (!Array.isArray(v.trustedSites) || !v.trustedSites.every((site) => typeof site === 'string'))
  ) {
    fail('trustedSites', 'must be an array of strings when present');
  }
  if (v.deviceName !== undefined && typeof v.deviceName !== 'string') {
    fail('deviceName', 'must be a string when present');
  }
  if (v.pinned !== undefined && typeof v.pinned !== 'boolean') fail('pinned', 'must be a boolean');
  if (v.user !== undefined && typeof v.user !== 'string')
    fail('user', 'must be a string when present');
  if (v.pending !== undefined && typeof v.pending !== 'boolean') {
    fail('pending', 'must be a boolean when present');
  }
  const recoveryCodes =
    v.recoveryCodes === undefined ? undefined : checkRecoveryCodes(v.recoveryCodes);
  return {
    ...(typeof v.user === 'string' && v.user !== '' ? { user: v.user } : {}),
    ...(v.pending === true ? { pending: true } : {}),
    ...(recoveryCodes && recoveryCodes.length > 0 ? { recoveryCodes } : {}),
    ...(typeof v.deviceName === 'string' ? { deviceName: v.deviceName } : {}),
    ...(v.pinned === true ? { pinned: true } : {}),
    ...(Array.isArray(v.trustedSites) ? { trustedSites: [...(v.trustedSites as string[])] } : {}),
    type: v.type as OtpType,
    secret: v.secret,
    algorithm: v.algorithm as OtpAlgorithm,
    digits: v.digits,
    period: v.period,
    counter: v.counter,
    issuer: v.issuer,
    name: v.name,
    sites: [...(v.sites as string[])],
  };
}

function checkRecoveryCodes(value: unknown): RecoveryCode[] {
  const valid = (c: unknown): c is RecoveryCode =>
    typeof c === 'object' &&
    c !== null &&
    typeof (c as RecoveryCode).code === 'string' &&
    typeof (c as RecoveryCode).used === 'boolean';
  if (!Array.isArray(value) || !value.every(valid)) {
    fail('recoveryCodes', 'must be a list of { code: string, used: boolean } when present');
  }
  return value.map(({ code, used }) => ({ code, used }));
}

/**
 * A Base32 secret as typed or pasted, brought to the stored form (upper case; no spaces, dashes
 * or `=` padding) so duplicates are found however the key was written.
 */
export function normalizeSecret(secret: string): string {
  return secret.replace(/[\s=-]/g, '').toUpperCase();
}

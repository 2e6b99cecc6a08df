import { normalizeBase32 } from './base32';
import {
  COUNTER_RANGE,
  DEFAULT_LIMITS,
  cleanLabel,
  parseAlgorithm,
  parseInteger,
  parseType,
  type OtpLimits,
} from './fields';
import { OTP_DEFAULTS, type AccountData } from './types';

/**
 * An account as typed into the add/edit form or read from an import: text where a form has
 * text. Blank optional fields take the {@link OTP_DEFAULTS} (Keycloak's defaults too).
 */
export interface AccountInput {
  type?: string;
  issuer?: string;
  name?: string;
  /** Base32, in any form {@link normalizeBase32} accepts. */
  secret?: string;
  algorithm?: string;
  digits?: number | string;
  period?: number | string;
  counter?: number | string;
  sites?: readonly string[];
}

/**
 * Checks and normalises an account: secret to clean Base32, algorithm to `SHA1`/`SHA256`/
 * `SHA512`, secret length, digits and period within `limits`, counter ≥ 0, names tidied. The field that does
 * not apply to the type is reset (`counter` 0 for TOTP, `period` 30 for HOTP), so the result
 * survives an `otpauth://` round trip unchanged. Throws the first {@link OtpError} found.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4 (TOTP parameters)
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5 (HOTP parameters)
 */
export function validateAccountData(
  input: AccountInput,
  limits: OtpLimits = DEFAULT_LIMITS,
): AccountData {
  const type = optional(input.type, OTP_DEFAULTS.type, parseType);
  const secret = normalizeBase32(input.secret ?? '', { minBytes: limits.minSecretBytes });
  const algorithm = optional(input.algorithm, OTP_DEFAULTS.algorithm, parseAlgorithm);
  const digits = optional(input.digits, OTP_DEFAULTS.digits, (v) =>
    parseInteger('digits', v, limits.digits),
  );
  const period =
    type === 'totp'
      ? optional(input.period, OTP_DEFAULTS.period, (v) => parseInteger('period', v, limits.period))
      : OTP_DEFAULTS.period;
  const counter =
    type === 'hotp'
      ? optional(input.counter, OTP_DEFAULTS.counter, (v) =>
          parseInteger('counter', v, COUNTER_RANGE),
        )
      : OTP_DEFAULTS.counter;
  return {
    type,
    issuer: cleanLabel('issuer', input.issuer ?? ''),
    name: cleanLabel('name', input.name ?? ''),
    secret,
    algorithm,
    digits,
    period,
    counter,
    sites: [...(input.sites ?? [])],
  };
}

/** `fallback` for a missing or blank value, else `parse(value)`. */
function optional<V extends string | number, R>(
  value: V | undefined,
  fallback: R,
  parse: (value: V) => R,
): R {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return fallback;
  return parse(value);
}

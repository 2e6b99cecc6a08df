/**
 * Codes: Base32 keys, `otpauth://` URIs, account checks and TOTP/HOTP generation.
 * Pure functions: time is a parameter, nothing touches the browser.
 * @see https://www.rfc-editor.org/rfc/rfc4226 (HOTP)
 * @see https://www.rfc-editor.org/rfc/rfc6238 (TOTP)
 */
export { validateAccountData, type AccountInput } from './account';
export {
  MIN_SECRET_BYTES,
  decodeBase32,
  encodeBase32,
  normalizeBase32,
  type Base32Options,
} from './base32';
export { formatCodeForDisplay, generateCode, nextCode, secondsLeft } from './code';
export {
  OTP_ERROR_KEYS,
  OTP_ERROR_REASONS,
  OtpError,
  allOtpErrorKeys,
  isOtpError,
  otpErrorKey,
  type OtpErrorField,
  type OtpErrorKey,
  type OtpErrorOptions,
  type OtpErrorReason,
} from './errors';
export {
  DEFAULT_LIMITS,
  IMPORT_LIMITS,
  MAX_LABEL_LENGTH,
  parseAlgorithm,
  parseType,
  type OtpLimits,
  type Range,
} from './fields';
export { formatOtpauthUri, parseOtpauthUri } from './uri';
export {
  OTP_DEFAULTS,
  type Account,
  type AccountData,
  type OtpAlgorithm,
  type OtpParams,
  type OtpType,
} from './types';

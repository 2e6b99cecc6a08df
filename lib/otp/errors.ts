import { OTP_ERROR_MESSAGES } from './error-messages';

/**
 * The input an {@link OtpError} is about: a form field, the whole `otpauth://` text (`uri`) or
 * a whole Google Authenticator export text (`migration`, `otpauth-migration://`).
 */
export type OtpErrorField =
  | 'secret'
  | 'uri'
  | 'migration'
  | 'algorithm'
  | 'digits'
  | 'period'
  | 'counter'
  | 'type'
  | 'issuer'
  | 'name';

/**
 * Every reason each field can fail for. Only these pairs exist, and each pair has one
 * i18n message key (see {@link otpErrorKey}) and one entry in `OTP_ERROR_MESSAGES`.
 */
export const OTP_ERROR_REASONS = {
  secret: ['empty', 'missing', 'invalid-char', 'confusable-char', 'invalid-length', 'too-short'],
  uri: ['empty', 'not-otpauth', 'migration', 'malformed'],
  migration: ['empty', 'not-migration', 'bad-base64', 'bad-protobuf', 'no-accounts'],
  type: ['unknown'],
  algorithm: ['unknown'],
  digits: ['not-a-number', 'out-of-range'],
  period: ['not-a-number', 'out-of-range'],
  counter: ['not-a-number', 'out-of-range'],
  issuer: ['too-long'],
  name: ['too-long'],
} as const satisfies Record<OtpErrorField, readonly string[]>;

/** Why a field was rejected: a stable code, never a human sentence. */
export type OtpErrorReason<F extends OtpErrorField = OtpErrorField> =
  (typeof OTP_ERROR_REASONS)[F][number];

type SnakeCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}_${SnakeCase<Tail>}`
  : S;

/** An i18n message key such as `error_secret_invalid_char` (`_locales/{ja,en}/messages.json`). */
export type OtpErrorKey = {
  [F in OtpErrorField]: `error_${F}_${SnakeCase<OtpErrorReason<F>>}`;
}[OtpErrorField];

/** Extra details of an {@link OtpError}. */
export interface OtpErrorOptions {
  /**
   * 0-based UTF-16 offset of the offending character in the text that was checked, so a form
   * can select it. Only set for `secret` / `invalid-char` and `confusable-char`.
   */
  index?: number;
  cause?: unknown;
}

/**
 * A user input that cannot become an account. `field` and `reason` are stable codes for the UI
 * ({@link otpErrorKey} turns them into a message key); `message` is English for logs.
 * Neither ever contains the secret.
 */
export class OtpError<F extends OtpErrorField = OtpErrorField> extends Error {
  readonly field: F;
  readonly reason: OtpErrorReason<F>;
  readonly index: number | undefined;

  constructor(field: F, reason: OtpErrorReason<F>, options: OtpErrorOptions = {}) {
    const key = keyOf(field, reason);
    const where = options.index === undefined ? '' : ` (position ${options.index + 1})`;
    super(`${OTP_ERROR_MESSAGES[key].en}${where}`, { cause: options.cause });
    this.name = 'OtpError';
    this.field = field;
    this.reason = reason;
    this.index = options.index;
  }
}

/** True for an {@link OtpError}, e.g. in a `catch` block. */
export function isOtpError(value: unknown): value is OtpError {
  return value instanceof OtpError;
}

/**
 * The i18n message key for an error, e.g. `error_secret_invalid_char`.
 * The texts are in `OTP_ERROR_MESSAGES`.
 */
export function otpErrorKey(err: OtpError): OtpErrorKey {
  return keyOf(err.field, err.reason);
}

function keyOf(field: OtpErrorField, reason: string): OtpErrorKey {
  return `error_${field}_${reason.replaceAll('-', '_')}` as OtpErrorKey;
}

/** Every message key, in table order. */
export function allOtpErrorKeys(): OtpErrorKey[] {
  return (Object.keys(OTP_ERROR_REASONS) as OtpErrorField[]).flatMap((field) =>
    OTP_ERROR_REASONS[field].map((reason: string) => keyOf(field, reason)),
  );
}

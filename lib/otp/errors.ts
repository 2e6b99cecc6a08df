import type { MessageKey } from '../i18n';

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

/** Every reason each field can fail for. Only these pairs exist; each has one message key. */
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
type OtpErrorReason<F extends OtpErrorField = OtpErrorField> =
  (typeof OTP_ERROR_REASONS)[F][number];

type SnakeCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}_${SnakeCase<Tail>}`
  : S;

/** An i18n message key such as `error_secret_invalid_char` (`_locales/{ja,en}/messages.json`). */
export type OtpErrorKey = {
  [F in OtpErrorField]: `error_${F}_${SnakeCase<OtpErrorReason<F>>}`;
}[OtpErrorField];

/**
 * The message key of each field and reason, where the words are. Typed so that a key that does
 * not follow `error_<field>_<reason>` or is missing from `messages.json` does not compile.
 */
export const OTP_ERROR_KEYS: {
  readonly [F in OtpErrorField]: {
    readonly [R in OtpErrorReason<F>]: `error_${F}_${SnakeCase<R>}` & MessageKey;
  };
} = {
  secret: {
    empty: 'error_secret_empty',
    missing: 'error_secret_missing',
    'invalid-char': 'error_secret_invalid_char',
    'confusable-char': 'error_secret_confusable_char',
    'invalid-length': 'error_secret_invalid_length',
    'too-short': 'error_secret_too_short',
  },
  uri: {
    empty: 'error_uri_empty',
    'not-otpauth': 'error_uri_not_otpauth',
    migration: 'error_uri_migration',
    malformed: 'error_uri_malformed',
  },
  migration: {
    empty: 'error_migration_empty',
    'not-migration': 'error_migration_not_migration',
    'bad-base64': 'error_migration_bad_base64',
    'bad-protobuf': 'error_migration_bad_protobuf',
    'no-accounts': 'error_migration_no_accounts',
  },
  type: { unknown: 'error_type_unknown' },
  algorithm: { unknown: 'error_algorithm_unknown' },
  digits: {
    'not-a-number': 'error_digits_not_a_number',
    'out-of-range': 'error_digits_out_of_range',
  },
  period: {
    'not-a-number': 'error_period_not_a_number',
    'out-of-range': 'error_period_out_of_range',
  },
  counter: {
    'not-a-number': 'error_counter_not_a_number',
    'out-of-range': 'error_counter_out_of_range',
  },
  issuer: { 'too-long': 'error_issuer_too_long' },
  name: { 'too-long': 'error_name_too_long' },
};

/** Extra details of an {@link OtpError}. */
interface OtpErrorOptions {
  /**
   * 0-based UTF-16 offset of the offending character in the text that was checked, so a form
   * can select it. Only set for `secret` / `invalid-char` and `confusable-char`.
   */
  index?: number;
  cause?: unknown;
}

/**
 * A user input that cannot become an account. `field` and `reason` are stable codes for the UI
 * ({@link otpErrorKey} turns them into a message key); `message` is that key with the field,
 * reason and position, for logs (the words are in `messages.json`). Never contains the secret.
 */
export class OtpError<F extends OtpErrorField = OtpErrorField> extends Error {
  readonly field: F;
  readonly reason: OtpErrorReason<F>;
  readonly index: number | undefined;

  constructor(field: F, reason: OtpErrorReason<F>, options: OtpErrorOptions = {}) {
    const where = options.index === undefined ? '' : `, position ${options.index + 1}`;
    super(`${keyOf(field, reason)} (${field}: ${reason}${where})`, { cause: options.cause });
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

/** The i18n message key for an error, e.g. `error_secret_invalid_char`. */
export function otpErrorKey(err: OtpError): OtpErrorKey {
  return keyOf(err.field, err.reason);
}

function keyOf(field: OtpErrorField, reason: OtpErrorReason): OtpErrorKey {
  // Each field's table has exactly that field's reasons; OtpError's constructor pairs them.
  return (OTP_ERROR_KEYS[field] as Record<OtpErrorReason, OtpErrorKey>)[reason];
}

/** Every message key, in table order. */
export function allOtpErrorKeys(): OtpErrorKey[] {
  return Object.values(OTP_ERROR_KEYS).flatMap((keys) => Object.values(keys) as OtpErrorKey[]);
}

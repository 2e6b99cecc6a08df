import type { MessageKey } from './i18n';

/**
 * An error as it crosses the message boundary: a message key from `_locales` plus the values its
 * placeholders need. Never carries a secret or a password.
 */
export interface AppError {
  /** A key of `messages.json`: a misspelt key does not compile. */
  key: MessageKey;
  /** Substitutions for `$1`, `$2`… in the message. */
  subs?: string[];
  /** For a refused unlock: how long until the next attempt is allowed. */
  retryAfterMs?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

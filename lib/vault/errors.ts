/**
 * Why a vault operation was refused.
 *
 * - `none`: there is no vault yet. `exists`: there already is one.
 * - `locked`: the operation needs the vault unlocked.
 * - `wrong-password`: the master password did not open the data key.
 * - `too-many-attempts`: too many wrong passwords; wait `retryAfterMs` before trying again.
 * - `password-too-short`: a new master password is shorter than {@link MIN_PASSWORD_LENGTH}.
 * - `corrupt-header`: the stored vault header is missing, malformed or of an unknown version.
 * - `unsupported-kdf`: the header names a key-derivation function this version cannot run.
 * - `not-found`: no account has the given id.
 * - `corrupt-record`: the account exists but its ciphertext does not open (tampered or damaged).
 * - `too-many-accounts`: adding would take the vault past {@link MAX_ACCOUNTS}; nothing was added.
 * - `wrong-recovery-key`: a well-formed recovery key that does not open the data key (an old
 *   kit's, or another vault's); counted like a wrong password.
 * - `no-recovery-key`: the vault has no recovery key to check against.
 */
export type VaultErrorCode =
  | 'none'
  | 'exists'
  | 'locked'
  | 'wrong-password'
  | 'too-many-attempts'
  | 'password-too-short'
  | 'corrupt-header'
  | 'unsupported-kdf'
  | 'not-found'
  | 'corrupt-record'
  | 'too-many-accounts'
  | 'wrong-recovery-key'
  | 'no-recovery-key';

/**
 * The most accounts one vault holds. Far more than anyone's logins, and small enough that a page
 * or a file adding look-alikes in bulk is stopped early, with the list still usable.
 */
export const MAX_ACCOUNTS = 500;

/** Minimum length of a master password, in Unicode code points. */
export const MIN_PASSWORD_LENGTH = 8;

const MESSAGES: Record<VaultErrorCode, string> = {
  none: 'No vault has been created yet',
  exists: 'A vault already exists',
  locked: 'The vault is locked',
  'wrong-password': 'The master password is incorrect',
  'too-many-attempts': 'Too many wrong passwords; wait before trying again',
  'password-too-short': `The master password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  'corrupt-header': 'The vault header is damaged or of an unknown version',
  'unsupported-kdf': 'The vault uses a key-derivation function this version does not support',
  'not-found': 'No such account',
  'corrupt-record': 'The account record is damaged and cannot be decrypted',
  'too-many-accounts': `A vault holds at most ${MAX_ACCOUNTS} accounts`,
  'wrong-recovery-key': 'The recovery key does not open this vault',
  'no-recovery-key': 'This vault has no recovery key',
};

/** Extra facts carried by a {@link VaultError}. */
interface VaultErrorDetails {
  /**
   * For `wrong-password`, `wrong-recovery-key` and `too-many-attempts`: how long until the next
   * attempt is accepted.
   */
  retryAfterMs?: number;
  /** The lower-level error, if any (never one that carries a password or a secret). */
  cause?: unknown;
}

/**
 * The one error type of the vault. Its message is fixed per `code` and never contains a
 * password, a key or an account secret, so it is safe to log and to show.
 */
export class VaultError extends Error {
  readonly code: VaultErrorCode;
  readonly retryAfterMs?: number;

  constructor(code: VaultErrorCode, details: VaultErrorDetails = {}) {
    super(
      details.retryAfterMs === undefined
        ? MESSAGES[code]
        : `${MESSAGES[code]} (retry after ${details.retryAfterMs} ms)`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'VaultError';
    this.code = code;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** True when `error` is a {@link VaultError}, optionally with the given code. */
export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}

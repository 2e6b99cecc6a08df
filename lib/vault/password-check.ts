import { deriveAesKey } from '../crypto/argon2id';
import type { VaultDatabase } from '../db/vault-database';
import { unwrapDek } from './dek';
import { VaultError, isVaultError } from './errors';
import type { VaultHeader } from './header';
import { lockoutDelayMs, lockoutRemainingMs } from './lockout';
import { readLockout, recordFailure } from './meta-store';

/** What a password check needs. */
interface PasswordCheckDeps {
  db: VaultDatabase;
  crypto: Crypto;
  now: () => number;
}

/**
 * Checks a master password by unwrapping the DEK, behind the failed-attempt counter:
 *
 * - while a delay is running: `VaultError('too-many-attempts', { retryAfterMs })`, and the
 *   password is not even hashed;
 * - wrong password: one more failure is stored, then `VaultError('wrong-password',
 *   { retryAfterMs })` with the wait before the next attempt (0 for the first few).
 *
 * Returns the raw DEK; the caller zeroes it. Nothing but the counter is ever written here.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function unwrapDekWithPassword(
  deps: PasswordCheckDeps,
  header: VaultHeader,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const { db, crypto, now } = deps;
  const wait = lockoutRemainingMs(await readLockout(db), now());
  if (wait > 0) throw new VaultError('too-many-attempts', { retryAfterMs: wait });
  try {
    const kek = await deriveAesKey(crypto, password, header.kdf);
    return await unwrapDek(crypto, kek, header.wrappedDek);
  } catch (error) {
    if (!isVaultError(error, 'wrong-password')) throw error;
    const { failures } = await recordFailure(db, now());
    throw new VaultError('wrong-password', { retryAfterMs: lockoutDelayMs(failures) });
  }
}

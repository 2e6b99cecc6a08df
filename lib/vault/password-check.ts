import { deriveAesKey } from '../crypto/argon2id';
import type { VaultDatabase } from '../db/vault-database';
import { unwrapDek } from './dek';
import { VaultError, isVaultError } from './errors';
import { passwordSlot, type KeySlot, type VaultHeader } from './header';
import { lockoutDelayMs, lockoutRemainingMs } from './lockout';
import { readLockout, recordFailure } from './meta-store';

/** What a password check needs. */
interface PasswordCheckDeps {
  db: VaultDatabase;
  crypto: Crypto;
  now: () => number;
}

/**
 * Opens one slot with its secret (the master password, or a recovery key's data characters),
 * behind the failed-attempt counter the two share — trying keys does not buy extra guesses:
 *
 * - while a delay is running: `VaultError('too-many-attempts', { retryAfterMs })`, and the
 *   secret is not even hashed;
 * - wrong secret: one more failure is stored, then `VaultError('wrong-password')` (or
 *   `wrong-recovery-key` for the recovery slot) with the wait before the next attempt (0 for
 *   the first few).
 *
 * Returns the raw DEK; the caller zeroes it. Nothing but the counter is ever written here.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106
 */
export async function unwrapDekWithSecret(
  deps: PasswordCheckDeps,
  slot: KeySlot,
  secret: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const { db, crypto, now } = deps;
  const wait = lockoutRemainingMs(await readLockout(db), now());
  if (wait > 0) throw new VaultError('too-many-attempts', { retryAfterMs: wait });
  try {
    const kek = await deriveAesKey(crypto, secret, slot.kdf);
    return await unwrapDek(crypto, kek, slot.wrappedDek, slot.kind);
  } catch (error) {
    if (!isVaultError(error, 'wrong-password')) throw error;
    const { failures } = await recordFailure(db, now());
    const code = slot.kind === 'recovery' ? 'wrong-recovery-key' : 'wrong-password';
    throw new VaultError(code, { retryAfterMs: lockoutDelayMs(failures) });
  }
}

/** {@link unwrapDekWithSecret} for the master password's slot. */
export function unwrapDekWithPassword(
  deps: PasswordCheckDeps,
  header: VaultHeader,
  password: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return unwrapDekWithSecret(deps, passwordSlot(header), password);
}

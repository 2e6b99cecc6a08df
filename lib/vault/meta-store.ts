import type { VaultDatabase } from '../db/vault-database';
import { VaultError } from './errors';
import { parseHeader, type VaultHeader } from './header';
import { NO_LOCKOUT, parseLockout, withFailure, type LockoutState } from './lockout';

/** Whether anything of a vault is on disk: a header row or any account record. */
export async function vaultExists(db: VaultDatabase): Promise<boolean> {
  const header = await db.meta.get('header');
  return header !== undefined || (await db.accounts.count()) > 0;
}

/**
 * Reads and checks the header. Throws `VaultError('none')` when there is no vault at all and
 * `VaultError('corrupt-header')` when records exist without a header.
 */
export async function readHeader(db: VaultDatabase): Promise<VaultHeader> {
  const row = await db.meta.get('header');
  if (row === undefined) {
    throw new VaultError((await db.accounts.count()) > 0 ? 'corrupt-header' : 'none');
  }
  return parseHeader(row.value);
}

/** Writes the header. */
export async function writeHeader(db: VaultDatabase, header: VaultHeader): Promise<void> {
  await db.meta.put({ key: 'header', value: header });
}

/** The stored failed-unlock counter (no row = no failures). */
export async function readLockout(db: VaultDatabase): Promise<LockoutState> {
  const row = await db.meta.get('lockout');
  return row === undefined ? NO_LOCKOUT : parseLockout(row.value);
}

/** Counts one more failed unlock at `now`, atomically; returns the new state. */
export async function recordFailure(db: VaultDatabase, now: number): Promise<LockoutState> {
  return db.transaction('rw', db.meta, async () => {
    const next = withFailure(await readLockout(db), now);
    await db.meta.put({ key: 'lockout', value: next });
    return next;
  });
}

/** Forgets all failed unlocks (after a correct password). */
export async function clearLockout(db: VaultDatabase): Promise<void> {
  await db.meta.delete('lockout');
}

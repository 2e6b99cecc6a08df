import { importAesKey } from '../crypto/aes-gcm';
import type { VaultDatabase } from '../db/vault-database';
import type { AccountData } from '../otp/types';
import { openAll } from '../vault/account-list';
import { sealAccount } from '../vault/account-codec';
import { normalizeSecret } from '../vault/account-data';
import { HEADER_VERSION, type VaultHeader } from '../vault/header';
import * as meta from '../vault/meta-store';
import { unwrapDekWithPassword } from '../vault/password-check';
import type { SessionKey } from '../vault/session-key';
import { rewrapWithRecoveryKey } from '../vault/vault-recovery';
import { aesAccountCipher } from './cipher';
import { accountIdOf, parseSyncedAccount, type SyncedHeader } from './items';

/** What joining a synced vault runs on (the vault's own pieces, passed in). */
export interface JoinDeps {
  db: VaultDatabase;
  crypto: Crypto;
  now: () => number;
  session: SessionKey;
}

/** The synced header as a local one: same slots, so the same password and recovery key open it. */
export const localHeaderOf = (synced: SyncedHeader): VaultHeader => ({
  version: HEADER_VERSION,
  slots: synced.slots,
  createdAt: synced.createdAt,
});

/** Same key and parameters: the same codes (the HOTP counter aside), so one of them is enough. */
export function sameCodes(a: AccountData, b: AccountData): boolean {
  return (
    a.type === b.type &&
    normalizeSecret(a.secret) === normalizeSecret(b.secret) &&
    a.algorithm === b.algorithm &&
    a.digits === b.digits &&
    (a.type === 'hotp' || a.period === b.period)
  );
}

/**
 * A fresh install joins: the master password opens the synced header's data key (failures
 * counted like unlock), then the header becomes the local one and the vault is unlocked. The
 * accounts come with the first sync run.
 */
export async function joinFresh(deps: JoinDeps, synced: SyncedHeader, password: string) {
  const header = localHeaderOf(synced);
  if (await meta.vaultExists(deps.db)) throw new Error('a local vault exists');
  const raw = await unwrapDekWithPassword(deps, header, password);
  try {
    await deps.db.transaction('rw', deps.db.meta, async () => {
      await meta.writeHeader(deps.db, header);
      await meta.clearLockout(deps.db);
    });
    await deps.session.start(raw, deps.now());
  } finally {
    raw.fill(0);
  }
}

/**
 * A fresh install joins with the recovery key instead (the password is forgotten): the key
 * opens the synced header's data key (a typo named by group, failures counted like unlock), a
 * new password slot replaces the synced one, and that header becomes the local one — in one
 * write, so a failure leaves no vault behind. The first sync run then uploads the new slot, as
 * a password change: the other PCs ask for the new password at their next unlock.
 */
export async function joinFreshWithRecoveryKey(
  deps: JoinDeps,
  synced: SyncedHeader,
  recoveryKey: string,
  newPassword: string,
) {
  if (await meta.vaultExists(deps.db)) throw new Error('a local vault exists');
  const opened = await rewrapWithRecoveryKey(
    deps,
    localHeaderOf(synced),
    recoveryKey,
    newPassword,
    {},
  );
  try {
    await deps.db.transaction('rw', deps.db.meta, async () => {
      await meta.writeHeader(deps.db, opened.header);
      await meta.clearLockout(deps.db);
    });
    await deps.session.start(opened.dek, deps.now());
  } finally {
    opened.dek.fill(0);
  }
}

/**
 * A PC with its own vault (another data key) joins the synced one: the synced vault's password
 * opens its key; every local account that does not duplicate a synced one is sealed again under
 * it, and header and records change in one transaction, so the vault is never half of each.
 * Returns how many local accounts were kept and how many collapsed into synced ones.
 */
export async function joinWithLocal(
  deps: JoinDeps,
  synced: SyncedHeader,
  items: Record<string, unknown>,
  password: string,
): Promise<{ kept: number; collapsed: number }> {
  const { db, crypto, now, session } = deps;
  const oldKey = await session.key();
  if (!oldKey) throw new Error('locked');
  const header = localHeaderOf(synced);
  const raw = await unwrapDekWithPassword(deps, header, password);
  try {
    const newKey = await importAesKey(crypto, new Uint8Array(raw));
    const remote = await openRemote(aesAccountCipher(crypto, newKey), items);
    const { accounts } = await openAll(crypto, oldKey, await db.accounts.toArray());
    const dup = accounts.filter((a) => remote.some((r) => sameCodes(a, r)));
    const keep = accounts.filter((a) => !dup.includes(a));
    const sealed = await Promise.all(
      keep.map((a) => sealAccount(crypto, newKey, a.id, a.order, a, a.updatedAt)),
    );
    await db.transaction('rw', db.meta, db.accounts, async () => {
      await meta.writeHeader(db, header);
      await meta.clearLockout(db);
      await db.accounts.bulkDelete(dup.map((a) => a.id));
      await db.accounts.bulkPut(sealed);
    });
    await session.start(raw, now());
    return { kept: keep.length, collapsed: dup.length };
  } finally {
    raw.fill(0);
  }
}

/** The synced accounts that open under the synced key (the others are reported by sync). */
async function openRemote(
  cipher: ReturnType<typeof aesAccountCipher>,
  items: Record<string, unknown>,
): Promise<AccountData[]> {
  const out: AccountData[] = [];
  for (const [key, value] of Object.entries(items)) {
    const id = accountIdOf(key);
    const entry = id === undefined ? undefined : parseSyncedAccount(value);
    if (id === undefined || !entry || entry.del) continue;
    try {
      out.push(await cipher.open(id, entry, entry.box));
    } catch {
      // Damaged: sync reports it; it is not a duplicate of anything.
    }
  }
  return out;
}

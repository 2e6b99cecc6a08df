import { deriveAesKey } from '../crypto/argon2id';
import { newKdfParams } from '../crypto/kdf-params';
import { normalizePassword } from '../crypto/password';
import { generateDek, wrapDek } from './dek';
import { VaultError } from './errors';
import { HEADER_VERSION, passwordSlot, withSlot, type KeySlot, type VaultHeader } from './header';
import * as meta from './meta-store';
import { checkNewPassword } from './password';
import { unwrapDekWithPassword } from './password-check';
import type { PendingRecoveryKey } from './recovery-pending';
import type { SessionKey } from './session-key';
import type { CreateOptions, KdfOptions, VaultDeps } from './vault-deps';
import { makeRecoverySlot, recoveryCost } from './vault-recovery';

/**
 * The master-password operations behind `Vault`: create, unlock, change and verify. Each
 * is one task of the vault's password queue; the raw DEK is zeroed before it returns.
 */

/**
 * Creates the vault and leaves it unlocked; with `options.recoveryKey`, also its recovery slot,
 * the key waiting in the session to be shown (`pending`). `exists` if there is one;
 * `password-too-short`.
 */
export async function createVault(
  deps: VaultDeps,
  session: SessionKey,
  pending: PendingRecoveryKey,
  password: string,
  options: CreateOptions,
): Promise<void> {
  const { db, crypto, now } = deps;
  if (await meta.vaultExists(db)) throw new VaultError('exists');
  const normalized = checkNewPassword(password);
  const kdf = newKdfParams(crypto, options.kdf);
  const dek = generateDek(crypto);
  try {
    const wrappedDek = await wrapDek(crypto, await deriveAesKey(crypto, normalized, kdf), dek);
    const slots: KeySlot[] = [{ kind: 'password', kdf, wrappedDek }];
    const recovery = options.recoveryKey
      ? await makeRecoverySlot(deps, dek, recoveryCost(kdf, options.recoveryKdf))
      : undefined;
    if (recovery) slots.push(recovery.slot);
    const header: VaultHeader = { version: HEADER_VERSION, slots, createdAt: now() };
    await db.transaction('rw', db.meta, db.accounts, async () => {
      if (await meta.vaultExists(db)) throw new VaultError('exists');
      await meta.writeHeader(db, header);
      await meta.clearLockout(db);
    });
    await session.start(dek, now());
    const key = await session.key();
    if (recovery && key) await pending.put(key, recovery.view);
  } finally {
    dek.fill(0);
  }
}

/** Checks the password (behind the failure counter) and puts the DEK in the session store. */
export async function unlockVault(
  deps: VaultDeps,
  session: SessionKey,
  password: string,
): Promise<void> {
  normalizePassword(password);
  const header = await meta.readHeader(deps.db);
  const dek = await unwrapDekWithPassword(deps, header, password);
  try {
    await meta.clearLockout(deps.db);
    await session.start(dek, deps.now());
  } finally {
    dek.fill(0);
  }
}

/**
 * Checks the old password, derives a new KEK with a fresh salt and rewraps the DEK in one
 * transaction. The Argon2id cost stays as stored unless `options.kdf` is set.
 */
export async function changeVaultPassword(
  deps: VaultDeps,
  oldPassword: string,
  newPassword: string,
  options: KdfOptions,
): Promise<void> {
  const { db, crypto } = deps;
  normalizePassword(oldPassword);
  const normalized = checkNewPassword(newPassword);
  const header = await meta.readHeader(db);
  const { memoryKiB, iterations, parallelism } = passwordSlot(header).kdf;
  const kdf = newKdfParams(crypto, options.kdf ?? { memoryKiB, iterations, parallelism });
  const dek = await unwrapDekWithPassword(deps, header, oldPassword);
  try {
    const wrappedDek = await wrapDek(crypto, await deriveAesKey(crypto, normalized, kdf), dek);
    // Only the password's slot changes: the recovery key (and its printed kit) keeps working.
    await db.transaction('rw', db.meta, async () => {
      await meta.writeHeader(db, withSlot(header, { kind: 'password', kdf, wrappedDek }));
      await meta.clearLockout(db);
    });
  } finally {
    dek.fill(0);
  }
}

/** Checks the password without changing the lock state, counting failures like unlock. */
export async function verifyVaultPassword(deps: VaultDeps, password: string): Promise<void> {
  normalizePassword(password);
  const header = await meta.readHeader(deps.db);
  const dek = await unwrapDekWithPassword(deps, header, password);
  dek.fill(0);
  await meta.clearLockout(deps.db);
}

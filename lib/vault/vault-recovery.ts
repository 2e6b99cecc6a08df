import { deriveAesKey } from '../crypto/argon2id';
import { newKdfParams, type KdfCost } from '../crypto/kdf-params';
import { normalizePassword } from '../crypto/password';
import { wrapDek } from './dek';
import { VaultError } from './errors';
import {
  passwordSlot,
  recoverySlot,
  withSlot,
  type RecoverySlot,
  type VaultHeader,
} from './header';
import { newFingerprint } from './key-slots';
import * as meta from './meta-store';
import { checkNewPassword } from './password';
import { unwrapDekWithPassword, unwrapDekWithSecret } from './password-check';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import type { PendingRecoveryKey, RecoveryKeyView } from './recovery-pending';
import type { SessionKey } from './session-key';
import type { KdfOptions, VaultDeps } from './vault-deps';

/**
 * The recovery key's operations behind `Vault`: make one (replacing the old slot), show it until
 * the user wrote it down, and open the vault with it to set a new master password. Each runs in
 * the vault's password queue; every raw DEK is zeroed before it returns.
 */

/**
 * Argon2id cost of a recovery slot: 19 MiB, 2 passes (OWASP's minimum for Argon2id). The key has
 * 140 random bits, so no amount of hashing changes how long guessing it takes; a lighter cost
 * keeps making and using it quick. Never more than the password slot's own cost.
 *
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 */
export const RECOVERY_KDF_COST: Readonly<KdfCost> = Object.freeze({
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
});

/** The recovery slot's cost for a vault whose password slot costs `password`. */
export function recoveryCost(password: KdfCost, override?: Partial<KdfCost>): KdfCost {
  if (override) return { ...RECOVERY_KDF_COST, ...override };
  return {
    memoryKiB: Math.min(password.memoryKiB, RECOVERY_KDF_COST.memoryKiB),
    iterations: Math.min(password.iterations, RECOVERY_KDF_COST.iterations),
    parallelism: 1,
  };
}

/** A new recovery key and its slot wrapping `dek`; the caller stores the slot. */
export async function makeRecoverySlot(
  deps: Pick<VaultDeps, 'crypto' | 'now'>,
  dek: Uint8Array<ArrayBuffer>,
  cost: KdfCost,
): Promise<{ slot: RecoverySlot; view: RecoveryKeyView }> {
  const { crypto, now } = deps;
  const key = generateRecoveryKey(crypto);
  const kdf = newKdfParams(crypto, cost);
  const kek = await deriveAesKey(crypto, key.secret, kdf);
  const wrappedDek = await wrapDek(crypto, kek, dek, 'recovery');
  const fingerprint = newFingerprint(crypto);
  const createdAt = now();
  return {
    slot: { kind: 'recovery', kdf, wrappedDek, fingerprint, createdAt },
    view: { key: key.display, fingerprint, createdAt },
  };
}

/** What {@link createRecoveryKey} works with. */
interface RecoveryContext {
  deps: VaultDeps;
  session: SessionKey;
  pending: PendingRecoveryKey;
}

/**
 * After the master password (counted like unlock): a new recovery key, replacing the old slot
 * (the old key stops working at once), kept sealed in the session until written down.
 */
export async function createRecoveryKey(
  { deps, session, pending }: RecoveryContext,
  password: string,
  options: KdfOptions,
): Promise<RecoveryKeyView> {
  const { db } = deps;
  normalizePassword(password);
  const header = await meta.readHeader(db);
  const dek = await unwrapDekWithPassword(deps, header, password);
  try {
    const cost = recoveryCost(passwordSlot(header).kdf, options.recoveryKdf);
    const { slot, view } = await makeRecoverySlot(deps, dek, cost);
    await db.transaction('rw', db.meta, async () => {
      await meta.writeHeader(db, withSlot(await meta.readHeader(db), slot));
      await meta.clearLockout(db);
    });
    const key = await session.key();
    if (key) await pending.put(key, view);
    return view;
  } finally {
    dek.fill(0);
  }
}

/**
 * The recovery key opens `header`'s DEK (behind the shared failure counter) and a new password
 * slot replaces the old one (same Argon2id cost unless `options.kdf`). The recovery slot stays:
 * the printed kit keeps working. A typo is refused before anything is hashed or counted
 * (`RecoveryKeyError`, naming the group). Writes nothing but the counter: returns the new
 * header and the raw DEK, which the caller stores, starts the session with and zeroes.
 */
export async function rewrapWithRecoveryKey(
  deps: Pick<VaultDeps, 'db' | 'crypto' | 'now'>,
  header: VaultHeader,
  typedKey: string,
  newPassword: string,
  options: KdfOptions,
): Promise<{ header: VaultHeader; dek: Uint8Array<ArrayBuffer> }> {
  const { crypto, now } = deps;
  const key = parseRecoveryKey(typedKey);
  const normalized = checkNewPassword(newPassword);
  const slot = recoverySlot(header);
  if (!slot) throw new VaultError('no-recovery-key');
  const dek = await unwrapDekWithSecret(deps, slot, key.secret);
  try {
    const { memoryKiB, iterations, parallelism } = passwordSlot(header).kdf;
    const kdf = newKdfParams(crypto, options.kdf ?? { memoryKiB, iterations, parallelism });
    const wrappedDek = await wrapDek(crypto, await deriveAesKey(crypto, normalized, kdf), dek);
    // Whoever typed the key has it: the kit is known to be kept.
    const kept: RecoverySlot = { ...slot, confirmedAt: slot.confirmedAt ?? now() };
    return { header: withSlot(withSlot(header, { kind: 'password', kdf, wrappedDek }), kept), dek };
  } catch (error) {
    dek.fill(0);
    throw error;
  }
}

/**
 * 「パスワードを忘れた」: {@link rewrapWithRecoveryKey} on the stored header, then the new header
 * is stored and the vault is unlocked.
 */
export async function recoverVault(
  deps: VaultDeps,
  session: SessionKey,
  typedKey: string,
  newPassword: string,
  options: KdfOptions,
): Promise<void> {
  const { db, now } = deps;
  const header = await meta.readHeader(db);
  const { header: next, dek } = await rewrapWithRecoveryKey(
    deps,
    header,
    typedKey,
    newPassword,
    options,
  );
  try {
    await db.transaction('rw', db.meta, async () => {
      await meta.writeHeader(db, next);
      await meta.clearLockout(db);
    });
    await session.start(dek, now());
  } finally {
    dek.fill(0);
  }
}

/**
 * 「書き留めました」: forgets the shown key; if it is still the vault's key, records that the
 * user has it (the popup stops reminding).
 */
export async function confirmRecoveryKey(context: RecoveryContext): Promise<void> {
  const { deps, session, pending } = context;
  const { db, now } = deps;
  const dek = await session.key();
  if (!dek) throw new VaultError('locked');
  const view = await pending.get(dek);
  await pending.clear();
  if (!view) return;
  await db.transaction('rw', db.meta, async () => {
    const header = await meta.readHeader(db);
    const slot = recoverySlot(header);
    if (slot?.fingerprint !== view.fingerprint || slot.confirmedAt !== undefined) return;
    await meta.writeHeader(db, withSlot(header, { ...slot, confirmedAt: now() }));
  });
}

import type { Account, AccountData } from '../otp/types';
import type { AccountList } from './account-list';
import type { KnownAccounts } from './duplicate-index';
import { AccountStore } from './account-store';
import { VaultError } from './errors';
import type { KdfParams } from '../crypto/kdf-params';
import { passwordSlot, recoverySlot } from './header';
import * as meta from './meta-store';
import { PendingRecoveryKey, type RecoveryKeyView } from './recovery-pending';
import { SerialQueue } from './serial';
import { SessionKey } from './session-key';
import type { CreateOptions, KdfOptions, VaultDeps, VaultStatus } from './vault-deps';
import {
  changeVaultPassword,
  createVault,
  unlockVault,
  verifyVaultPassword,
} from './vault-passwords';
import { confirmRecoveryKey, createRecoveryKey, recoverVault } from './vault-recovery';

export type { CreateOptions, KdfOptions, VaultDeps, VaultStatus } from './vault-deps';
export type { RecoveryKeyView } from './recovery-pending';

/** The recovery slot as pages may see it: which kit is current, never the key. */
export interface RecoveryInfo {
  fingerprint: string;
  createdAt: number;
  /** Whether the user said they wrote it down or printed it (or used it since). */
  confirmed: boolean;
}

/**
 * The encrypted vault: Argon2id master password → KEK, which wraps a random AES-256-GCM data key
 * (DEK), which encrypts every account record. See DESIGN.md, "The vault".
 *
 * @see https://www.rfc-editor.org/rfc/rfc9106 (Argon2)
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (GCM)
 */
export class Vault {
  readonly #deps: VaultDeps;
  readonly #session: SessionKey;
  readonly #accounts: AccountStore;
  readonly #pending: PendingRecoveryKey;
  readonly #passwords = new SerialQueue();

  constructor(deps: VaultDeps) {
    if (typeof deps?.now !== 'function') throw new TypeError('Vault: deps.now must be a function');
    if (typeof deps.crypto?.subtle?.encrypt !== 'function') {
      throw new TypeError('Vault: deps.crypto must be WebCrypto');
    }
    if (typeof deps.session?.get !== 'function') throw new TypeError('Vault: deps.session missing');
    if (typeof deps.db?.accounts?.get !== 'function') throw new TypeError('Vault: deps.db missing');
    this.#deps = deps;
    this.#session = new SessionKey(deps.session, deps.crypto);
    this.#pending = new PendingRecoveryKey(deps.session, deps.crypto);
    this.#accounts = new AccountStore({ ...deps, dek: () => this.#dek() });
  }

  /** `none` before {@link create}; `unlocked` while the DEK is in the session store. */
  async status(): Promise<VaultStatus> {
    if (!(await meta.vaultExists(this.#deps.db))) return 'none';
    return (await this.#session.isPresent()) ? 'unlocked' : 'locked';
  }

  /**
   * Creates the vault and leaves it unlocked. `exists` if there is one; `password-too-short`.
   * With `options.recoveryKey` its recovery key is made too, waiting in
   * {@link pendingRecoveryKey} to be shown.
   */
  create(password: string, options: CreateOptions = {}): Promise<void> {
    return this.#passwords.run(() =>
      createVault(this.#deps, this.#session, this.#pending, password, options),
    );
  }

  /**
   * Opens the vault. Wrong password: `wrong-password` with the wait before the next attempt;
   * during that wait `too-many-attempts` without checking the password. Nothing else changes.
   */
  unlock(password: string): Promise<void> {
    return this.#passwords.run(() => unlockVault(this.#deps, this.#session, password));
  }

  /** Forgets the DEK: removes it and the activity time from the session store. */
  async lock(): Promise<void> {
    this.#accounts.forget();
    await this.#session.clear();
  }

  /** Records user activity now (no-op while locked). */
  async touch(): Promise<void> {
    if (await this.#session.isPresent()) await this.#session.touch(this.#deps.now());
  }

  /** Locks if unlocked and idle for at least `idleMinutes`; returns whether it locked. */
  async autoLockIfIdle(idleMinutes: number): Promise<boolean> {
    if (!(Number.isFinite(idleMinutes) && idleMinutes > 0)) {
      throw new RangeError('idleMinutes must be a positive number');
    }
    if (!(await this.#session.isPresent())) return false;
    const last = await this.#session.lastActivity();
    if (last !== undefined && this.#deps.now() - last < idleMinutes * 60_000) return false;
    await this.lock();
    return true;
  }

  /**
   * Checks the old password (same failure counter as {@link unlock}), derives a new KEK with a
   * fresh salt and rewraps the DEK in one transaction. Account records are not touched; the
   * locked/unlocked state is kept. The Argon2id cost stays as stored unless `options.kdf` is set.
   */
  changePassword(
    oldPassword: string,
    newPassword: string,
    options: KdfOptions = {},
  ): Promise<void> {
    return this.#passwords.run(() =>
      changeVaultPassword(this.#deps, oldPassword, newPassword, options),
    );
  }

  /** All accounts sorted by order; damaged records in `failed`. Needs the vault unlocked. */
  listAccounts(): Promise<AccountList> {
    return this.#accounts.list();
  }

  /** Adds an account at the end of the list. Needs the vault unlocked. */
  addAccount(data: AccountData): Promise<Account> {
    return this.#accounts.add(data);
  }

  /** Adds several accounts atomically (all or none), at the end of the list. */
  addAccounts(list: AccountData[]): Promise<Account[]> {
    return this.#accounts.addMany(list);
  }

  /**
   * Checks the master password without changing the lock state (for exports), counting failures
   * like {@link unlock}.
   */
  verifyPassword(password: string): Promise<void> {
    return this.#passwords.run(() => verifyVaultPassword(this.#deps, password));
  }

  /** The master password's key-derivation parameters (no salt) and when the vault was made. */
  async info(): Promise<{ kdf: Omit<KdfParams, 'salt'>; createdAt: number }> {
    const header = await meta.readHeader(this.#deps.db);
    const { algorithm, memoryKiB, iterations, parallelism } = passwordSlot(header).kdf;
    return { kdf: { algorithm, memoryKiB, iterations, parallelism }, createdAt: header.createdAt };
  }

  /** The recovery key's fingerprint and dates, or `null` when none was made. Works locked. */
  async recoveryInfo(): Promise<RecoveryInfo | null> {
    const slot = recoverySlot(await meta.readHeader(this.#deps.db));
    if (!slot) return null;
    const { fingerprint, createdAt, confirmedAt } = slot;
    return { fingerprint, createdAt, confirmed: confirmedAt !== undefined };
  }

  /**
   * After the master password (counted like {@link unlock}): a new recovery key replaces the
   * old one, which stops working. Returned once, and kept sealed in the session until
   * {@link confirmRecoveryKey} or a lock.
   */
  createRecoveryKey(password: string, options: KdfOptions = {}): Promise<RecoveryKeyView> {
    const context = { deps: this.#deps, session: this.#session, pending: this.#pending };
    return this.#passwords.run(() => createRecoveryKey(context, password, options));
  }

  /** The recovery key made in this session and not yet written down, if any (needs unlocked). */
  async pendingRecoveryKey(): Promise<RecoveryKeyView | undefined> {
    const dek = await this.#session.key();
    return dek && this.#pending.get(dek);
  }

  /** 「書き留めました」: the shown key is forgotten; only its fingerprint remains. */
  confirmRecoveryKey(): Promise<void> {
    const context = { deps: this.#deps, session: this.#session, pending: this.#pending };
    return this.#passwords.run(() => confirmRecoveryKey(context));
  }

  /**
   * 「パスワードを忘れた」: opens the vault with the recovery key and sets `newPassword`. A typo
   * throws `RecoveryKeyError` (nothing counted); a wrong key `wrong-recovery-key` with the same
   * growing delay as wrong passwords; `no-recovery-key`. Nothing changes unless it succeeds.
   */
  recover(recoveryKey: string, newPassword: string, options: KdfOptions = {}): Promise<void> {
    return this.#passwords.run(() =>
      recoverVault(this.#deps, this.#session, recoveryKey, newPassword, options),
    );
  }

  /** Deletes everything (header, counter, records) and locks: the start of a new life. */
  async destroy(): Promise<void> {
    const { db } = this.#deps;
    await db.transaction('rw', db.meta, db.accounts, async () => {
      await db.meta.clear();
      await db.accounts.clear();
    });
    await this.lock();
  }

  /** Changes fields of one account. `not-found`; `corrupt-record` if it no longer decrypts. */
  updateAccount(id: string, patch: Partial<AccountData>): Promise<Account> {
    return this.#accounts.update(id, patch);
  }

  /** Deletes one account. `not-found` for an unknown id. */
  deleteAccount(id: string): Promise<void> {
    return this.#accounts.delete(id);
  }

  /** Moves `ids` to the front in the given order (see {@link AccountStore.reorder}). */
  reorder(ids: string[]): Promise<void> {
    return this.#accounts.reorder(ids);
  }

  /** The stored accounts as keyed hashes, for duplicate checks (see {@link KnownAccounts}). */
  knownAccounts(): Promise<KnownAccounts> {
    return this.#accounts.known();
  }

  /** The account with this secret (normalised Base32), for duplicate checks. */
  findBySecret(secret: string): Promise<Account | undefined> {
    return this.#accounts.findBySecret(secret);
  }

  async #dek(): Promise<CryptoKey> {
    const key = await this.#session.key();
    if (key === undefined) throw new VaultError('locked');
    return key;
  }
}

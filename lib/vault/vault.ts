import type { VaultDatabase } from '../db/vault-database';
import type { Account, AccountData } from '../otp/types';
import type { AccountList } from './account-list';
import { AccountStore } from './account-store';
import { generateDek, wrapDek } from './dek';
import { VaultError } from './errors';
import { HEADER_VERSION, type VaultHeader } from './header';
import { deriveKek, newKdfParams, type KdfCost } from './kdf';
import * as meta from './meta-store';
import { checkNewPassword, normalizePassword } from './password';
import { unwrapDekWithPassword } from './password-check';
import { SerialQueue } from './serial';
import { SessionKey } from './session-key';
import type { SessionStore } from './session-store';

/** Everything the vault runs on; nothing is taken from globals. */
export interface VaultDeps {
  db: VaultDatabase;
  /** WebCrypto (`globalThis.crypto` in the worker and in Node 20). */
  crypto: Crypto;
  /** Session-only storage for the unlocked key (`chrome.storage.session` in the extension). */
  session: SessionStore;
  /** Clock in milliseconds (`Date.now` in the extension, a fake in tests). */
  now: () => number;
}

/** Lets tests (or a future upgrade) choose the Argon2id cost; defaults: 64 MiB, t=3, p=1. */
export interface KdfOptions {
  kdf?: Partial<KdfCost>;
}

export type VaultStatus = 'none' | 'locked' | 'unlocked';

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
    this.#accounts = new AccountStore({ ...deps, dek: () => this.#dek() });
  }

  /** `none` before {@link create}; `unlocked` while the DEK is in the session store. */
  async status(): Promise<VaultStatus> {
    if (!(await meta.vaultExists(this.#deps.db))) return 'none';
    return (await this.#session.isPresent()) ? 'unlocked' : 'locked';
  }

  /** Creates the vault and leaves it unlocked. `exists` if there is one; `password-too-short`. */
  create(password: string, options: KdfOptions = {}): Promise<void> {
    return this.#passwords.run(async () => {
      const { db, crypto, now } = this.#deps;
      if (await meta.vaultExists(db)) throw new VaultError('exists');
      const normalized = checkNewPassword(password);
      const kdf = newKdfParams(crypto, options.kdf);
      const dek = generateDek(crypto);
      try {
        const wrappedDek = await wrapDek(crypto, await deriveKek(crypto, normalized, kdf), dek);
        const header: VaultHeader = { version: HEADER_VERSION, kdf, wrappedDek, createdAt: now() };
        await db.transaction('rw', db.meta, db.accounts, async () => {
          if (await meta.vaultExists(db)) throw new VaultError('exists');
          await meta.writeHeader(db, header);
          await meta.clearLockout(db);
        });
        await this.#session.start(dek, now());
      } finally {
        dek.fill(0);
      }
    });
  }

  /**
   * Opens the vault. Wrong password: `wrong-password` with the wait before the next attempt;
   * during that wait `too-many-attempts` without checking the password. Nothing else changes.
   */
  unlock(password: string): Promise<void> {
    return this.#passwords.run(async () => {
      normalizePassword(password);
      const header = await meta.readHeader(this.#deps.db);
      const dek = await unwrapDekWithPassword(this.#deps, header, password);
      try {
        await meta.clearLockout(this.#deps.db);
        await this.#session.start(dek, this.#deps.now());
      } finally {
        dek.fill(0);
      }
    });
  }

  /** Forgets the DEK: removes it and the activity time from the session store. */
  async lock(): Promise<void> {
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
    return this.#passwords.run(async () => {
      const { db, crypto } = this.#deps;
      normalizePassword(oldPassword);
      const normalized = checkNewPassword(newPassword);
      const header = await meta.readHeader(db);
      const { memoryKiB, iterations, parallelism } = header.kdf;
      const kdf = newKdfParams(crypto, options.kdf ?? { memoryKiB, iterations, parallelism });
      const dek = await unwrapDekWithPassword(this.#deps, header, oldPassword);
      try {
        const wrappedDek = await wrapDek(crypto, await deriveKek(crypto, normalized, kdf), dek);
        await db.transaction('rw', db.meta, async () => {
          await meta.writeHeader(db, { ...header, kdf, wrappedDek });
          await meta.clearLockout(db);
        });
      } finally {
        dek.fill(0);
      }
    });
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
    return this.#passwords.run(async () => {
      normalizePassword(password);
      const header = await meta.readHeader(this.#deps.db);
      const dek = await unwrapDekWithPassword(this.#deps, header, password);
      dek.fill(0);
      await meta.clearLockout(this.#deps.db);
    });
  }

  /** The stored key-derivation parameters (no salt) and when the vault was made. */
  async info(): Promise<{ kdf: Omit<VaultHeader['kdf'], 'salt'>; createdAt: number }> {
    const { kdf, createdAt } = await meta.readHeader(this.#deps.db);
    const { algorithm, memoryKiB, iterations, parallelism } = kdf;
    return { kdf: { algorithm, memoryKiB, iterations, parallelism }, createdAt };
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

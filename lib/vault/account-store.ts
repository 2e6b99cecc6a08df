import type { AccountRecord } from '../db/records';
import type { VaultDatabase } from '../db/vault-database';
import { forgetCodes } from '../otp/account-codes';
import type { Account, AccountData } from '../otp/types';
import { accountWrites } from '../db/account-writes';
import { openAccount, sealAccount } from './account-codec';
import { checkAccountData, normalizeSecret } from './account-data';
import { openAll, sortRecords, type AccountList } from './account-list';
import { DuplicateIndex, type KnownAccounts } from './duplicate-index';
import { MAX_ACCOUNTS, VaultError } from './errors';
import { OpenedRecords } from './opened-records';
import { WhileUnwritten } from './while-unwritten';

/** What the account operations need: storage, WebCrypto, a clock and the unlocked DEK. */
interface AccountStoreDeps {
  db: VaultDatabase;
  crypto: Crypto;
  now: () => number;
  /** The DEK; rejects with `VaultError('locked')` when the vault is locked. */
  dek: () => Promise<CryptoKey>;
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0)
    throw new TypeError('id must be a non-empty string');
  return id;
}

/**
 * Reads and writes the encrypted account records. Every method needs the vault unlocked; none
 * of them ever writes plaintext account data.
 */
export class AccountStore {
  readonly #deps: AccountStoreDeps;
  readonly #opened = new OpenedRecords();
  readonly #index: DuplicateIndex;
  /** The last {@link known} answer. */
  readonly #known = new WhileUnwritten<KnownAccounts>();
  /** The last {@link list} answer (handed out as copies). */
  readonly #listed = new WhileUnwritten<AccountList>();

  constructor(deps: AccountStoreDeps) {
    this.#deps = deps;
    this.#index = new DuplicateIndex(deps.crypto);
  }

  /**
   * All accounts sorted by `order`; records that do not decrypt are listed in `failed`. While
   * nothing was written, a copy of the last list, without reading a record: the popup's requests,
   * each fill and each scan list the accounts (issue 13).
   */
  async list(): Promise<AccountList> {
    const { db, crypto } = this.#deps;
    const key = await this.#readingKey();
    const listed = await this.#listed.get(key, accountWrites(db), async () =>
      openAll(crypto, key, await db.accounts.toArray(), this.#opened),
    );
    return structuredClone(listed);
  }

  /** The DEK for a read; locked by a way other than lock() (the session emptied): forget too. */
  async #readingKey(): Promise<CryptoKey> {
    try {
      return await this.#deps.dek();
    } catch (error) {
      this.#forgetOpened();
      throw error;
    }
  }

  /**
   * The stored accounts as keyed hashes of their secrets and labels, for duplicate checks. While
   * nothing was written, the last answer is reused without reading a record; after a write, only
   * new or rewritten records are opened (see {@link DuplicateIndex}).
   */
  async known(): Promise<KnownAccounts> {
    const { db, crypto } = this.#deps;
    const key = await this.#readingKey();
    return this.#known.get(key, accountWrites(db), async () =>
      this.#index.refresh(key, await db.accounts.toArray(), (record) =>
        this.#opened.open(crypto, key, record).catch(() => undefined),
      ),
    );
  }

  /** Drops every decrypted account kept in memory (the vault was locked). */
  forget(): void {
    this.#forgetOpened();
    forgetCodes();
  }

  #forgetOpened(): void {
    this.#opened.clear();
    this.#index.clear();
    this.#known.clear();
    this.#listed.clear();
  }

  /**
   * Encrypts and stores a new account at the end of the list (`order` = max + 1);
   * `too-many-accounts` when the vault is full.
   */
  async add(data: AccountData): Promise<Account> {
    const [added] = await this.addMany([data]);
    return added!;
  }

  /**
   * Adds several accounts in one transaction: all of them or, if anything fails, none (a restore
   * that stops halfway must leave the vault exactly as it was; one that would pass MAX_ACCOUNTS
   * adds nothing: `too-many-accounts`). Encryption happens first because
   * an IndexedDB transaction cannot wait on WebCrypto.
   */
  async addMany(list: AccountData[]): Promise<Account[]> {
    const { db, crypto, now, dek } = this.#deps;
    if (!Array.isArray(list)) throw new TypeError('list must be an array');
    const checked = list.map((data) => checkAccountData(data));
    const key = await dek();
    const updatedAt = now();
    const sealed = await Promise.all(
      checked.map((data) => sealAccount(crypto, key, crypto.randomUUID(), 0, data, updatedAt)),
    );
    const first = await db.transaction('rw', db.accounts, async () => {
      await this.#checkRoom(sealed.length);
      const last = await db.accounts.orderBy('order').last();
      const start = last === undefined ? 0 : last.order + 1;
      await db.accounts.bulkAdd(sealed.map((record, i) => ({ ...record, order: start + i })));
      return start;
    });
    return checked.map((data, i) => ({ ...data, id: sealed[i]!.id, order: first + i, updatedAt }));
  }

  /** Applies `patch` to one account and re-encrypts it with a fresh IV. */
  async update(id: string, patch: Partial<AccountData>): Promise<Account> {
    const { db, crypto, now, dek } = this.#deps;
    checkId(id);
    if (typeof patch !== 'object' || patch === null) throw new TypeError('patch must be an object');
    const key = await dek();
    const record = await this.#get(id);
    let current: Account;
    try {
      current = await openAccount(crypto, key, record);
    } catch (cause) {
      throw new VaultError('corrupt-record', { cause });
    }
    const merged = checkAccountData({ ...current, ...patch });
    const updatedAt = now();
    const sealed = await sealAccount(crypto, key, id, record.order, merged, updatedAt);
    const order = await db.transaction('rw', db.accounts, async () => {
      const stored = await this.#get(id);
      await db.accounts.put({ ...sealed, order: stored.order });
      return stored.order;
    });
    return { ...merged, id, order, updatedAt };
  }

  /** Deletes one account (also one that no longer decrypts). */
  async delete(id: string): Promise<void> {
    const { db, dek } = this.#deps;
    checkId(id);
    await dek();
    await db.transaction('rw', db.accounts, async () => {
      await this.#get(id);
      await db.accounts.delete(id);
    });
  }

  /**
   * Puts `ids` first, in that order; accounts not listed keep their relative order after them.
   * Unknown ids: `VaultError('not-found')`; duplicates: `TypeError`.
   */
  async reorder(ids: string[]): Promise<void> {
    const { db, dek } = this.#deps;
    if (!Array.isArray(ids)) throw new TypeError('ids must be an array');
    ids.forEach(checkId);
    if (new Set(ids).size !== ids.length) throw new TypeError('ids must not repeat');
    await dek();
    await db.transaction('rw', db.accounts, async () => {
      const records = sortRecords(await db.accounts.toArray());
      const known = new Set(records.map((record) => record.id));
      if (!ids.every((id) => known.has(id))) throw new VaultError('not-found');
      const listed = new Set(ids);
      const rest = records.filter((record) => !listed.has(record.id)).map((record) => record.id);
      const orders = new Map(records.map((record) => [record.id, record.order]));
      const changed = [...ids, ...rest]
        .map((id, order) => ({ id, order }))
        .filter(({ id, order }) => orders.get(id) !== order);
      await Promise.all(changed.map(({ id, order }) => db.accounts.update(id, { order })));
    });
  }

  /** The first account (by order) whose secret equals `secret` once both are normalised. */
  async findBySecret(secret: string): Promise<Account | undefined> {
    if (typeof secret !== 'string') throw new TypeError('secret must be a string');
    const wanted = normalizeSecret(secret);
    const { accounts } = await this.list();
    return accounts.find((account) => normalizeSecret(account.secret) === wanted);
  }

  /**
   * Refuses, inside the adding transaction, what would take the vault past MAX_ACCOUNTS: every way
   * in (enroll, the add form, a scan, an import) comes through here, and two adds at once can't
   * both squeeze past the count.
   */
  async #checkRoom(adding: number): Promise<void> {
    if ((await this.#deps.db.accounts.count()) + adding > MAX_ACCOUNTS) {
      throw new VaultError('too-many-accounts');
    }
  }

  async #get(id: string): Promise<AccountRecord> {
    const record = await this.#deps.db.accounts.get(id);
    if (record === undefined) throw new VaultError('not-found');
    return record;
  }
}

import { Dexie, type Table } from 'dexie';
import type { AccountRecord, MetaRow } from './records';

/** Name of the IndexedDB database that holds the vault. */
export const VAULT_DB_NAME = 'pc-authenticator';

/** What the database is built from: the IndexedDB implementation is passed in, never global. */
interface VaultDatabaseOptions {
  /** `globalThis.indexedDB` in the extension, `new IDBFactory()` from fake-indexeddb in tests. */
  indexedDB: IDBFactory;
  /** The matching `IDBKeyRange` constructor. */
  IDBKeyRange: typeof IDBKeyRange;
  /** Database name; defaults to {@link VAULT_DB_NAME}. */
  name?: string;
}

/**
 * The Dexie schema of the vault.
 *
 * - `meta`: primary key `key` — the vault header (`'header'`) and the failed-unlock counter
 *   (`'lockout'`).
 * - `accounts`: primary key `id`, index `order` — one encrypted record per account.
 *
 * @see https://dexie.org/docs/Typescript
 */
export class VaultDatabase extends Dexie {
  declare readonly meta: Table<MetaRow, MetaRow['key']>;
  declare readonly accounts: Table<AccountRecord, string>;

  constructor(options: VaultDatabaseOptions) {
    if (typeof options?.indexedDB?.open !== 'function') {
      throw new TypeError('VaultDatabase: options.indexedDB must be an IDBFactory');
    }
    if (typeof options.IDBKeyRange?.bound !== 'function') {
      throw new TypeError('VaultDatabase: options.IDBKeyRange must be the IDBKeyRange class');
    }
    super(options.name ?? VAULT_DB_NAME, {
      indexedDB: options.indexedDB,
      IDBKeyRange: options.IDBKeyRange,
    });
    this.version(1).stores({
      meta: 'key',
      accounts: 'id, order',
    });
  }
}

import type { AccountRecord } from '../db/records';
import type { Account, AccountData } from '../otp/types';
import { openAccount } from './account-codec';

/** One record as it was opened: its sealed bytes (to see a later write) and what they held. */
interface Opened {
  iv: string;
  ciphertext: string;
  data: AccountData;
}

/**
 * Decrypted accounts, in the worker's memory only, for as long as the same DEK is in use: the
 * popup, a scan's duplicate check and every fill list the accounts, and opening 200 AES-GCM
 * records each time was most of a popup's wait (issue 13). A record is reused only while its
 * `iv` and `ciphertext` are the ones opened (every write seals with a fresh IV), so a write by
 * any path is seen; `order` and `updatedAt` always come from the record. {@link clear} on lock
 * drops the plaintext at once instead of waiting for the key to be collected.
 */
export class OpenedRecords {
  #key: CryptoKey | undefined;
  #byId = new Map<string, Opened>();

  /** What `record` held when opened under `key`, or undefined (not opened, or written since). */
  get(key: CryptoKey, record: AccountRecord): AccountData | undefined {
    if (key !== this.#key) return undefined;
    const opened = this.#byId.get(record.id);
    if (!opened || opened.iv !== record.iv || opened.ciphertext !== record.ciphertext)
      return undefined;
    // A copy: a caller that changes an account's arrays never changes what is kept here.
    return structuredClone(opened.data);
  }

  /** Remembers what `record` held under `key` (another key: everything before is dropped). */
  set(key: CryptoKey, record: AccountRecord, data: AccountData): void {
    if (key !== this.#key) this.clear();
    this.#key = key;
    const kept = structuredClone(data);
    this.#byId.set(record.id, { iv: record.iv, ciphertext: record.ciphertext, data: kept });
  }

  /** `record` opened under `key`: as remembered, or decrypted and remembered; throws as openAccount. */
  async open(crypto: Crypto, key: CryptoKey, record: AccountRecord): Promise<Account> {
    const known = this.get(key, record);
    if (known) return { ...known, id: record.id, order: record.order, updatedAt: record.updatedAt };
    const account = await openAccount(crypto, key, record);
    this.set(key, record, account);
    return account;
  }

  /** Keeps only the ids still stored (a deleted account's plaintext leaves memory too). */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.#byId.keys()) if (!ids.has(id)) this.#byId.delete(id);
  }

  /** Forgets every opened account (lock). */
  clear(): void {
    this.#key = undefined;
    this.#byId.clear();
  }
}

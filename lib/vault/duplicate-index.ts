import { bytesToBase64 } from '../crypto/base64';
import type { AccountData } from '../otp/types';
import { normalizeSecret } from './account-data';

/** What a duplicate check compares: the secret (same codes) and the label (same name). */
type Comparable = Pick<AccountData, 'secret' | 'issuer' | 'name'>;

/** An entry's keyed hashes, to look up in {@link KnownAccounts}. */
export interface DuplicateKeys {
  secret: string;
  label: string;
}

/** The stored accounts as a duplicate check sees them: keyed hashes only. */
export interface KnownAccounts {
  /** How many stored accounts opened (0: the vault is empty). */
  count: number;
  /** Keyed hashes of their normalised secrets. */
  secrets: ReadonlySet<string>;
  /** Keyed hashes of their labels (see {@link labelKey}). */
  labels: ReadonlySet<string>;
  /** The keys of an account, made with the same key as `secrets` and `labels`. */
  keysOf(account: Comparable): Promise<DuplicateKeys>;
}

/** A stored record as the index follows it: every write seals with a fresh `iv`. */
interface IndexedRecord {
  id: string;
  iv: string;
}

/** Issuer and name as the user reads them: NFC, no surrounding spaces. */
export function labelKey(account: Pick<AccountData, 'issuer' | 'name'>): string {
  return JSON.stringify([
    account.issuer.normalize('NFC').trim(),
    account.name.normalize('NFC').trim(),
  ]);
}

/**
 * Keyed hashes (HMAC-SHA-256) of every stored account's normalised secret and label, so that a
 * scan or an import finds duplicates without opening and copying every record each time (issue
 * 13). The HMAC key is random, non-extractable and lives only in this object: nothing here is
 * ever written anywhere, and the hashes are worthless without it. Entries follow the records by
 * their `iv` (a rewrite by any path — an edit, a sync merge — is seen and indexed again, a deleted
 * record is dropped) and belong to one data key: another DEK, or {@link clear} on lock, starts
 * over. A new worker starts empty and rebuilds on first use.
 * @see https://www.rfc-editor.org/rfc/rfc2104 (HMAC)
 */
export class DuplicateIndex {
  readonly #crypto: Crypto;
  #hmac: Promise<CryptoKey> | undefined;
  #dek: CryptoKey | undefined;
  readonly #byId = new Map<string, DuplicateKeys & { iv: string }>();

  constructor(crypto: Crypto) {
    this.#crypto = crypto;
  }

  /** The keyed hashes of `account`'s normalised secret and of its label. */
  async keysOf(account: Comparable): Promise<DuplicateKeys> {
    const [secret, label] = await Promise.all([
      this.#hash(`secret:${normalizeSecret(account.secret)}`),
      this.#hash(`label:${labelKey(account)}`),
    ]);
    return { secret, label };
  }

  /**
   * Brings the index up to date with `records` (all of them, under `dek`) and returns it. Only
   * records not indexed yet, or rewritten since, are passed to `open`, which gives the account
   * or `undefined` for a record that does not open (left out, as the account list leaves it).
   */
  async refresh<R extends IndexedRecord>(
    dek: CryptoKey,
    records: readonly R[],
    open: (record: R) => Promise<Comparable | undefined>,
  ): Promise<KnownAccounts> {
    if (dek !== this.#dek) this.clear();
    this.#dek = dek;
    const ids = new Set(records.map((record) => record.id));
    for (const id of this.#byId.keys()) if (!ids.has(id)) this.#byId.delete(id);
    const stale = records.filter((record) => this.#byId.get(record.id)?.iv !== record.iv);
    await Promise.all(
      stale.map(async (record) => {
        const account = await open(record);
        // The key must still be the one this refresh began with (no lock in between).
        const keys = account && (await this.keysOf(account));
        if (this.#dek !== dek) return;
        if (keys) this.#byId.set(record.id, { ...keys, iv: record.iv });
        else this.#byId.delete(record.id);
      }),
    );
    const entries = [...this.#byId.values()];
    return {
      count: entries.length,
      secrets: new Set(entries.map((entry) => entry.secret)),
      labels: new Set(entries.map((entry) => entry.label)),
      keysOf: (account) => this.keysOf(account),
    };
  }

  /** Forgets every entry and the HMAC key (lock): the next refresh starts with a new key. */
  clear(): void {
    this.#dek = undefined;
    this.#hmac = undefined;
    this.#byId.clear();
  }

  async #hash(text: string): Promise<string> {
    this.#hmac ??= this.#crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]) as Promise<CryptoKey>;
    const key = await this.#hmac;
    const mac = await this.#crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text));
    return bytesToBase64(new Uint8Array(mac));
  }
}

import { AES_KEY_BYTES, importAesKey } from '../crypto/aes-gcm';
import { bytesToBase64, decodeBase64Strict } from '../crypto/base64';
import { SESSION_KEYS } from './session-keys';
import type { SessionStore } from './session-store';

/**
 * The unlocked state, kept in a {@link SessionStore} so it survives a service-worker restart:
 * the raw DEK (base64) under `vault.dek` and the last activity time under `vault.lastActivity`.
 * Lock = remove both (and `vault.recoveryPending`, which only the DEK opens). The DEK is re-imported from the store as a non-extractable key; the
 * imported key is cached for as long as the stored value does not change.
 */
export class SessionKey {
  readonly #store: SessionStore;
  readonly #crypto: Crypto;
  #cache: { encoded: string; key: CryptoKey } | undefined;

  constructor(store: SessionStore, crypto: Crypto) {
    this.#store = store;
    this.#crypto = crypto;
  }

  /** Stores the raw DEK and the activity time: the vault is now unlocked. */
  async start(rawDek: Uint8Array<ArrayBuffer>, now: number): Promise<void> {
    this.#cache = undefined;
    await this.#store.set(SESSION_KEYS.lastActivity, now);
    await this.#store.set(SESSION_KEYS.dek, bytesToBase64(rawDek));
  }

  /**
   * Removes the DEK, the activity time and what is sealed under the DEK (a recovery key waiting
   * to be written down): the vault is now locked.
   */
  async clear(): Promise<void> {
    this.#cache = undefined;
    await this.#store.remove(SESSION_KEYS.dek);
    await this.#store.remove(SESSION_KEYS.lastActivity);
    await this.#store.remove(SESSION_KEYS.recoveryPending);
  }

  /** The DEK as a non-extractable AES-GCM key, or `undefined` when locked. */
  async key(): Promise<CryptoKey | undefined> {
    const encoded = await this.#encodedDek();
    if (encoded === undefined) {
      this.#cache = undefined;
      return undefined;
    }
    if (this.#cache?.encoded === encoded) return this.#cache.key;
    const raw = decodeBase64Strict(encoded, SESSION_KEYS.dek);
    try {
      const key = await importAesKey(this.#crypto, raw);
      this.#cache = { encoded, key };
      return key;
    } finally {
      raw.fill(0);
    }
  }

  /** Whether a well-formed DEK is in the store. */
  async isPresent(): Promise<boolean> {
    return (await this.#encodedDek()) !== undefined;
  }

  /** Records activity at `now`. */
  async touch(now: number): Promise<void> {
    await this.#store.set(SESSION_KEYS.lastActivity, now);
  }

  /** The last recorded activity time, or `undefined` if none (or malformed). */
  async lastActivity(): Promise<number | undefined> {
    const value = await this.#store.get(SESSION_KEYS.lastActivity);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  async #encodedDek(): Promise<string | undefined> {
    const value = await this.#store.get(SESSION_KEYS.dek);
    if (typeof value !== 'string') return undefined;
    try {
      return decodeBase64Strict(value).length === AES_KEY_BYTES ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

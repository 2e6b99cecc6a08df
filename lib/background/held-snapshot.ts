import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { SESSION_KEYS } from '../vault/session-keys';
import type { SessionStore } from '../vault/session-store';

/**
 * A value read from storage and held in the worker's memory until something it was read from
 * changes: the popup's first request is answered without a storage read while the browser is
 * busy opening the popup (issue 13). A read that overlaps a change is returned but not kept.
 */
export class Held<T> {
  readonly #read: () => Promise<T>;
  #value: Promise<T> | undefined;
  #generation = 0;

  constructor(read: () => Promise<T>) {
    this.#read = read;
  }

  /** The held value, or a fresh read (kept if nothing changed meanwhile). */
  get(): Promise<T> {
    if (this.#value) return this.#value;
    const generation = this.#generation;
    const reading = this.#read();
    this.#value = reading;
    reading.then(
      () => {
        if (generation !== this.#generation && this.#value === reading) this.#value = undefined;
      },
      () => {
        if (this.#value === reading) this.#value = undefined;
      },
    );
    return reading;
  }

  /** `value` was just written where it is read from: it is the held value now. */
  set(value: T): void {
    this.#generation++;
    this.#value = Promise.resolve(value);
  }

  /** Something it was read from changed: the next {@link get} reads again. */
  drop(): void {
    this.#generation++;
    this.#value = undefined;
  }
}

/**
 * `store`, dropping `held` after each of its writes that is not the activity time. The worker's
 * own lock and unlock go through it: `storage.onChanged` reaches the worker later than the
 * write's answer, and a popup asking at once must never get the state from before.
 */
export function droppingStore(store: SessionStore, held: Held<unknown>): SessionStore {
  const after = (key: string) => {
    if (key !== SESSION_KEYS.lastActivity) held.drop();
  };
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value).finally(() => after(key)),
    remove: (key) => store.remove(key).finally(() => after(key)),
  };
}

/**
 * Drops `held` on every committed IndexedDB write of the worker (the only code that writes the
 * vault) and every `storage` change, except the activity time each request records.
 */
export function dropOnStorageChange(held: Held<unknown>): void {
  Dexie.on('storagemutated', () => held.drop());
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (area === 'session' && keys.every((key) => key === SESSION_KEYS.lastActivity)) return;
    held.drop();
  });
}

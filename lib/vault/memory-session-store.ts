import type { SessionStore } from './session-store';

/** A {@link SessionStore} in a `Map`, for tests and for hosts without `storage.session`. */
export class MemorySessionStore implements SessionStore {
  readonly #values = new Map<string, string | number>();

  async get(key: string): Promise<unknown> {
    return this.#values.get(key);
  }

  async set(key: string, value: string | number): Promise<void> {
    this.#values.set(key, value);
  }

  async remove(key: string): Promise<void> {
    this.#values.delete(key);
  }

  /** Number of stored keys (for tests). */
  get size(): number {
    return this.#values.size;
  }
}

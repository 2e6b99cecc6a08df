/**
 * A small async key-value store that lives only as long as the browser session. The background
 * backs it with `chrome.storage.session` (memory only, closed to content scripts); tests use a
 * `MemorySessionStore`.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */
export interface SessionStore {
  /** The stored value, or `undefined`. Values are checked by the reader, never trusted. */
  get(key: string): Promise<unknown>;
  set(key: string, value: string | number): Promise<void>;
  remove(key: string): Promise<void>;
}

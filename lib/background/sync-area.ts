import { browser } from 'wxt/browser';
import type { SyncArea } from '../sync/ports';

/**
 * `chrome.storage.sync` as the sync engine's area. Only sync uses this area, so everything in it
 * is ours; each `set` is one write operation against the browser's per-minute limit.
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const browserSyncArea: SyncArea = {
  get: () => browser.storage.sync.get(null),
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

/**
 * `chrome.storage.sync`'s limits and the share of them this extension allows itself. Chrome
 * counts an item as its key plus the JSON of its value; a write that passes a quota fails
 * whole. Staying well inside leaves room for tombstones and a header that grows (a recovery slot).
 *
 * @see https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const SYNC_LIMITS = {
  /** QUOTA_BYTES is 102 400; we use at most 90 000. */
  totalBytes: 90_000,
  /** QUOTA_BYTES_PER_ITEM is 8 192; one account item stays under 6 000. */
  itemBytes: 6_000,
  /** MAX_ITEMS is 512. */
  items: 480,
} as const;

/** The size Chrome charges for one item. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Why the vault does not fit, with the numbers to show. */
export interface TooLarge {
  reason: 'total' | 'item' | 'count';
  bytes: number;
  items: number;
}

/**
 * Checks the synced area as it would be after a write: `undefined` when it fits, or why not.
 * Nothing is written when it does not fit, so the synced copy stays as it was.
 */
export function checkQuota(items: Record<string, unknown>): TooLarge | undefined {
  let bytes = 0;
  let largest = 0;
  const keys = Object.keys(items);
  for (const key of keys) {
    const size = itemBytes(key, items[key]);
    bytes += size;
    largest = Math.max(largest, size);
  }
  const count = keys.length;
  if (largest > SYNC_LIMITS.itemBytes) return { reason: 'item', bytes, items: count };
  if (count > SYNC_LIMITS.items) return { reason: 'count', bytes, items: count };
  if (bytes > SYNC_LIMITS.totalBytes) return { reason: 'total', bytes, items: count };
  return undefined;
}

import { Dexie, type ObservabilitySet } from 'dexie';

/** Committed writes to an `accounts` table seen in this realm, by database name. */
const counts = new Map<string, number>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  // Fired when a transaction that wrote commits (here, or in another context of the origin).
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const part of Object.keys(parts)) {
      const match = /^idb:\/\/(.*)\/accounts\//.exec(part);
      if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    }
  });
}

/**
 * A number that changes after every committed write to `db`'s `accounts` table, by any path (the
 * vault's own methods, sync, a restore): something derived from the records may be reused while
 * it stays the same. Read it before reading the records. It may also change without a write
 * that matters (another database of the same name), never the other way round. Counting starts
 * at the first call: whatever was written before, the caller's first read sees.
 * @see https://dexie.org/docs/Dexie/Dexie.on.storagemutated
 */
export function accountWrites(db: Dexie): number {
  listen();
  return counts.get(db.name) ?? 0;
}

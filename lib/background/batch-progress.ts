import { browser } from 'wxt/browser';

const KEY = 'migrationBatches';

interface Progress {
  size: number;
  received: number[];
}

/**
 * Which QR codes of a multi-QR Google export have come, kept in `storage.session` so it survives
 * the service worker being stopped between two scans. Only batch numbers are kept — the accounts
 * themselves are already in the vault.
 * @returns the 1-based numbers of the QR codes still to read
 */
export async function recordBatch(batch: {
  batchId: number;
  batchIndex: number;
  batchSize: number;
}): Promise<number[]> {
  const stored = (await browser.storage.session.get(KEY))[KEY] as
    Record<string, Progress> | undefined;
  const all = { ...stored };
  const id = String(batch.batchId);
  const previous = all[id];
  const progress: Progress =
    previous && previous.size === batch.batchSize
      ? previous
      : { size: batch.batchSize, received: [] };
  if (!progress.received.includes(batch.batchIndex)) progress.received.push(batch.batchIndex);
  all[id] = progress;
  await browser.storage.session.set({ [KEY]: all });
  const missing: number[] = [];
  for (let index = 0; index < progress.size; index++) {
    if (!progress.received.includes(index)) missing.push(index + 1);
  }
  return missing;
}

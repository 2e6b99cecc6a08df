import { migrationBatchesItem, type BatchProgress as Progress } from '../storage';

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
  const all = await migrationBatchesItem.getValue();
  const id = String(batch.batchId);
  const previous = all[id];
  const progress: Progress =
    previous && previous.size === batch.batchSize
      ? previous
      : { size: batch.batchSize, received: [] };
  if (!progress.received.includes(batch.batchIndex)) progress.received.push(batch.batchIndex);
  all[id] = progress;
  await migrationBatchesItem.setValue(all);
  const missing: number[] = [];
  for (let index = 0; index < progress.size; index++) {
    if (!progress.received.includes(index)) missing.push(index + 1);
  }
  return missing;
}

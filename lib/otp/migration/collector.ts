import type { AccountData } from '../types';
import type { MigrationBatch, MigrationProgress, SkippedAccount } from './types';

interface Group {
  size: number;
  /** Batches received, by 0-based index. */
  parts: Map<number, MigrationBatch>;
}

/**
 * Joins the QR codes of Google Authenticator exports by `batch_id`, so a multi-QR import can
 * tell which QR codes are still to scan. Pure: it only remembers what it is given. Several
 * exports may be collected at once; a batch whose `batchSize` differs from the one remembered
 * for its id starts that export over.
 * @see https://github.com/google/google-authenticator-android/issues/118
 */
export class MigrationCollector {
  private readonly groups = new Map<number, Group>();

  /** Remembers a batch and says where its export stands (batch numbers 1-based). */
  add(batch: MigrationBatch): MigrationProgress {
    let group = this.groups.get(batch.batchId);
    if (group === undefined || group.size !== batch.batchSize) {
      group = { size: batch.batchSize, parts: new Map() };
      this.groups.set(batch.batchId, group);
    }
    const duplicate = group.parts.has(batch.batchIndex);
    group.parts.set(batch.batchIndex, batch);
    return progressOf(batch.batchId, group, duplicate);
  }

  /** Where the export `batchId` stands, or `undefined` when none of its batches came. */
  progress(batchId: number): MigrationProgress | undefined {
    const group = this.groups.get(batchId);
    return group && progressOf(batchId, group, false);
  }

  /** The accounts and skipped accounts of the batches of `batchId` received, in batch order. */
  result(batchId: number): { accounts: AccountData[]; skipped: SkippedAccount[] } {
    const parts = [...(this.groups.get(batchId)?.parts ?? [])].sort(([a], [b]) => a - b);
    return {
      accounts: parts.flatMap(([, batch]) => batch.accounts),
      skipped: parts.flatMap(([, batch]) => batch.skipped),
    };
  }

  /** Forgets the export `batchId`, or every export. */
  clear(batchId?: number): void {
    if (batchId === undefined) this.groups.clear();
    else this.groups.delete(batchId);
  }
}

function progressOf(batchId: number, group: Group, duplicate: boolean): MigrationProgress {
  const received: number[] = [];
  const missing: number[] = [];
  for (let index = 0; index < group.size; index++) {
    (group.parts.has(index) ? received : missing).push(index + 1);
  }
  return {
    batchId,
    batchSize: group.size,
    complete: missing.length === 0,
    received,
    missing,
    duplicate,
  };
}

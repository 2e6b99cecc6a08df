import { browser } from 'wxt/browser';
import type { BackupStatus } from '../backup-protocol';

/** `storage.local` key of the last backup's time and size (read by the popup's reminder). */
export const BACKUP_STATUS_KEY = 'backup';

export async function saveBackupStatus(status: BackupStatus): Promise<void> {
  await browser.storage.local.set({ [BACKUP_STATUS_KEY]: status });
}

import { useEffect, useState } from 'react';
import type { BackupStatus } from '../backup-protocol';
import { backupStatusItem } from '../storage';

/**
 * The last backup's time and size from `storage.local` (`null`: never; `undefined`: still
 * reading), following changes made by the background.
 */
export function useBackupStatus(): BackupStatus | null | undefined {
  const [status, setStatus] = useState<BackupStatus | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void backupStatusItem.getValue().then((value) => {
      if (live) setStatus(value);
    });
    const unwatch = backupStatusItem.watch(setStatus);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return status;
}

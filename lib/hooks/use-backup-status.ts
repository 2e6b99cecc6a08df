import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseBackupStatus, type BackupStatus } from '../backup-protocol';

const KEY = 'backup';

/**
 * The last backup's time and size from `storage.local` (`null`: never; `undefined`: still
 * reading), following changes made by the background.
 */
export function useBackupStatus(): BackupStatus | null | undefined {
  const [status, setStatus] = useState<BackupStatus | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(KEY).then((items) => {
      if (live) setStatus(parseBackupStatus(items[KEY]));
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (KEY in changes) setStatus(parseBackupStatus(changes[KEY]?.newValue));
    };
    browser.storage.local.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, []);
  return status;
}

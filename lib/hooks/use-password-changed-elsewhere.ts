import { useEffect, useState } from 'react';
import { syncReportItem } from '../storage';

/**
 * Whether sync brought another PC's master password (changed there, or set there with the
 * recovery key) since this PC's last unlock: the lock screen says so, so the old password
 * failing is not a mystery. The worker clears the note at the next unlock.
 */
export function usePasswordChangedElsewhere(): boolean {
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    let live = true;
    const read = (report: { passwordChanged?: boolean } | null) => {
      if (live) setChanged(report?.passwordChanged === true);
    };
    void syncReportItem.getValue().then(read);
    const unwatch = syncReportItem.watch(read);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return changed;
}

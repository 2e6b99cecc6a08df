import { useEffect, useState } from 'react';
import { clockOffsetMs, isClockOff } from '../clock';
import { isKosmoSite } from '../kosmo';
import { clockCheckItem, clockOffsetItem } from '../storage';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The clock correction codes use, and a check of the PC clock against the KOSMO server's `Date`
 * header (at most hourly, only for a user with a KOSMO account). A clock more than 10 s off makes
 * codes fail; the user can apply the measured offset with one click.
 */
export function useClock(sites: string[]) {
  const [applied, setApplied] = useState(0);
  const [measured, setMeasured] = useState<number | null>(null);
  const kosmo = sites.find(isKosmoSite) ?? null;

  useEffect(() => {
    void Promise.all([clockOffsetItem.getValue(), clockCheckItem.getValue()]).then(async (got) => {
      const [offset, last] = got;
      setApplied(offset);
      if (last && Date.now() - last.at < CHECK_EVERY_MS) return setMeasured(last.offsetMs);
      if (!kosmo) return;
      const sentAt = Date.now();
      const response = await fetch(kosmo, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
      const offsetMs = clockOffsetMs(response?.headers.get('date') ?? null, sentAt, Date.now());
      await clockCheckItem.setValue({ at: Date.now(), offsetMs });
      setMeasured(offsetMs);
    });
  }, [kosmo]);

  return {
    /** Add this to `Date.now()` for codes. */
    offsetMs: applied,
    /** The offset still to correct, when it is big enough to matter. */
    warning: measured !== null && isClockOff(measured - applied) ? measured : null,
    correct: async () => {
      if (measured === null) return;
      await clockOffsetItem.setValue(measured);
      setApplied(measured);
    },
  };
}

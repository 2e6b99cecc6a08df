import { useEffect, useState } from 'react';
import {
  clockOffsetMs,
  clockSource,
  clockWarning,
  offsetFor,
  type ClockCorrection,
} from '../clock';
import { clockCheckItem, clockCorrectionItem, type ClockCheck } from '../storage';
import type { SiteBindings } from '../trusted-sites';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The clock correction codes use, and a check of the PC clock against the `Date` header of a
 * KOSMO site the user enrolled on or bound themself (at most hourly per site). A clock more than
 * 10 s off makes codes fail: up to ±10 min the user can apply the measured offset with one click,
 * for the accounts of that site only; beyond, they are told to set the PC's clock.
 */
export function useClock(accounts: readonly SiteBindings[]) {
  const [correction, setCorrection] = useState<ClockCorrection | null>(null);
  const [check, setCheck] = useState<ClockCheck | null>(null);
  const source = clockSource(accounts);

  useEffect(() => {
    void clockCorrectionItem.getValue().then(setCorrection);
    return clockCorrectionItem.watch(setCorrection);
  }, []);

  useEffect(() => {
    let live = true;
    void measure(source).then((measured) => live && setCheck(measured));
    return () => {
      live = false;
    };
  }, [source]);

  const warning = clockWarning(check, correction);
  return {
    /** Add this to `Date.now()` for the codes of an account bound to `sites`. */
    offsetFor: (sites: readonly string[]) => offsetFor(sites, correction),
    warning,
    correct: async () => {
      if (!warning?.correctable) return;
      await clockCorrectionItem.setValue({ origin: warning.origin, offsetMs: warning.offsetMs });
    },
  };
}

/** The last check of `origin` if recent, else a new one (stored for the next popup). */
async function measure(origin: string | null): Promise<ClockCheck | null> {
  if (!origin) return null;
  const last = await clockCheckItem.getValue();
  if (last?.origin === origin && Date.now() - last.at < CHECK_EVERY_MS) return last;
  const sentAt = Date.now();
  const response = await fetch(origin, { method: 'HEAD', cache: 'no-store' }).catch(() => null);
  const offsetMs = clockOffsetMs(response?.headers.get('date') ?? null, sentAt, Date.now());
  const check = { at: Date.now(), origin, offsetMs };
  await clockCheckItem.setValue(check);
  return check;
}

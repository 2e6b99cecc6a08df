import { useEffect, useRef } from 'react';
import type { AccountView } from '../otp/account-codes';
import { shownCode } from '../otp/shown-code';

/** An answer that is still stale is asked for again, at most this often. */
const RETRY_MS = 1000;

/**
 * Keeps the popup's codes coming without the key: the worker sends each account's code for the
 * current step and the next one; when a step ends the row shows the next code it already holds,
 * and this asks the worker for the step after (one request per step, not per second). An answer
 * that is still stale — the worker had not yet seen a clock correction the popup just applied —
 * is asked for again a second later, so a row never stays on a code of the wrong step.
 * @param nowFor the popup's clock for an account, with the same correction the worker uses
 */
export function useCodeRefresh(
  accounts: readonly AccountView[],
  nowFor: (account: AccountView) => number,
  refresh: () => Promise<void>,
): void {
  const stale = accounts.some((account) => shownCode(account, nowFor(account)).stale);
  const lastAsk = useRef(0);
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(
      () => {
        lastAsk.current = Date.now();
        void refresh();
      },
      Math.max(0, lastAsk.current + RETRY_MS - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [stale, accounts, refresh]);
}

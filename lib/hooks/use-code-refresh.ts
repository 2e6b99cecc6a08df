import { useEffect, useRef } from 'react';
import type { AccountView } from '../otp/account-codes';
import { shownCode } from '../otp/shown-code';

/**
 * Keeps the popup's codes coming without the key: the worker sends each account's code for the
 * current step and the next one; when a step ends the row shows the next code it already holds,
 * and this asks the worker once for the step after (one request per step, not per second).
 * @param nowFor the popup's clock for an account, with the same correction the worker uses
 */
export function useCodeRefresh(
  accounts: readonly AccountView[],
  nowFor: (account: AccountView) => number,
  refresh: () => Promise<void>,
): void {
  const stale = accounts.some((account) => shownCode(account, nowFor(account)).stale);
  const asking = useRef(false);
  useEffect(() => {
    if (!stale || asking.current) return;
    asking.current = true;
    void refresh().finally(() => (asking.current = false));
  }, [stale, refresh]);
}

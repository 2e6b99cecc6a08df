import type { AccountView } from './account-codes';
import { secondsLeft, timeStep } from './step-time';

/** What a row shows at `nowMs`: the code, the one after it (last 5 s of TOTP) and seconds left. */
interface ShownCode {
  /** Null while the codes held are too old (the page has asked for newer ones). */
  code: string | null;
  upcoming: string | null;
  secondsLeft: number;
  /** The held codes end with this step: the page should ask the worker for the next ones. */
  stale: boolean;
}

/**
 * Picks the code for the page's `nowMs` from the codes the worker made: the current one, the
 * held next one once the step is over (and `stale`, to fetch the step after), or none when the
 * page has been asleep longer than that.
 */
export function shownCode(
  view: Pick<AccountView, 'type' | 'period' | 'codes'>,
  nowMs: number,
): ShownCode {
  const { codes } = view;
  if (view.type === 'hotp' || !codes)
    return { code: codes?.current ?? null, upcoming: null, secondsLeft: 0, stale: false };
  const left = secondsLeft(view.period, nowMs);
  const ahead = timeStep(view.period, nowMs) - codes.step;
  if (ahead <= 0) {
    const upcoming = left <= 5 ? codes.next : null;
    return { code: codes.current, upcoming, secondsLeft: left, stale: false };
  }
  const code = ahead === 1 ? codes.next : null;
  return { code, upcoming: null, secondsLeft: left, stale: true };
}

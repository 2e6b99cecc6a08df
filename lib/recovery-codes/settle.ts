import type { RecoveryPageReport } from './keycloak-pages';

/**
 * A recovery code given to a login page and not yet known to be accepted: kept by the worker in
 * `storage.session` (never the code itself, only which one), until the page after it says.
 */
export interface RecoveryAwait {
  tabId: number;
  origin: string;
  accountId: string;
  /** Index of the code in the account's list. */
  index: number;
  /** The page asked for it by number: the site takes codes in order. */
  inOrder: boolean;
  /** The user sent the form with the filled code. */
  submitted: boolean;
  /** When it was filled (ms). */
  at: number;
}

/** After this long, a fill nobody followed up is forgotten (Keycloak's login pages expire too). */
export const RECOVERY_AWAIT_MS = 30 * 60_000;

/** A stored {@link RecoveryAwait}, checked on the way out; anything odd reads as none. */
export function parseRecoveryAwait(raw: unknown): RecoveryAwait | null {
  const v = raw as Partial<RecoveryAwait> | null;
  if (typeof v !== 'object' || v === null) return null;
  const int = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!int(v.tabId) || !int(v.index) || !int(v.at)) return null;
  if (typeof v.origin !== 'string' || typeof v.accountId !== 'string') return null;
  if (typeof v.inOrder !== 'boolean' || typeof v.submitted !== 'boolean') return null;
  return {
    tabId: v.tabId!,
    origin: v.origin,
    accountId: v.accountId,
    index: v.index!,
    inOrder: v.inOrder,
    submitted: v.submitted,
    at: v.at!,
  };
}

/**
 * What the first page after a fill says about the code: `used` (the site took it: mark it),
 * `unused` (refused, or the user left without sending it: forget the fill) or `keep` (a page of
 * another tab: not about this fill). The page is the recovery code page again with the field
 * refused → unused; it asks for a later number → used; another page of the site, or another
 * site (the login went on to the application) → used if the form was sent.
 */
export function settleRecovery(
  wait: RecoveryAwait,
  from: { tabId: number; origin: string },
  report: RecoveryPageReport,
  now: number,
): 'used' | 'unused' | 'keep' {
  if (now - wait.at > RECOVERY_AWAIT_MS) return 'unused';
  if (from.tabId !== wait.tabId) return 'keep';
  if (report.kind === 'asking' && from.origin === wait.origin) {
    if (report.refused) return 'unused';
    return report.asked !== null && report.asked > wait.index + 1 ? 'used' : 'unused';
  }
  return wait.submitted ? 'used' : 'unused';
}

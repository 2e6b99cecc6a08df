import { accountTitle } from '../account-title';
import type { Account } from '../otp/types';
import { recoveryAccountFor } from './choose-account';
import { codeToOffer, markUsed } from './codes';

/** Which code a login page gets (not the code itself): the account's title, number, what's left. */
export interface OfferInfo {
  title: string;
  /** Its number in the site's list (1-based). */
  number: number;
  /** Unused codes left after this one. */
  left: number;
}

/** The code a login page of `origin` would get, or why there is none. */
export type RecoveryPick =
  | { kind: 'code'; account: Account; index: number; info: OfferInfo }
  /** No account of this page's user is bound to the site. */
  | { kind: 'no-account' }
  /** The page asks for number `asked`, which the account does not hold. */
  | { kind: 'number-missing'; title: string; asked: number }
  /** Every code saved with the account is used (or none is saved). */
  | { kind: 'none-left'; title: string };

/**
 * Picks the account (see `recoveryAccountFor`) that holds the code the page asks for (`asked`,
 * Keycloak's number) — else its first unused code — and that code's index.
 */
export function pickRecoveryCode(
  accounts: readonly Account[],
  origin: string,
  user: string,
  asked: number | null,
): RecoveryPick {
  const codes = (a: Account) => a.recoveryCodes ?? [];
  const usable = (a: Account) => codeToOffer(codes(a), asked) !== null;
  const account = recoveryAccountFor(accounts, origin, user, usable);
  if (!account) {
    const bound = recoveryAccountFor(accounts, origin, user);
    if (!bound) return { kind: 'no-account' };
    const title = accountTitle(bound);
    if (asked !== null && codes(bound).length > 0) return { kind: 'number-missing', title, asked };
    return { kind: 'none-left', title };
  }
  const index = codeToOffer(codes(account), asked)!;
  const left = markUsed(codes(account), index, asked !== null).filter((c) => !c.used).length;
  return {
    kind: 'code',
    account,
    index,
    info: { title: accountTitle(account), number: index + 1, left },
  };
}

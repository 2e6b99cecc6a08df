import { rankChoices } from './choice-rank';

/**
 * Which accounts may give a code on a login page, for which person. Several people can share one
 * PC and one KOSMO host: the page's user name (Keycloak's `#kc-attempted-username`, or what was
 * typed into the login form just before) picks that person's account and never another's. Pure.
 */

/** The parts of an account this needs (an `Account` has them all). */
export interface SiteAccount {
  type: 'totp' | 'hotp';
  issuer: string;
  name: string;
  sites: readonly string[];
  /** The site's user name the account was enrolled or first chosen under. */
  user?: string;
}

/** The page asking: its origin, the user signing in (when known) and its realm's title. */
export interface SitePage {
  origin: string;
  user: string | null;
  /** The page's realm title (Keycloak's `#kc-header-wrapper`), to rank the choices. */
  realm?: string;
}

/** What a page may get. */
interface SiteAccounts<A> {
  /** Bound here and this person's (or anyone's, when the page names no one): their codes fill. */
  fitting: A[];
  /** None fits: what the user may choose to bind here, most likely first. */
  choices: A[];
  /** Bound here, but to other people: why nothing fits a named user. */
  othersBound: boolean;
}

/** Keycloak user names are case-insensitive; surrounding spaces are never part of one. */
export function sameUser(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * Whether `account` is `user`'s: its recorded user name, or — when none is recorded yet — its
 * account name (Keycloak's QR names the account after the user, so an account added from the
 * KOSMO QR image is known without asking).
 */
export function fitsUser(account: Pick<SiteAccount, 'name' | 'user'>, user: string): boolean {
  return account.user ? sameUser(account.user, user) : sameUser(account.name, user);
}

/**
 * Splits the vault's accounts for one page. Only TOTP accounts log in. Choices are offered only
 * when nothing fits: accounts bound nowhere yet, and — for a named user — accounts bound here
 * with no user recorded. Accounts bound to other sites are never offered in a page (binding one
 * to a second site needs the popup's confirmation), nor are other people's accounts bound here.
 */
export function siteAccounts<A extends SiteAccount>(
  accounts: readonly A[],
  page: SitePage,
): SiteAccounts<A> {
  const totp = accounts.filter((a) => a.type === 'totp');
  const bound = totp.filter((a) => a.sites.includes(page.origin));
  const { user } = page;
  const fitting = user ? bound.filter((a) => fitsUser(a, user)) : bound;
  const othersBound = fitting.length < bound.length;
  if (fitting.length > 0) return { fitting, choices: [], othersBound };
  const unclaimed = user ? bound.filter((a) => !a.user) : [];
  const free = totp.filter((a) => a.sites.length === 0);
  return { fitting, choices: rankChoices([...unclaimed, ...free], page), othersBound };
}

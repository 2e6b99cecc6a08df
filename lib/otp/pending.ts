/**
 * Accounts added from a setup page are "pending" until the site accepted the setup (see
 * `lib/background/submissions.ts`). These rules keep an abandoned setup from leaving a dead twin
 * that gets filled instead of the live one.
 */

/** The parts of an account the rules read. */
interface Enrolled {
  id: string;
  sites: readonly string[];
  user?: string;
  pending?: boolean;
}

/** Same site user: the names are equal, or neither was recorded. */
const sameUser = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

/**
 * The accounts to offer on `origin`: a pending one is left out while a confirmed account of the
 * same user is bound there too. A pending account alone stays: the site may have accepted its
 * setup without the extension seeing it (the next page was elsewhere), and the first login that
 * accepts its code confirms it.
 */
export function withoutPendingTwins<T extends Enrolled>(
  accounts: readonly T[],
  origin: string,
): T[] {
  const confirmed = accounts.filter((a) => !a.pending && a.sites.includes(origin));
  return accounts.filter((a) => !a.pending || !confirmed.some((c) => sameUser(c.user, a.user)));
}

/**
 * The pending accounts a new enrollment of `user` on `origin` replaces (the one just stored,
 * `keepId`, aside). A confirmed account is never replaced: only the user deletes it.
 */
export function replacedByEnrollment<T extends Enrolled>(
  accounts: readonly T[],
  origin: string,
  user: string | undefined,
  keepId: string,
): T[] {
  return accounts.filter(
    (a) => a.pending && a.id !== keepId && a.sites.includes(origin) && sameUser(a.user, user),
  );
}

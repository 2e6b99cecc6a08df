import type { Account } from '../otp/types';

type Candidate = Pick<Account, 'sites' | 'updatedAt' | 'order' | 'user' | 'pending'>;

/**
 * The account whose recovery codes a page of `origin` saves or asks for: one bound to the
 * origin, never one recorded under another user than the page shows (`user`, Keycloak's
 * `#kc-attempted-username`, '' when the page shows none). The one recorded under that very user
 * wins; among the rest, a confirmed one before a pending one, then the most recently added or
 * changed (the one just set up on this site). `usable` narrows the choice further (a login needs
 * an account that holds the code asked for). Null when no account qualifies.
 */
export function recoveryAccountFor<T extends Candidate>(
  accounts: readonly T[],
  origin: string,
  user: string,
  usable: (account: T) => boolean = () => true,
): T | null {
  const bound = accounts.filter(
    (a) => a.sites.includes(origin) && (!user || !a.user || a.user === user),
  );
  const same = user ? bound.filter((a) => a.user === user) : [];
  const pool = (same.length > 0 ? same : bound).filter(usable);
  const ranked = [...pool].sort(
    (a, b) =>
      Number(a.pending === true) - Number(b.pending === true) ||
      b.updatedAt - a.updatedAt ||
      b.order - a.order,
  );
  return ranked[0] ?? null;
}

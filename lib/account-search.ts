import type { Account } from './otp/types';

/** The list shows a search box only once it is long enough to need one. */
export const SEARCH_THRESHOLD = 5;

/** Case- and width-insensitive match on issuer and account name (ＫＯＳＭＯ finds KOSMO). */
export function filterAccounts<T extends Pick<Account, 'issuer' | 'name'>>(
  accounts: T[],
  query: string,
): T[] {
  const needle = fold(query.trim());
  if (!needle) return accounts;
  return accounts.filter((a) => fold(`${a.issuer} ${a.name}`).includes(needle));
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

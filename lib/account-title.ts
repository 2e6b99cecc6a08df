import type { AccountData } from './otp/types';

/** How an account is named to the user: 「Issuer (account)」, or whichever part exists. */
export function accountTitle(account: Pick<AccountData, 'issuer' | 'name'>): string {
  if (account.issuer && account.name) return `${account.issuer} (${account.name})`;
  return account.issuer || account.name;
}

import { accountTitle } from '../account-title';
import type { Account, AccountData } from '../otp/types';
import type { Vault } from '../vault';

export interface Stored {
  kind: 'added' | 'duplicate';
  account: Account;
  title: string;
}

/**
 * Stores an account unless its key is already there (then the existing one is returned, bound to
 * `site` as well: adding from a page the account belongs to is a reason to remember the page).
 */
export async function storeAccount(
  vault: Vault,
  data: AccountData,
  site?: string,
): Promise<Stored> {
  const existing = await vault.findBySecret(data.secret);
  if (existing) {
    const account =
      site && !existing.sites.includes(site)
        ? await vault.updateAccount(existing.id, { sites: [...existing.sites, site] })
        : existing;
    return { kind: 'duplicate', account, title: accountTitle(existing) };
  }
  const sites = site && !data.sites.includes(site) ? [...data.sites, site] : data.sites;
  const account = await vault.addAccount({ ...data, sites });
  return { kind: 'added', account, title: accountTitle(account) };
}

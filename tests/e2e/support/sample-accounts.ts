/** Varied accounts for the backup and export tests: HOTP, SHA256, 8 digits, Japanese, a site, a pin. */
import type { Page } from 'playwright-core';
import type { Account, AccountData } from '../../../lib/otp/types';
import { sendFromPage } from './messages';

export const SITE = 'https://densenkenpo.portal.kosmo-web.jp';

const base = { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [] };
export const ACCOUNTS: AccountData[] = [
  {
    ...base,
    issuer: '電線工業健康保険組合',
    name: '山田 太郎',
    secret: 'JBSWY3DPEHPK3PXP',
    sites: [SITE],
  },
  {
    ...base,
    issuer: 'Counter',
    name: 'hotp',
    secret: 'MFRGGZDFMZTWQ2LK',
    type: 'hotp',
    counter: 42,
  },
  { ...base, issuer: 'Sha', name: 'two', secret: 'GEZDGNBVGY3TQOJQ', algorithm: 'SHA256' },
  { ...base, issuer: 'Eight', name: 'digits', secret: 'KRUGS4ZANFZSAYJA', digits: 8 },
  { ...base, issuer: '', name: 'no-issuer@example.jp', secret: 'ONSWG4TFOQYTEMZU', period: 60 },
  { ...base, issuer: 'Pinned', name: 'top', secret: 'NBSWY3DPO5XXE3DE' },
] as AccountData[];

/** What an export can carry: the code parameters and the names. */
export const core = ({
  issuer,
  name,
  secret,
  type,
  algorithm,
  digits,
  period,
  counter,
}: AccountData) => ({
  ...{ issuer, name, secret, type, algorithm, digits, period, counter },
});

/** What must survive a round trip: everything but the id and the time of the last change. */
export const comparable = (accounts: Account[]) =>
  accounts.map(({ id: _i, updatedAt: _u, ...a }) => a);

export async function accountsOf(page: Page): Promise<Account[]> {
  const list = await sendFromPage(page, 'accounts.list', undefined);
  if (!list.ok) throw new Error(list.error.key);
  return list.value.accounts;
}

/** Adds {@link ACCOUNTS} (the `Pinned` one pinned) from an extension page. */
export async function addSampleAccounts(page: Page): Promise<void> {
  for (const data of ACCOUNTS) {
    const added = await sendFromPage(page, 'accounts.add', { data });
    if (!added.ok) throw new Error(added.error.key);
    if (data.issuer !== 'Pinned') continue;
    const patch = { pinned: true };
    const pinned = await sendFromPage(page, 'accounts.update', { id: added.value.id, patch });
    if (!pinned.ok) throw new Error(pinned.error.key);
  }
}

/** Varied accounts for the backup and export tests: HOTP, SHA256, 8 digits, Japanese, a site, a pin. */
import type { Page } from 'playwright-core';
import type { AccountView } from '../../../lib/otp/account-codes';
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

/**
 * What must survive a round trip, as pages see it: everything but the id, the time of the last
 * change and the codes (they move with the clock). Pages never get keys: compare those through
 * {@link keysOf}.
 */
export const comparable = (accounts: AccountView[]) =>
  accounts.map(({ id: _i, updatedAt: _u, codes: _c, ...a }) => a);

/** The accounts as extension pages get them: codes, no keys. */
export async function accountsOf(page: Page): Promise<AccountView[]> {
  const list = await sendFromPage(page, 'accounts.list', undefined);
  if (!list.ok) throw new Error(list.error.key);
  return list.value.accounts;
}

/** Every account's `otpauth://` URI (with its key), as only the export gives them. */
export async function keysOf(page: Page, masterPassword: string): Promise<string[]> {
  const opened = await sendFromPage(page, 'export.open', { password: masterPassword });
  if (!opened.ok) throw new Error(opened.error.key);
  return opened.value.accounts.map((a) => a.uri);
}

/** The listed accounts with the keys they were added with (`known`), matched by their names. */
export function withKeys(accounts: AccountView[], known: readonly AccountData[]): Account[] {
  return accounts.map(({ codes: _c, ...view }) => {
    const added = known.find((k) => k.issuer === view.issuer && k.name === view.name);
    if (!added) throw new Error(`not added by the test: ${view.issuer} ${view.name}`);
    return { ...view, secret: added.secret };
  });
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

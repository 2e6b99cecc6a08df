import type { Page } from 'playwright-core';
import { KOSMO_ORIGIN } from './kosmo-site';
import { sendFromPage } from './messages';

/**
 * Deletes every account, so the next login has only the accounts a test adds (which account a
 * page with several gets is the chooser's business, tested elsewhere).
 */
export async function deleteAllAccounts(page: Page): Promise<void> {
  const list = await sendFromPage(page, 'accounts.list', undefined);
  if (!list.ok) throw new Error('accounts.list failed');
  for (const { id } of list.value.accounts) await sendFromPage(page, 'accounts.delete', { id });
}

/** Adds a TOTP account by key, bound to the KOSMO origin as the user would bind it. */
export async function addBoundAccount(page: Page, name: string, key: string): Promise<string> {
  const added = await sendFromPage(page, 'accounts.add', {
    uri: `otpauth://totp/KOSMO:${name}?secret=${key}&issuer=KOSMO`,
  });
  if (!added.ok) throw new Error(`could not add ${name}`);
  await sendFromPage(page, 'accounts.bind', {
    id: added.value.id,
    origin: KOSMO_ORIGIN,
    bound: true,
  });
  return added.value.id;
}

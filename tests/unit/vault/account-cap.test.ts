import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../../lib/background/to-app-error';
import { MAX_ACCOUNTS } from '../../../lib/vault/errors';
import { FAST_KDF, PASSWORD, setup } from './helpers';

const data = (issuer: string) => ({
  issuer,
  name: 'n',
  secret: 'JBSWY3DPEHPK3PXP',
  type: 'totp' as const,
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
});
const many = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => data(`${prefix}${i}`));

describe('the account cap', () => {
  it(`holds at most ${MAX_ACCOUNTS} accounts, whichever way they come`, async () => {
    const { vault, db } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccounts(many(MAX_ACCOUNTS - 2, 'bulk'));
    // An import that would pass the cap adds nothing at all.
    const before = JSON.stringify(await db.accounts.toArray());
    await expect(vault.addAccounts(many(3, 'import'))).rejects.toMatchObject({
      code: 'too-many-accounts',
    });
    expect(JSON.stringify(await db.accounts.toArray())).toBe(before);
    // Up to the cap, one by one and in bulk.
    await vault.addAccount(data('one'));
    await vault.addAccounts([data('last')]);
    expect(await db.accounts.count()).toBe(MAX_ACCOUNTS);
    await expect(vault.addAccount(data('over'))).rejects.toMatchObject({
      code: 'too-many-accounts',
    });
    await expect(vault.addAccounts([data('over')])).rejects.toMatchObject({
      code: 'too-many-accounts',
    });
    expect(await db.accounts.count()).toBe(MAX_ACCOUNTS);
    // Room again once one is deleted.
    const { accounts } = await vault.listAccounts();
    await vault.deleteAccount(accounts[0]!.id);
    await vault.addAccount(data('again'));
    expect(await db.accounts.count()).toBe(MAX_ACCOUNTS);
  });

  it('two adds at once cannot both take the last place', async () => {
    const { vault, db } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccounts(many(MAX_ACCOUNTS - 1, 'bulk'));
    const results = await Promise.allSettled([
      vault.addAccount(data('a')),
      vault.addAccount(data('b')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.accounts.count()).toBe(MAX_ACCOUNTS);
  });

  it('is told in words that name the number, in both languages', async () => {
    const { vault } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccounts(many(MAX_ACCOUNTS, 'bulk'));
    const error = await vault.addAccount(data('over')).catch((e: unknown) => e);
    expect(toAppError(error)).toEqual({ key: 'error_too_many_accounts' });
    for (const lang of ['ja', 'en']) {
      const messages = JSON.parse(
        readFileSync(
          new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url),
          'utf8',
        ),
      ) as Record<string, { message: string }>;
      expect(messages.error_too_many_accounts?.message).toContain(`${MAX_ACCOUNTS}`);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expectVaultError, sampleAccount, unlockedVault } from './helpers';

describe('account operations', () => {
  it('addAccount returns the account with a UUID, order = max + 1 and updatedAt', async () => {
    const { vault, clock } = await unlockedVault();
    const first = await vault.addAccount(sampleAccount());
    clock.advance(1000);
    const second = await vault.addAccount(sampleAccount({ issuer: 'GitHub' }));
    expect(first).toEqual({
      ...sampleAccount(),
      id: expect.any(String),
      order: 0,
      updatedAt: clock.now() - 1000,
    });
    expect(first.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second.order).toBe(1);
    expect(await vault.listAccounts()).toEqual({ accounts: [first, second], failed: [] });
  });

  it('order continues after the highest one, even after deletions', async () => {
    const { vault } = await unlockedVault();
    const a = await vault.addAccount(sampleAccount());
    const b = await vault.addAccount(sampleAccount());
    await vault.deleteAccount(a.id);
    expect((await vault.addAccount(sampleAccount())).order).toBe(b.order + 1);
  });

  it('drops properties that are not AccountData', async () => {
    const { vault } = await unlockedVault();
    const input = { ...sampleAccount(), id: 'forged', extra: 1 };
    const added = await vault.addAccount(input);
    expect(added.id).not.toBe('forged');
    expect((await vault.listAccounts()).accounts[0]).not.toHaveProperty('extra');
  });

  it('updateAccount merges the patch, keeps order and bumps updatedAt', async () => {
    const { vault, clock } = await unlockedVault();
    const a = await vault.addAccount(sampleAccount({ type: 'hotp', counter: 4 }));
    clock.advance(5000);
    const updated = await vault.updateAccount(a.id, { counter: 5, sites: [] });
    expect(updated).toEqual({ ...a, counter: 5, sites: [], updatedAt: a.updatedAt + 5000 });
    expect((await vault.listAccounts()).accounts).toEqual([updated]);
  });

  it.each([
    ['digits 0', { digits: 0 }],
    ['a lower-case secret', { secret: 'jbswy3dp' }],
    ['an unknown algorithm', { algorithm: 'MD5' }],
    ['an undefined issuer', { issuer: undefined }],
  ])('updateAccount rejects %s with a TypeError and keeps the record', async (_, patch) => {
    const { vault, db } = await unlockedVault();
    const a = await vault.addAccount(sampleAccount());
    const before = JSON.stringify(await db.accounts.toArray());
    await expect(vault.updateAccount(a.id, patch as never)).rejects.toThrow(TypeError);
    expect(JSON.stringify(await db.accounts.toArray())).toBe(before);
  });

  it.each([
    ['updateAccount', 'update'],
    ['deleteAccount', 'delete'],
  ])('%s of an unknown id: not-found', async (_, op) => {
    const { vault } = await unlockedVault();
    const call =
      op === 'update' ? vault.updateAccount('nope', { name: 'x' }) : vault.deleteAccount('nope');
    await expectVaultError(call, 'not-found');
  });

  it('reorder puts the given ids first and keeps the rest in order', async () => {
    const { vault } = await unlockedVault();
    const added = [];
    for (const issuer of ['A', 'B', 'C', 'D']) {
      added.push(await vault.addAccount(sampleAccount({ issuer })));
    }
    const [a, b, c, d] = added;
    await vault.reorder([d!.id, b!.id]);
    const issuers = (await vault.listAccounts()).accounts.map((x) => x.issuer);
    expect(issuers).toEqual(['D', 'B', 'A', 'C']);
    await vault.reorder([a!.id, b!.id, c!.id, d!.id]);
    const { accounts } = await vault.listAccounts();
    expect(accounts.map((x) => [x.issuer, x.order])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 2],
      ['D', 3],
    ]);
  });

  it('reorder rejects unknown ids (not-found) and duplicates (TypeError)', async () => {
    const { vault } = await unlockedVault();
    const a = await vault.addAccount(sampleAccount());
    await expectVaultError(vault.reorder([a.id, 'ghost']), 'not-found');
    await expect(vault.reorder([a.id, a.id])).rejects.toThrow(TypeError);
  });

  it.each([
    ['the stored form', 'JBSWY3DPEHPK3PXP'],
    ['lower case with spaces', 'jbsw y3dp ehpk 3pxp'],
    ['dashes and padding', 'JBSW-Y3DP-EHPK-3PXP===='],
  ])('findBySecret finds %s', async (_, secret) => {
    const { vault } = await unlockedVault();
    await vault.addAccount(sampleAccount({ secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Other' }));
    const a = await vault.addAccount(sampleAccount());
    expect(await vault.findBySecret(secret)).toEqual(a);
  });

  it('findBySecret returns undefined when no account has the secret', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(sampleAccount());
    expect(await vault.findBySecret('GEZDGNBVGY3TQOJQ')).toBeUndefined();
  });

  it('an empty vault lists nothing', async () => {
    const { vault } = await unlockedVault();
    expect(await vault.listAccounts()).toEqual({ accounts: [], failed: [] });
  });
});

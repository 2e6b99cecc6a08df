import { describe, expect, it, vi } from 'vitest';
import { sampleAccount, unlockedVault } from './helpers';

describe('listing the accounts while nothing was written', () => {
  it('reads no record again, and a write is seen at once', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const first = await env.vault.listAccounts();
    const reads = vi.spyOn(env.db.accounts, 'toArray');
    expect(await env.vault.listAccounts()).toEqual(first);
    expect(reads).not.toHaveBeenCalled();
    await env.vault.addAccount(sampleAccount({ secret: 'BBBBBBBBBBBBBBBB', name: 'b' }));
    expect((await env.vault.listAccounts()).accounts.map((a) => a.name)).toEqual([
      'taro@example.jp',
      'b',
    ]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('hands out copies: a caller that changes its list changes no other answer', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const mine = await env.vault.listAccounts();
    mine.accounts[0]!.sites.push('https://evil.example');
    mine.accounts.pop();
    const next = await env.vault.listAccounts();
    expect(next.accounts).toHaveLength(1);
    expect(next.accounts[0]!.sites).toEqual(sampleAccount().sites);
  });

  it('answers nothing once locked', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    await env.vault.listAccounts();
    await env.vault.lock();
    await expect(env.vault.listAccounts()).rejects.toMatchObject({ code: 'locked' });
  });
});

import { describe, expect, it } from 'vitest';
import { FAST_KDF, PASSWORD, setup } from './helpers';

const data = (issuer: string, secret: string) => ({
  issuer,
  name: 'n',
  secret,
  type: 'totp' as const,
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
});

describe('restoring many accounts, checking the password, wiping', () => {
  it('adds all accounts in order after the existing ones', async () => {
    const { vault } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccount(data('First', 'JBSWY3DPEHPK3PXP'));
    await vault.addAccounts([
      data('A', 'GEZDGNBVGY3TQOJQ'),
      { ...data('B', 'MFRGGZDFMZTWQ2LK'), pinned: true },
    ]);
    const { accounts } = await vault.listAccounts();
    expect(accounts.map((a) => [a.issuer, a.order, a.pinned ?? false])).toEqual([
      ['First', 0, false],
      ['A', 1, false],
      ['B', 2, true],
    ]);
  });

  it('adds none when one is invalid: the vault stays exactly as it was', async () => {
    const { vault, db } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccount(data('First', 'JBSWY3DPEHPK3PXP'));
    const before = JSON.stringify(await db.accounts.toArray());
    await expect(
      vault.addAccounts([data('A', 'GEZDGNBVGY3TQOJQ'), data('Broken', 'not base32!')]),
    ).rejects.toThrow(TypeError);
    expect(JSON.stringify(await db.accounts.toArray())).toBe(before);
  });

  it('checks the master password without locking or unlocking', async () => {
    const { vault } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.verifyPassword(PASSWORD);
    await expect(vault.verifyPassword('wrong password')).rejects.toMatchObject({
      code: 'wrong-password',
    });
    expect(await vault.status()).toBe('unlocked');
  });

  it('tells the key-derivation parameters, without the salt', async () => {
    const { vault } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    const info = await vault.info();
    expect(info.kdf).toEqual({ algorithm: 'argon2id', ...FAST_KDF });
    expect(typeof info.createdAt).toBe('number');
  });

  it('deletes everything and starts over', async () => {
    const { vault, db } = setup();
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    await vault.addAccount(data('First', 'JBSWY3DPEHPK3PXP'));
    await vault.destroy();
    expect(await vault.status()).toBe('none');
    expect(await db.accounts.count()).toBe(0);
    await vault.create('another password', { kdf: FAST_KDF });
    expect((await vault.listAccounts()).accounts).toEqual([]);
  });
});

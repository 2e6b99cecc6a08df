import { describe, expect, it } from 'vitest';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { VaultError } from '../../../lib/vault/errors';
import {
  FAST_KDF,
  PASSWORD,
  expectVaultError,
  sampleAccount,
  setup,
  unlockedVault,
} from './helpers';

describe('create / unlock / lock', () => {
  it('goes none → unlocked (after create) → locked → unlocked', async () => {
    const { vault } = setup();
    expect(await vault.status()).toBe('none');
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    expect(await vault.status()).toBe('unlocked');
    await vault.lock();
    expect(await vault.status()).toBe('locked');
    await vault.unlock(PASSWORD);
    expect(await vault.status()).toBe('unlocked');
  });

  it('stores the header with the KDF parameters and a 16-byte salt', async () => {
    const { db, clock } = await unlockedVault();
    const row = await db.meta.get('header');
    expect(row?.value).toEqual({
      version: 2,
      slots: [
        {
          kind: 'password',
          kdf: { algorithm: 'argon2id', ...FAST_KDF, salt: expect.any(String) },
          wrappedDek: { iv: expect.any(String), ciphertext: expect.any(String) },
        },
      ],
      createdAt: clock.now(),
    });
    const { salt } = (row?.value as { slots: [{ kdf: { salt: string } }] }).slots[0].kdf;
    expect(atob(salt)).toHaveLength(16);
  });

  it('refuses to create a second vault', async () => {
    const { vault } = await unlockedVault();
    await expectVaultError(vault.create('another password', { kdf: FAST_KDF }), 'exists');
  });

  it.each([
    ['empty', ''],
    ['7 characters', '1234567'],
    ['7 code points of Japanese', 'パスワードです'],
  ])('rejects a %s password with password-too-short', async (_, password) => {
    const { vault } = setup();
    await expectVaultError(vault.create(password, { kdf: FAST_KDF }), 'password-too-short');
    expect(await vault.status()).toBe('none');
  });

  it('accepts 8 code points, including non-ASCII', async () => {
    const { vault } = setup();
    await vault.create('パスワードですよ', { kdf: FAST_KDF });
    await vault.lock();
    await vault.unlock('パスワードですよ');
    expect(await vault.status()).toBe('unlocked');
  });

  it('takes the password in NFC: a decomposed form opens a composed one', async () => {
    const { vault } = setup();
    await vault.create('ガードレール1234'.normalize('NFC'), { kdf: FAST_KDF });
    await vault.lock();
    await vault.unlock('ガードレール1234'.normalize('NFD'));
    expect(await vault.status()).toBe('unlocked');
  });

  it('unlock without a vault: none', async () => {
    await expectVaultError(setup().vault.unlock(PASSWORD), 'none');
  });

  it('keeps the raw DEK and the activity time in the session store; lock removes both', async () => {
    const { vault, session, clock } = await unlockedVault();
    expect(atob((await session.get(SESSION_KEYS.dek)) as string)).toHaveLength(32);
    expect(await session.get(SESSION_KEYS.lastActivity)).toBe(clock.now());
    await vault.lock();
    expect(await session.get(SESSION_KEYS.dek)).toBeUndefined();
    expect(await session.get(SESSION_KEYS.lastActivity)).toBeUndefined();
    expect(session.size).toBe(0);
  });

  it.each([
    ['listAccounts', (v: VaultLike) => v.listAccounts()],
    ['addAccount', (v: VaultLike) => v.addAccount(sampleAccount())],
    ['updateAccount', (v: VaultLike) => v.updateAccount('x', { name: 'y' })],
    ['deleteAccount', (v: VaultLike) => v.deleteAccount('x')],
    ['reorder', (v: VaultLike) => v.reorder([])],
    ['findBySecret', (v: VaultLike) => v.findBySecret('JBSWY3DPEHPK3PXP')],
  ])('%s needs the vault unlocked', async (_, call) => {
    const { vault } = await unlockedVault();
    await vault.lock();
    const error = await expectVaultError(call(vault), 'locked');
    expect(error).toBeInstanceOf(VaultError);
  });
});

type VaultLike = Awaited<ReturnType<typeof setup>>['vault'];

describe('service worker restart', () => {
  it('a new Vault on the same database and session store is still unlocked', async () => {
    const { vault, restart } = await unlockedVault();
    const added = await vault.addAccount(sampleAccount());
    const revived = restart();
    expect(await revived.status()).toBe('unlocked');
    expect((await revived.listAccounts()).accounts).toEqual([added]);
  });

  it('a lock through one instance locks the other', async () => {
    const { vault, restart } = await unlockedVault();
    const other = restart();
    await other.listAccounts();
    await vault.lock();
    await expectVaultError(other.listAccounts(), 'locked');
  });

  it('a malformed DEK in the session store counts as locked', async () => {
    const { vault, session } = await unlockedVault();
    await session.set(SESSION_KEYS.dek, 'not base64!');
    expect(await vault.status()).toBe('locked');
    await expectVaultError(vault.listAccounts(), 'locked');
  });
});

describe('auto-lock', () => {
  it.each([
    [5, 4 * 60_000 + 59_999, false],
    [5, 5 * 60_000, true],
    [1, 60_000, true],
    [15, 10 * 60_000, false],
  ])('idle %i min, %i ms since activity → locks: %s', async (minutes, elapsed, locks) => {
    const { vault, clock } = await unlockedVault();
    clock.advance(elapsed);
    expect(await vault.autoLockIfIdle(minutes)).toBe(locks);
    expect(await vault.status()).toBe(locks ? 'locked' : 'unlocked');
  });

  it('touch() moves the idle window', async () => {
    const { vault, clock } = await unlockedVault();
    clock.advance(4 * 60_000);
    await vault.touch();
    clock.advance(4 * 60_000);
    expect(await vault.autoLockIfIdle(5)).toBe(false);
    clock.advance(60_000);
    expect(await vault.autoLockIfIdle(5)).toBe(true);
  });

  it('touch() while locked records nothing; autoLockIfIdle() while locked is false', async () => {
    const { vault, session } = await unlockedVault();
    await vault.lock();
    await vault.touch();
    expect(session.size).toBe(0);
    expect(await vault.autoLockIfIdle(5)).toBe(false);
  });

  it('locks when the activity time is missing', async () => {
    const { vault, session } = await unlockedVault();
    await session.remove(SESSION_KEYS.lastActivity);
    expect(await vault.autoLockIfIdle(60)).toBe(true);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects idleMinutes %s', async (m) => {
    const { vault } = await unlockedVault();
    await expect(vault.autoLockIfIdle(m)).rejects.toThrow(RangeError);
  });
});

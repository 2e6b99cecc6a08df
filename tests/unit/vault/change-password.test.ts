import { describe, expect, it } from 'vitest';
import { FAST_KDF, PASSWORD, expectVaultError, sampleAccount, unlockedVault } from './helpers';

const NEW_PASSWORD = 'a brand new passphrase';

describe('changePassword', () => {
  it('rewraps only the DEK: records byte-identical, old password fails, new one works', async () => {
    const { vault, db } = await unlockedVault();
    await vault.addAccount(sampleAccount());
    await vault.addAccount(sampleAccount({ issuer: 'GitHub', name: 'hanako' }));
    const recordsBefore = JSON.stringify(await db.accounts.toArray());
    const rowBefore = await db.meta.get('header');
    const headerBefore = passwordSlotOf(rowBefore);

    await vault.changePassword(PASSWORD, NEW_PASSWORD);

    expect(JSON.stringify(await db.accounts.toArray())).toBe(recordsBefore);
    const headerAfter = passwordSlotOf(await db.meta.get('header'));
    expect(headerAfter.kdf.salt).not.toBe(headerBefore.kdf.salt);
    expect(headerAfter.wrappedDek.iv).not.toBe(headerBefore.wrappedDek.iv);
    expect(headerAfter.wrappedDek.ciphertext).not.toBe(headerBefore.wrappedDek.ciphertext);
    expect(headerAfter.kdf).toMatchObject(FAST_KDF);
    const createdAt = (row: typeof rowBefore) => (row?.value as { createdAt: number }).createdAt;
    expect(createdAt(await db.meta.get('header'))).toBe(createdAt(rowBefore));

    await vault.lock();
    await expectVaultError(vault.unlock(PASSWORD), 'wrong-password');
    await vault.unlock(NEW_PASSWORD);
    const { accounts, failed } = await vault.listAccounts();
    expect(failed).toEqual([]);
    expect(accounts.map((a) => a.issuer)).toEqual(['KOSMO', 'GitHub']);
  });

  it('keeps the vault unlocked (the DEK does not change)', async () => {
    const { vault } = await unlockedVault();
    await vault.addAccount(sampleAccount());
    await vault.changePassword(PASSWORD, NEW_PASSWORD);
    expect(await vault.status()).toBe('unlocked');
    expect((await vault.listAccounts()).accounts).toHaveLength(1);
  });

  it('can raise the Argon2id cost', async () => {
    const { vault, db } = await unlockedVault();
    await vault.changePassword(PASSWORD, NEW_PASSWORD, { kdf: { memoryKiB: 2048, iterations: 2 } });
    const header = passwordSlotOf(await db.meta.get('header'));
    expect(header.kdf).toMatchObject({ memoryKiB: 2048, iterations: 2, parallelism: 1 });
    await vault.lock();
    await vault.unlock(NEW_PASSWORD);
  });

  it('a wrong old password changes nothing and counts as a failed attempt', async () => {
    const { vault, db } = await unlockedVault();
    const before = JSON.stringify(await db.meta.get('header'));
    await expectVaultError(
      vault.changePassword('not the password', NEW_PASSWORD),
      'wrong-password',
    );
    expect(JSON.stringify(await db.meta.get('header'))).toBe(before);
    expect(await db.meta.get('lockout')).toMatchObject({ value: { failures: 1 } });
  });

  it('a short new password is refused before the old one is checked', async () => {
    const { vault, db } = await unlockedVault();
    await expectVaultError(vault.changePassword('whatever', 'short'), 'password-too-short');
    expect(await db.meta.get('lockout')).toBeUndefined();
  });

  it('without a vault: none', async () => {
    const { vault, db } = await unlockedVault();
    await db.meta.clear();
    await expectVaultError(vault.changePassword(PASSWORD, NEW_PASSWORD), 'none');
  });
});

interface SlotShape {
  kdf: { salt: string; memoryKiB: number; iterations: number; parallelism: number };
  wrappedDek: { iv: string; ciphertext: string };
}

/** The password slot of a stored header row. */
function passwordSlotOf(row: { value: unknown } | undefined): SlotShape {
  const { slots } = row?.value as { slots: (SlotShape & { kind: string })[] };
  return slots.find((slot) => slot.kind === 'password')!;
}

import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../../lib/vault/lockout';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { PASSWORD, expectVaultError, sampleAccount, unlockedVault } from './helpers';

const WRONG = 'wrong password!';

/** A locked vault with two accounts. */
async function lockedVault() {
  const env = await unlockedVault();
  await env.vault.addAccount(sampleAccount());
  await env.vault.addAccount(sampleAccount({ issuer: 'GitHub', secret: 'GEZDGNBVGY3TQOJQ' }));
  await env.vault.lock();
  return env;
}

describe('wrong password', () => {
  it('rejects with a clear message that contains neither password', async () => {
    const { vault } = await lockedVault();
    const error = await expectVaultError(vault.unlock(WRONG), 'wrong-password');
    expect(error.message).toMatch(/master password is incorrect/);
    expect(error.message).not.toContain(WRONG);
    expect(error.message).not.toContain(PASSWORD);
    expect(error.retryAfterMs).toBe(0);
    expect(await vault.status()).toBe('locked');
  });

  it('changes nothing: header and records stay byte-identical', async () => {
    const { vault, db, session } = await lockedVault();
    const accountsBefore = JSON.stringify(await db.accounts.toArray());
    const headerBefore = JSON.stringify(await db.meta.get('header'));
    for (let i = 0; i < 3; i += 1) await expectVaultError(vault.unlock(WRONG), 'wrong-password');
    expect(JSON.stringify(await db.accounts.toArray())).toBe(accountsBefore);
    expect(JSON.stringify(await db.meta.get('header'))).toBe(headerBefore);
    expect(await db.meta.get('lockout')).toMatchObject({ value: { failures: 3 } });
    expect(session.size).toBe(0);
  });

  it('grows the delay after 5 failures: 1 s, 2 s, 4 s, 8 s … (fake clock)', async () => {
    const { vault, clock } = await lockedVault();
    for (let i = 1; i <= 4; i += 1) {
      expect((await expectVaultError(vault.unlock(WRONG), 'wrong-password')).retryAfterMs).toBe(0);
    }
    let expected = 1000;
    for (let failure = 5; failure <= 9; failure += 1) {
      const error = await expectVaultError(vault.unlock(WRONG), 'wrong-password');
      expect(error.retryAfterMs).toBe(expected);
      // While waiting, even the right password is refused without being checked.
      clock.advance(expected - 1);
      const refused = await expectVaultError(vault.unlock(PASSWORD), 'too-many-attempts');
      expect(refused.retryAfterMs).toBe(1);
      expect(refused.message).not.toContain(PASSWORD);
      clock.advance(1);
      expected *= 2;
    }
  });

  it('caps the delay at 5 minutes', async () => {
    const { vault, clock } = await lockedVault();
    let last = 0;
    for (let i = 0; i < 16; i += 1) {
      last = (await expectVaultError(vault.unlock(WRONG), 'wrong-password')).retryAfterMs ?? -1;
      clock.advance(last);
    }
    expect(last).toBe(LOCKOUT_POLICY.maxDelayMs);
    expect(last).toBe(300_000);
  });

  it('the counter survives a service-worker restart', async () => {
    const { vault, restart } = await lockedVault();
    for (let i = 0; i < 5; i += 1) await expectVaultError(vault.unlock(WRONG), 'wrong-password');
    const error = await expectVaultError(restart().unlock(PASSWORD), 'too-many-attempts');
    expect(error.retryAfterMs).toBe(1000);
  });

  it('a correct password after the wait unlocks and resets the counter', async () => {
    const { vault, clock, db, session } = await lockedVault();
    for (let i = 0; i < 6; i += 1) {
      clock.advance(10_000);
      await expectVaultError(vault.unlock(WRONG), 'wrong-password');
    }
    clock.advance(2000);
    await vault.unlock(PASSWORD);
    expect(await db.meta.get('lockout')).toBeUndefined();
    expect(await session.get(SESSION_KEYS.lastActivity)).toBe(clock.now());
    expect((await vault.listAccounts()).accounts).toHaveLength(2);
    await vault.lock();
    expect((await expectVaultError(vault.unlock(WRONG), 'wrong-password')).retryAfterMs).toBe(0);
  });

  it('parallel attempts are counted one by one', async () => {
    const { vault, db } = await lockedVault();
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => vault.unlock(WRONG)));
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok',
    );
    expect(codes).toEqual([
      ...Array<string>(5).fill('wrong-password'),
      'too-many-attempts',
      'too-many-attempts',
    ]);
    expect(await db.meta.get('lockout')).toMatchObject({ value: { failures: 5 } });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_COST } from '../../../lib/crypto/kdf-params';
import { LOCKOUT_POLICY } from '../../../lib/vault/lockout';
import { RecoveryKeyError, generateRecoveryKey } from '../../../lib/vault/recovery-key';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { RECOVERY_KDF_COST, recoveryCost } from '../../../lib/vault/vault-recovery';
import {
  FAST_KDF,
  PASSWORD,
  dumpDb,
  expectVaultError,
  flipByte,
  sampleAccount,
  setup,
} from './helpers';

const NEW_PASSWORD = 'a brand new passphrase';

interface StoredSlot {
  kind: string;
  kdf: { memoryKiB: number; iterations: number; salt: string };
  wrappedDek: { iv: string; ciphertext: string };
  fingerprint?: string;
  confirmedAt?: number;
}
const slotsOf = async (env: ReturnType<typeof setup>) =>
  ((await env.db.meta.get('header'))?.value as { slots: StoredSlot[] }).slots;

/** A vault made as the popup makes it (with its recovery key), two accounts, locked. */
async function lockedWithKey() {
  const env = setup();
  await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
  const shown = (await env.vault.pendingRecoveryKey())!;
  await env.vault.addAccount(sampleAccount());
  await env.vault.addAccount(sampleAccount({ issuer: 'GitHub', secret: 'GEZDGNBVGY3TQOJQ' }));
  const before = await env.vault.listAccounts();
  await env.vault.lock();
  return { ...env, key: shown.key, before };
}

describe('the recovery key slot', () => {
  it('is made with the vault: shown until written down, then only its fingerprint', async () => {
    const env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
    const shown = await env.vault.pendingRecoveryKey();
    expect(shown).toEqual({
      key: expect.stringMatching(/^([0-9A-Z]{5}-){6}[0-9A-Z]{5}$/),
      fingerprint: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      createdAt: env.clock.now(),
    });
    const slots = await slotsOf(env);
    expect(slots.map((s) => s.kind)).toEqual(['password', 'recovery']);
    expect(slots[1]).toMatchObject({ fingerprint: shown!.fingerprint, createdAt: env.clock.now() });
    expect(await env.vault.recoveryInfo()).toEqual({
      fingerprint: shown!.fingerprint,
      createdAt: env.clock.now(),
      confirmed: false,
    });

    env.clock.advance(60_000);
    await env.vault.confirmRecoveryKey();
    expect(await env.vault.pendingRecoveryKey()).toBeUndefined();
    expect(env.session.size).toBe(2); // the DEK and the activity time, nothing else
    expect(await env.vault.recoveryInfo()).toMatchObject({ confirmed: true });
    expect((await slotsOf(env))[1]!.confirmedAt).toBe(env.clock.now());
  });

  it('is never stored in plaintext: not on disk, and sealed in the session', async () => {
    const env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
    const { key } = (await env.vault.pendingRecoveryKey())!;
    const spellings = [key, key.replace(/-/g, ''), key.replace(/-/g, '').replace(/(.{4})./g, '$1')];
    const disk = await dumpDb(env.db);
    const session = `${await env.session.get(SESSION_KEYS.recoveryPending)}`;
    for (const text of spellings) {
      expect(disk).not.toContain(text);
      expect(session).not.toContain(text);
    }
  });

  it('wraps the DEK under its own derived key and additional data', async () => {
    const env = await lockedWithKey();
    const [password, recovery] = await slotsOf(env);
    expect(recovery!.kdf.salt).not.toBe(password!.kdf.salt);
    // A recovery slot's box moved into the password slot opens with nothing.
    const swapped = { ...password!, wrappedDek: recovery!.wrappedDek };
    const row = (await env.db.meta.get('header'))!.value as { slots: StoredSlot[] };
    await env.db.meta.put({ key: 'header', value: { ...row, slots: [swapped, recovery] } });
    await expectVaultError(env.vault.unlock(PASSWORD), 'wrong-password');
  });

  it('costs less than the password, and never weakens it', () => {
    expect(recoveryCost(DEFAULT_KDF_COST)).toEqual(RECOVERY_KDF_COST);
    expect(RECOVERY_KDF_COST.memoryKiB).toBeLessThan(DEFAULT_KDF_COST.memoryKiB);
    expect(recoveryCost(FAST_KDF)).toEqual(FAST_KDF);
  });

  it('lock forgets a key that was not written down yet', async () => {
    const env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
    await env.vault.lock();
    expect(env.session.size).toBe(0);
    await env.vault.unlock(PASSWORD);
    expect(await env.vault.pendingRecoveryKey()).toBeUndefined();
    expect(await env.vault.recoveryInfo()).toMatchObject({ confirmed: false });
  });
});

describe('forgot the password: the recovery key and a new password', () => {
  it('unlocks with every account intact; only the new password opens it after', async () => {
    const env = await lockedWithKey();
    await env.vault.recover(env.key, NEW_PASSWORD);
    expect(await env.vault.status()).toBe('unlocked');
    expect(await env.vault.listAccounts()).toEqual(env.before);
    await env.vault.lock();
    await expectVaultError(env.vault.unlock(PASSWORD), 'wrong-password');
    const restarted = env.restart();
    await restarted.unlock(NEW_PASSWORD);
    expect(await restarted.listAccounts()).toEqual(env.before);
  });

  it('keeps the recovery key working and the password slot as costly as before', async () => {
    const env = await lockedWithKey();
    const [passwordBefore] = await slotsOf(env);
    await env.vault.recover(env.key.toLowerCase().replace(/-/g, ' '), NEW_PASSWORD);
    const [passwordAfter, recovery] = await slotsOf(env);
    expect(passwordAfter!.kdf).toMatchObject({ memoryKiB: passwordBefore!.kdf.memoryKiB });
    expect(passwordAfter!.kdf.salt).not.toBe(passwordBefore!.kdf.salt);
    expect(recovery!.confirmedAt).toBe(env.clock.now());
    await env.vault.lock();
    await env.vault.recover(env.key, 'and yet another one');
    expect(await env.vault.status()).toBe('unlocked');
  });

  it('a wrong key: refused, counted, with the growing delay; nothing changes', async () => {
    const env = await lockedWithKey();
    const disk = await dumpDb(env.db);
    const other = generateRecoveryKey(crypto).display;
    for (let i = 1; i <= LOCKOUT_POLICY.freeFailures; i += 1) {
      const error = await expectVaultError(
        env.vault.recover(other, NEW_PASSWORD),
        'wrong-recovery-key',
      );
      expect(error.message).not.toContain(other);
      expect(error.retryAfterMs).toBe(i === LOCKOUT_POLICY.freeFailures ? 1000 : 0);
    }
    // The same counter as passwords: the right key (or password) must wait too.
    await expectVaultError(env.vault.recover(env.key, NEW_PASSWORD), 'too-many-attempts');
    await expectVaultError(env.vault.unlock(PASSWORD), 'too-many-attempts');
    env.clock.advance(1000);
    await expectVaultError(env.vault.recover(other, NEW_PASSWORD), 'wrong-recovery-key');
    await expectVaultError(env.vault.unlock(PASSWORD), 'too-many-attempts');
    expect(await env.db.meta.get('lockout')).toMatchObject({ value: { failures: 6 } });
    const withoutCounter = (text: string) => text.replace(/,?\{"key":"lockout".*?\}\}/, '');
    expect(withoutCounter(await dumpDb(env.db))).toBe(withoutCounter(disk));
    expect(await env.vault.status()).toBe('locked');

    env.clock.advance(2000);
    await env.vault.recover(env.key, NEW_PASSWORD);
    expect(await env.db.meta.get('lockout')).toBeUndefined();
  });

  it('a typo: names the group, counts nothing, checks nothing', async () => {
    const env = await lockedWithKey();
    const typo = env.key.slice(0, 8) + (env.key[8] === 'A' ? 'B' : 'A') + env.key.slice(9);
    const error: unknown = await env.vault.recover(typo, NEW_PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryKeyError);
    expect((error as RecoveryKeyError).problem).toEqual({ kind: 'group', group: 2 });
    expect(await env.db.meta.get('lockout')).toBeUndefined();
  });

  it('a short new password is refused before the key is checked', async () => {
    const env = await lockedWithKey();
    await expectVaultError(env.vault.recover(env.key, 'short'), 'password-too-short');
    await env.vault.unlock(PASSWORD);
  });

  it('a vault without a recovery key says so', async () => {
    const env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    await env.vault.lock();
    await expectVaultError(
      env.vault.recover(generateRecoveryKey(crypto).display, NEW_PASSWORD),
      'no-recovery-key',
    );
  });

  it('a damaged recovery slot reads as a wrong key, and the password still opens', async () => {
    const env = await lockedWithKey();
    const row = (await env.db.meta.get('header'))!.value as { slots: StoredSlot[] };
    const recovery = row.slots[1]!;
    recovery.wrappedDek.ciphertext = flipByte(recovery.wrappedDek.ciphertext, 3);
    await env.db.meta.put({ key: 'header', value: row });
    await expectVaultError(env.vault.recover(env.key, NEW_PASSWORD), 'wrong-recovery-key');
    await env.vault.unlock(PASSWORD);
  });
});

describe('a new recovery key', () => {
  it('needs the master password, replaces the old slot, and the old key stops working', async () => {
    const env = await lockedWithKey();
    await env.vault.unlock(PASSWORD);
    await expectVaultError(env.vault.createRecoveryKey('wrong password!'), 'wrong-password');
    const [, oldSlot] = await slotsOf(env);
    const fresh = await env.vault.createRecoveryKey(PASSWORD);
    expect(fresh.key).not.toBe(env.key);
    expect(await env.vault.pendingRecoveryKey()).toEqual(fresh);
    const slots = await slotsOf(env);
    expect(slots.map((s) => s.kind)).toEqual(['password', 'recovery']);
    expect(slots[1]!.fingerprint).toBe(fresh.fingerprint);
    expect(slots[1]!.fingerprint).not.toBe(oldSlot!.fingerprint);
    expect(await env.db.meta.get('lockout')).toBeUndefined();

    await env.vault.lock();
    await expectVaultError(env.vault.recover(env.key, NEW_PASSWORD), 'wrong-recovery-key');
    await env.vault.recover(fresh.key, NEW_PASSWORD);
    expect(await env.vault.listAccounts()).toEqual(env.before);
  });

  it('writing down an old key does not confirm the new one', async () => {
    const env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
    await env.vault.createRecoveryKey(PASSWORD);
    await env.vault.confirmRecoveryKey();
    expect(await env.vault.recoveryInfo()).toMatchObject({ confirmed: true });
    await env.vault.createRecoveryKey(PASSWORD);
    expect(await env.vault.recoveryInfo()).toMatchObject({ confirmed: false });
  });

  it('changing the master password keeps the recovery key working', async () => {
    const env = await lockedWithKey();
    await env.vault.unlock(PASSWORD);
    const [, before] = await slotsOf(env);
    await env.vault.changePassword(PASSWORD, NEW_PASSWORD);
    expect((await slotsOf(env))[1]).toEqual(before);
    await env.vault.lock();
    await env.vault.recover(env.key, 'a third password');
    expect(await env.vault.listAccounts()).toEqual(env.before);
  });

  it('the vault must exist and be unlocked to confirm', async () => {
    const env = await lockedWithKey();
    await expectVaultError(env.vault.confirmRecoveryKey(), 'locked');
  });
});

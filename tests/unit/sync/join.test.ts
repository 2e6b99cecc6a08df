import { describe, expect, it } from 'vitest';
import { keyCheckValue, aesAccountCipher } from '../../../lib/sync/cipher';
import { syncOnce } from '../../../lib/sync/engine';
import { HEADER_KEY, parseSyncedHeader } from '../../../lib/sync/items';
import { joinFresh, joinFreshWithRecoveryKey, joinWithLocal } from '../../../lib/sync/join';
import { slotsToken } from '../../../lib/sync/ports';
import { RecoveryKeyError, generateRecoveryKey } from '../../../lib/vault/recovery-key';
import { vaultLocal } from '../../../lib/sync/vault-local';
import { SessionKey } from '../../../lib/vault/session-key';
import { MemoryArea, newState } from './memory-sync';
import {
  FAST_KDF,
  PASSWORD,
  expectVaultError,
  sampleAccount,
  setup,
  unlockedVault,
} from '../vault/helpers';

type Env = Awaited<ReturnType<typeof unlockedVault>>;

/** One sync run of a real vault over the shared area. */
async function sync(env: Env, area: MemoryArea, state = newState('pc')) {
  const session = new SessionKey(env.session, crypto);
  const dek = (await session.key())!;
  const local = vaultLocal({ db: env.db, crypto, dek, now: env.clock.now });
  const deps = { area, local, cipher: aesAccountCipher(crypto, dek), now: env.clock.now };
  return syncOnce({ ...deps, kcv: await keyCheckValue(crypto, dek) }, state);
}

const joinDeps = (env: ReturnType<typeof setup>) => ({
  db: env.db,
  crypto,
  now: env.clock.now,
  session: new SessionKey(env.session, crypto),
});

const names = async (env: Env | ReturnType<typeof setup>) =>
  (await env.vault.listAccounts()).accounts.map((a) => a.name).sort();

describe('joining a synced vault', () => {
  it('a fresh install opens it with the master password and gets the accounts', async () => {
    const a = await unlockedVault();
    await a.vault.addAccount(sampleAccount({ name: 'taro' }));
    const area = new MemoryArea();
    await sync(a, area, newState('pcA'));
    const header = parseSyncedHeader(area.items[HEADER_KEY])!;

    const b = setup();
    await expect(joinFresh(joinDeps(b), header, 'wrong password!')).rejects.toThrow();
    expect(await b.vault.status()).toBe('none');
    await joinFresh(joinDeps(b), header, PASSWORD);
    expect(await b.vault.status()).toBe('unlocked');
    const state = newState('pcB');
    state.header = undefined;
    await sync(b as Env, area, state);
    expect(await names(b)).toEqual(['taro']);
    await b.vault.lock();
    await b.vault.unlock(PASSWORD);
  });

  it('a PC with its own vault merges: its accounts re-sealed, duplicates collapsed', async () => {
    const a = await unlockedVault();
    await a.vault.addAccount(sampleAccount({ name: 'taro', secret: 'JBSWY3DPEHPK3PXP' }));
    const area = new MemoryArea();
    const first = await sync(a, area, newState('pcA'));
    const header = parseSyncedHeader(area.items[HEADER_KEY])!;

    const b = setup();
    await b.vault.create('another password 2', { kdf: FAST_KDF });
    await b.vault.addAccount(sampleAccount({ name: 'taro-copy', secret: 'JBSWY3DPEHPK3PXP' }));
    await b.vault.addAccount(sampleAccount({ name: 'hanako', secret: 'GEZDGNBVGY3TQOJQ' }));
    const result = await joinWithLocal(joinDeps(b), header, area.items, PASSWORD);
    expect(result).toEqual({ kept: 1, collapsed: 1 });
    expect(await names(b)).toEqual(['hanako']);

    const pcB = newState('pcB');
    pcB.header = { rev: header.rev, dev: header.dev, token: '' };
    await sync(b as Env, area, pcB);
    await sync(a, area, first.state);
    expect(await names(a)).toEqual(['hanako', 'taro']);
    expect(await names(b)).toEqual(['hanako', 'taro']);
    await b.vault.lock();
    await expect(b.vault.unlock('another password 2')).rejects.toThrow();
    await b.vault.unlock(PASSWORD);
    expect(await names(b)).toEqual(['hanako', 'taro']);
  });

  describe('with the recovery key instead of the password', () => {
    const NEW = 'a new password for all PCs';

    /** PC A with its recovery key and one account, synced; the key as the kit shows it. */
    async function syncedWithKey() {
      const a = setup();
      await a.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
      const { key } = (await a.vault.pendingRecoveryKey())!;
      await a.vault.addAccount(sampleAccount({ name: 'taro' }));
      const area = new MemoryArea();
      const first = await sync(a as Env, area, newState('pcA'));
      return { a: a as Env, key, area, first, header: parseSyncedHeader(area.items[HEADER_KEY])! };
    }

    /** Group 3 with one character changed: a typo the check character catches. */
    const typoInGroup3 = (key: string) => {
      const groups = key.split('-');
      const g = groups[2]!;
      groups[2] = `${g.slice(0, 2)}${g[2] === 'Q' ? 'R' : 'Q'}${g.slice(3)}`;
      return groups.join('-');
    };

    it.each([
      ['a typo, named by its group', (key: string) => typoInGroup3(key), NEW],
      ['another key', () => generateRecoveryKey(crypto).display, NEW],
      ['a new password too short', (key: string) => key, 'short'],
    ])('refuses %s and leaves the fresh install empty', async (_, typed, password) => {
      const { key, header } = await syncedWithKey();
      const b = setup();
      await expect(
        joinFreshWithRecoveryKey(joinDeps(b), header, typed(key), password),
      ).rejects.toThrow();
      expect(await b.vault.status()).toBe('none');
      expect(await b.db.meta.get('header')).toBeUndefined();
      expect(b.session.size).toBe(0);
    });

    it('names the mistyped group before anything is hashed or counted', async () => {
      const { key, header } = await syncedWithKey();
      const b = setup();
      const error: unknown = await joinFreshWithRecoveryKey(
        joinDeps(b),
        header,
        typoInGroup3(key),
        NEW,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RecoveryKeyError);
      expect((error as RecoveryKeyError).problem).toEqual({ kind: 'group', group: 3 });
      expect(await b.db.meta.get('lockout')).toBeUndefined();
      const wrong = generateRecoveryKey(crypto).display;
      await expectVaultError(
        joinFreshWithRecoveryKey(joinDeps(b), header, wrong, NEW),
        'wrong-recovery-key',
      );
      // A wrong key counts like a wrong password: guessing keys buys no extra tries.
      expect(await b.db.meta.get('lockout')).toBeDefined();
    });

    it('opens with a new password; the other PC then needs it, as after a password change', async () => {
      const { a, key, area, first, header } = await syncedWithKey();
      const b = setup();
      await joinFreshWithRecoveryKey(joinDeps(b), header, key.toLowerCase(), NEW);
      expect(await b.vault.status()).toBe('unlocked');
      // What the worker's join keeps: the synced header's version, as `sync.join` does.
      const joined = newState('pcB');
      joined.header = { rev: header.rev, dev: header.dev, token: slotsToken(header.slots) };
      await sync(b as Env, area, joined);
      expect(await names(b)).toEqual(['taro']);
      const uploaded = parseSyncedHeader(area.items[HEADER_KEY])!;
      expect(uploaded).toMatchObject({ dev: 'pcB', kcv: header.kcv, vaultId: header.vaultId });
      expect(uploaded.rev).toBeGreaterThan(header.rev);
      // The recovery slot is the same one: the printed kit keeps opening every PC.
      const recovery = (h: typeof header) => h.slots.find((slot) => slot.kind === 'recovery');
      expect(recovery(uploaded)?.wrappedDek).toEqual(recovery(header)!.wrappedDek);
      expect(uploaded.slots.find((slot) => slot.kind === 'password')?.wrappedDek).not.toEqual(
        header.slots.find((slot) => slot.kind === 'password')!.wrappedDek,
      );
      await b.vault.lock();
      await expectVaultError(b.vault.unlock(PASSWORD), 'wrong-password');
      await b.vault.unlock(NEW);

      const { report } = await sync(a, area, first.state);
      expect(report).toMatchObject({ status: 'ok', passwordChanged: true });
      await a.vault.lock();
      await expectVaultError(a.vault.unlock(PASSWORD), 'wrong-password');
      await a.vault.unlock(NEW);
      expect(await names(a)).toEqual(['taro']);
    });
  });
});

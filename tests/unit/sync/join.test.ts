import { describe, expect, it } from 'vitest';
import { keyCheckValue, aesAccountCipher } from '../../../lib/sync/cipher';
import { syncOnce } from '../../../lib/sync/engine';
import { HEADER_KEY, parseSyncedHeader } from '../../../lib/sync/items';
import { joinFresh, joinWithLocal } from '../../../lib/sync/join';
import { vaultLocal } from '../../../lib/sync/vault-local';
import { SessionKey } from '../../../lib/vault/session-key';
import { MemoryArea, newState } from './memory-sync';
import { FAST_KDF, PASSWORD, sampleAccount, setup, unlockedVault } from '../vault/helpers';

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
});

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropOnStorageChange, droppingStore, Held } from '../../../lib/background/held-snapshot';
import { createResponder, forPages, type Respond } from '../../../lib/background/routes';
import {
  readVault,
  vaultHandlers,
  type VaultReading,
} from '../../../lib/background/vault-handlers';
import { VaultDatabase } from '../../../lib/db/vault-database';
import { usedStepsItem } from '../../../lib/storage';
import { MemorySessionStore } from '../../../lib/vault/memory-session-store';
import { Vault } from '../../../lib/vault/vault';
import { FAST_KDF, PASSWORD } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const URI = 'otpauth://totp/KOSMO:taro?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=KOSMO';

/** A read the test ends by hand, counting how often it was asked. */
function manualReads() {
  const ends: ((value: number) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      ends.push(resolve);
      fails.push(reject);
    });
  return { read, ends, fails, count: () => ends.length };
}

describe('Held', () => {
  it('reads once and answers from memory until dropped', async () => {
    const reads = manualReads();
    const held = new Held(reads.read);
    const first = held.get();
    reads.ends[0]!(1);
    expect(await first).toBe(1);
    expect(await held.get()).toBe(1);
    expect(reads.count()).toBe(1);
    held.drop();
    const second = held.get();
    reads.ends[1]!(2);
    expect(await second).toBe(2);
    expect(reads.count()).toBe(2);
  });

  it('answers a read that overlapped a change, but does not keep it', async () => {
    const reads = manualReads();
    const held = new Held(reads.read);
    const overlapping = held.get();
    held.drop();
    reads.ends[0]!(1);
    expect(await overlapping).toBe(1);
    const next = held.get();
    expect(reads.count()).toBe(2);
    reads.ends[1]!(2);
    expect(await next).toBe(2);
  });

  it('reads again after a failed read', async () => {
    const reads = manualReads();
    const held = new Held(reads.read);
    const failing = held.get();
    reads.fails[0]!(new Error('storage busy'));
    await expect(failing).rejects.toThrow('storage busy');
    const next = held.get();
    reads.ends[1]!(3);
    expect(await next).toBe(3);
  });
});

describe("the popup's snapshot from the worker's memory", () => {
  let respond: Respond;
  let reads: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    const db = new VaultDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    reads = 0;
    const held: Held<VaultReading> = new Held(() => {
      reads++;
      return readVault(vault);
    });
    dropOnStorageChange(held);
    // A store with no onChanged: the lock is seen through the worker's own write.
    const session = droppingStore(new MemorySessionStore(), held);
    const vault = new Vault({ db, crypto, session, now: () => Date.now() });
    await vault.create(PASSWORD, { kdf: FAST_KDF });
    const gate = { extensionId: ID, isAllowed: () => true, touch: () => vault.touch() };
    respond = createResponder(forPages(vaultHandlers(vault, undefined, undefined, held)), gate);
  });

  const snapshot = async () => {
    const reply = await respond('vault.snapshot', { data: undefined, sender: POPUP });
    if (!reply.ok) throw new Error(reply.error.key);
    return reply.value;
  };

  it('is read once while nothing changes, with codes made for each request', async () => {
    await respond('accounts.add', { data: { uri: URI }, sender: POPUP });
    const first = await snapshot();
    const second = await snapshot();
    expect(second.list.accounts.map((a) => a.name)).toEqual(['taro']);
    expect(second.list.accounts[0]!.codes?.current).toBe(first.list.accounts[0]!.codes?.current);
    expect(reads).toBe(1);
  });

  it('follows an added account, a step a site took, and the lock', async () => {
    expect((await snapshot()).list.accounts).toEqual([]);
    await respond('accounts.add', { data: { uri: URI }, sender: POPUP });
    const [added] = (await snapshot()).list.accounts;
    expect(added?.name).toBe('taro');
    await usedStepsItem.setValue({ [added!.id]: { step: 123, at: Date.now() } });
    expect((await snapshot()).list.accounts[0]!.usedStep).toBe(123);
    await respond('vault.lock', { data: undefined, sender: POPUP });
    expect(await snapshot()).toEqual({
      status: 'locked',
      list: { accounts: [], failed: [] },
      total: 0,
    });
  });

  it('follows a deleted account', async () => {
    await respond('accounts.add', { data: { uri: URI }, sender: POPUP });
    const [added] = (await snapshot()).list.accounts;
    await respond('accounts.delete', { data: { id: added!.id }, sender: POPUP });
    expect((await snapshot()).list.accounts).toEqual([]);
  });
});

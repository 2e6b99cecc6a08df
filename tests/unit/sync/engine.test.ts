import { beforeAll, describe, expect, it } from 'vitest';
import { aesAccountCipher, keyCheckValue, type AccountCipher } from '../../../lib/sync/cipher';
import { syncOnce } from '../../../lib/sync/engine';
import { accountKey, HEADER_KEY } from '../../../lib/sync/items';
import type { SyncState } from '../../../lib/sync/ports';
import { account, MemoryArea, MemoryLocal, newState, slotsNumber } from './memory-sync';

let cipher: AccountCipher;
let kcv: string;
beforeAll(async () => {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const dek = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  cipher = aesAccountCipher(crypto, dek);
  kcv = await keyCheckValue(crypto, dek);
});

/** One PC over a shared area (the sync engine delivering at once). */
class Pc {
  local = new MemoryLocal();
  state: SyncState;
  constructor(
    readonly area: MemoryArea,
    device: string,
  ) {
    this.state = newState(device);
  }
  async sync(key = kcv) {
    const { state, report } = await syncOnce(
      { area: this.area, local: this.local, cipher, kcv: key, now: () => 42 },
      this.state,
    );
    this.state = state;
    return report;
  }
}

function pair() {
  const area = new MemoryArea();
  return { area, a: new Pc(area, 'pcA'), b: new Pc(area, 'pcB') };
}

describe('sync engine', () => {
  it('pushes the header and every account in one batch, with no plaintext', async () => {
    const { area, a } = pair();
    a.local.put('id1', account('山田太郎', 'JBSWY3DPEHPK3PXP'));
    a.local.put('id2', account('hanako@example.jp', 'GEZDGNBVGY3TQOJQ'));
    const report = await a.sync();
    expect(report).toMatchObject({ status: 'ok', pushed: 2, localCount: 2, remoteCount: 2 });
    expect(area.writes).toHaveLength(1);
    expect(Object.keys(area.items).sort()).toEqual([
      accountKey('id1'),
      accountKey('id2'),
      HEADER_KEY,
    ]);
    const text = JSON.stringify(area.items);
    for (const secret of ['山田太郎', 'hanako', 'JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'KOSMO']) {
      expect(text).not.toContain(secret);
    }
    expect(await a.sync()).toMatchObject({ status: 'ok', pushed: 0 });
    expect(area.writes).toHaveLength(1);
  });

  it('brings the other PC the same accounts', async () => {
    const { a, b } = pair();
    a.local.put('id1', account('taro'));
    await a.sync();
    expect(await b.sync()).toMatchObject({ pulled: 1 });
    expect(b.local.snapshot()).toEqual(a.local.snapshot());
  });

  it.each([
    [
      'a delete beats an edit it had seen',
      ['editB', 'syncB', 'syncA', 'deleteA', 'syncA', 'syncB'],
      false,
    ],
    [
      'a delete beats a concurrent edit of the same version',
      ['editB', 'deleteA', 'syncA', 'syncB', 'syncA'],
      false,
    ],
    [
      'a newer edit beats an older delete',
      ['deleteA', 'editB', 'syncB', 'editB', 'syncB', 'editB', 'syncB', 'syncA', 'syncB'],
      true,
    ],
    [
      'an account added on B is never deleted by A',
      ['addB', 'deleteA', 'syncA', 'syncB', 'syncA'],
      true,
    ],
  ])('%s', async (_, steps, kept) => {
    const { a, b } = pair();
    a.local.put('id1', account('taro'));
    await a.sync();
    await b.sync();
    for (const step of steps) {
      if (step === 'editB') b.local.put('id1', account(`renamed${Math.random()}`));
      if (step === 'addB') b.local.put('id9', account('jiro'));
      if (step === 'deleteA') await a.local.remove('id1');
      if (step === 'syncA') await a.sync();
      if (step === 'syncB') await b.sync();
    }
    const id = steps.includes('addB') ? 'id9' : 'id1';
    expect(id in a.local.snapshot()).toBe(kept);
    expect(id in b.local.snapshot()).toBe(kept);
  });

  it('an emptied synced copy never wipes the local vault: it is written again', async () => {
    const { area, a, b } = pair();
    a.local.put('id1', account('taro'));
    await a.sync();
    await b.sync();
    area.items = {};
    expect(await b.sync()).toMatchObject({ status: 'ok', pushed: 1 });
    expect(Object.keys(b.local.snapshot())).toEqual(['id1']);
    expect(Object.keys(area.items)).toContain(accountKey('id1'));
  });

  it.each([
    ['not an object', () => 'garbage'],
    ['no box', () => ({ v: 9, d: 'pcA' })],
    [
      'a bad version',
      () => ({ v: -1, d: 'pcA', box: { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AA==' } }),
    ],
    [
      'a box that does not open',
      (items: Record<string, unknown>) => {
        const item = structuredClone(items[accountKey('id1')]) as {
          v: number;
          box: { ciphertext: string };
        };
        item.v += 5;
        return item;
      },
    ],
    [
      "another account's box",
      (items: Record<string, unknown>) => {
        const item = structuredClone(items[accountKey('id2')]) as { v: number };
        item.v += 5;
        return item;
      },
    ],
  ])('a damaged synced item (%s) is reported, left alone, never a delete', async (_, damage) => {
    const { area, a, b } = pair();
    a.local.put('id1', account('taro'));
    a.local.put('id2', account('jiro', 'GEZDGNBVGY3TQOJQ'));
    await a.sync();
    await b.sync();
    const bad = damage(area.items);
    area.items[accountKey('id1')] = bad;
    const before = b.local.snapshot();
    for (const pc of [a, b]) {
      const report = await pc.sync();
      expect(report.corrupt).toEqual(['id1']);
      expect(pc.local.snapshot()).toEqual(before);
    }
    expect(area.items[accountKey('id1')]).toEqual(bad);
  });

  it("refuses another vault's synced copy without touching either", async () => {
    const { area, a, b } = pair();
    a.local.put('id1', account('taro'));
    await a.sync();
    b.local.put('id5', account('mine'));
    const copy = structuredClone(area.items);
    expect(await b.sync('cd'.repeat(16))).toMatchObject({ status: 'other-vault' });
    expect(area.items).toEqual(copy);
    expect(Object.keys(b.local.snapshot())).toEqual(['id5']);
  });

  it('an unreadable synced header stops the run', async () => {
    const { area, a } = pair();
    area.items[HEADER_KEY] = { format: 1, slots: 'x' };
    a.local.put('id1', account('taro'));
    expect(await a.sync()).toMatchObject({ status: 'unreadable' });
    expect(area.writes).toHaveLength(0);
  });

  it('a password change on A re-wraps the key on B, which then needs it', async () => {
    const { a, b } = pair();
    await a.sync();
    await b.sync();
    a.local.currentSlots = slotsNumber(7);
    await a.sync();
    expect(await b.sync()).toMatchObject({ passwordChanged: true });
    expect(b.local.currentSlots).toEqual(slotsNumber(7));
  });

  it('says when the vault is too large and writes nothing', async () => {
    const { area, a } = pair();
    a.local.put('id0', account('taro'));
    await a.sync();
    const copy = structuredClone(area.items);
    const long = 'あ'.repeat(400);
    for (let i = 1; i <= 60; i += 1) a.local.put(`id${i}`, { ...account(long), issuer: long });
    const report = await a.sync();
    expect(report).toMatchObject({ status: 'too-large', tooLarge: { reason: 'total' } });
    expect(report.tooLarge!.bytes).toBeGreaterThan(90_000);
    expect(area.items).toEqual(copy);
    expect(Object.keys(a.local.snapshot())).toHaveLength(61);
  });

  it('one account too large for an item is refused the same way', async () => {
    const { area, a } = pair();
    a.local.put('id1', {
      ...account('x'),
      sites: Array.from({ length: 200 }, (_, i) => `https://s${i}.example.jp`),
    });
    expect(await a.sync()).toMatchObject({ status: 'too-large', tooLarge: { reason: 'item' } });
    expect(area.items).toEqual({});
  });

  it('a failed write is retried by the next run', async () => {
    const { area, a } = pair();
    a.local.put('id1', account('taro'));
    area.failNext = true;
    expect(await a.sync()).toMatchObject({ status: 'write-failed' });
    expect(await a.sync()).toMatchObject({ status: 'ok', pushed: 1 });
  });
});

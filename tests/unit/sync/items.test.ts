import { describe, expect, it } from 'vitest';
import { parseSyncedAccount, parseSyncedHeader } from '../../../lib/sync/items';
import { compareStamps } from '../../../lib/sync/stamp';
import { slotsNumber } from './memory-sync';

const box = { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAAAAAAAAAAAAAAAAAAAA==' };
const header = {
  format: 1,
  vaultId: 'vault-0001',
  kcv: 'ab'.repeat(16),
  rev: 3,
  dev: 'pcA',
  slots: slotsNumber(1),
  createdAt: 1,
};

describe('synced item formats', () => {
  it('reads a well-formed account, tombstone and header', () => {
    expect(parseSyncedAccount({ v: 2, d: 'pcA', box, extra: 1 })).toEqual({ v: 2, d: 'pcA', box });
    expect(parseSyncedAccount({ v: 2, d: 'pcA', del: true })).toEqual({
      v: 2,
      d: 'pcA',
      del: true,
    });
    expect(parseSyncedHeader(header)).toMatchObject({ rev: 3, dev: 'pcA', slots: slotsNumber(1) });
  });

  it.each([
    null,
    'text',
    { v: 0, d: 'pcA', box },
    { v: 1.5, d: 'pcA', box },
    { v: 1, d: '', box },
    { v: 1, d: 'pc A', box },
    { v: 1, d: 'pcA' },
    { v: 1, d: 'pcA', del: 'yes' },
    { v: 1, d: 'pcA', box: { iv: 'short', ciphertext: box.ciphertext } },
    { v: 1, d: 'pcA', box: { iv: box.iv, ciphertext: 'AAAA' } },
  ])('refuses the account item %j', (value) => {
    expect(parseSyncedAccount(value)).toBeUndefined();
  });

  it.each([
    { ...header, format: 2 },
    { ...header, kcv: 'xyz' },
    { ...header, vaultId: 'a' },
    { ...header, rev: 0 },
    { ...header, slots: [] },
    { ...header, slots: [{ kind: 'password', kdf: { algorithm: 'pbkdf2' }, wrappedDek: box }] },
    { ...header, createdAt: 'now' },
  ])('refuses the header %#', (value) => {
    expect(parseSyncedHeader(value)).toBeUndefined();
  });

  it.each([
    [{ v: 2, d: 'a' }, { v: 1, d: 'z', del: true as const }, 1],
    [{ v: 1, d: 'z' }, { v: 1, d: 'a', del: true as const }, -1],
    [{ v: 1, d: 'b' }, { v: 1, d: 'a' }, 1],
    [{ v: 1, d: 'a' }, { v: 1, d: 'a' }, 0],
  ])('orders %j against %j', (a, b, sign) => {
    expect(Math.sign(compareStamps(a, b))).toBe(sign);
  });
});

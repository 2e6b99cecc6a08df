import { describe, expect, it } from 'vitest';
import { bytesToBase64, decodeBase64Strict } from '../../../lib/crypto/base64';
import { PASSWORD, dumpDb, sampleAccount, unlockedVault } from './helpers';

/** RFC 4648 Base32 → bytes (test-only, for the "hex bytes" check). */
function base32ToBytes(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

describe('nothing about an account is stored in plaintext', () => {
  it('the dump of every table holds no secret, secret bytes, issuer, name or site', async () => {
    const { vault, db, session } = await unlockedVault();
    const secret = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BAONRWK3TUMJQWY3DT';
    const account = sampleAccount({
      secret,
      issuer: 'UniqueIssuerXyz',
      name: 'yamada.taro.unique@example.jp',
      sites: ['https://unique-site.example'],
    });
    const added = await vault.addAccount(account);
    await vault.addAccount(sampleAccount({ issuer: '電線健保', name: '山田太郎' }));
    await vault.updateAccount((await vault.findBySecret(secret))!.id, { digits: 8 });

    const dump = await dumpDb(db);
    expect(dump).toContain(added.id); // the dump really holds the records
    const secretBytes = base32ToBytes(secret);
    const needles = [
      secret,
      secret.toLowerCase(),
      hex(secretBytes),
      hex(secretBytes).toUpperCase(),
      bytesToBase64(secretBytes as Uint8Array<ArrayBuffer>),
      'UniqueIssuerXyz',
      'yamada.taro.unique@example.jp',
      'unique-site.example',
      '電線健保',
      '山田太郎',
      JSON.stringify('電線健保').slice(1, -1),
      PASSWORD,
    ];
    for (const needle of needles) expect(dump, needle).not.toContain(needle);

    // The raw DEK lives only in the session store, never in IndexedDB.
    const dek = (await session.get('vault.dek')) as string;
    expect(decodeBase64Strict(dek)).toHaveLength(32);
    expect(dump).not.toContain(dek);
    expect(dump).not.toContain(hex(decodeBase64Strict(dek)));
  });

  it('plaintext fields are only id, order, timestamps and the header', async () => {
    const { vault, db } = await unlockedVault();
    await vault.addAccount(sampleAccount());
    const [record] = await db.accounts.toArray();
    expect(Object.keys(record!).sort()).toEqual([
      'ciphertext',
      'id',
      'iv',
      'label',
      'order',
      'updatedAt',
    ]);
    expect(Object.keys(record!.label!).sort()).toEqual(['ciphertext', 'iv']);
    const metaKeys = (await db.meta.toArray()).map((row) => row.key);
    expect(metaKeys).toEqual(['header']);
  });

  it('every write uses a fresh IV', async () => {
    const { vault, db } = await unlockedVault();
    const { id } = await vault.addAccount(sampleAccount());
    const first = await db.accounts.get(id);
    await vault.updateAccount(id, {});
    const second = await db.accounts.get(id);
    expect(second!.iv).not.toBe(first!.iv);
    expect(second!.label!.iv).not.toBe(first!.label!.iv);
    expect(second!.ciphertext).not.toBe(first!.ciphertext);
  });
});

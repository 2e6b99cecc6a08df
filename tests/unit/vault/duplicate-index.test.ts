import { describe, expect, it, vi } from 'vitest';
import { importAesKey } from '../../../lib/crypto/aes-gcm';
import { decodeBase64Strict } from '../../../lib/crypto/base64';
import { sealAccount } from '../../../lib/vault/account-codec';
import { DuplicateIndex, type KnownAccounts } from '../../../lib/vault/duplicate-index';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { sampleAccount, unlockedVault } from './helpers';

const SECRET = 'JBSWY3DPEHPK3PXP';
const account = (secret: string, issuer = 'KOSMO', name = 'taro') => ({ secret, issuer, name });
const aesKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

/** Whether `known` holds an account with the same secret as `probe`. */
async function hasSecret(known: KnownAccounts, probe: { secret: string }) {
  return known.secrets.has((await known.keysOf(account(probe.secret))).secret);
}

describe('DuplicateIndex keys', () => {
  const index = new DuplicateIndex(crypto);

  it.each([
    ['spaces every four', 'JBSW Y3DP EHPK 3PXP'],
    ['lower case', 'jbswy3dpehpk3pxp'],
    ['mixed case and hyphens', 'jbsw-Y3dp-ehpk-3pxp'],
    ['Base32 padding', `${SECRET}====`],
    ['a trailing newline and tab', `${SECRET}\n\t`],
  ])('%s gives the same secret hash', async (_, written) => {
    const [a, b] = await Promise.all([
      index.keysOf(account(SECRET)),
      index.keysOf(account(written)),
    ]);
    expect(b.secret).toBe(a.secret);
  });

  it.each([
    ['one letter changed', 'JBSWY3DPEHPK3PXQ'],
    ['one letter more', `${SECRET}A`],
    ['one letter less', SECRET.slice(1)],
    ['another key', 'GEZDGNBVGY3TQOJQ'],
  ])('%s gives another secret hash', async (_, other) => {
    const [a, b] = await Promise.all([index.keysOf(account(SECRET)), index.keysOf(account(other))]);
    expect(b.secret).not.toBe(a.secret);
  });

  it.each([
    ['NFC and NFD', account(SECRET, 'ガイド'), account(SECRET, 'ガイド'.normalize('NFD')), true],
    [
      'surrounding spaces',
      account(SECRET, 'KOSMO', 'taro'),
      account(SECRET, ' KOSMO ', 'taro '),
      true,
    ],
    ['another name', account(SECRET, 'KOSMO', 'taro'), account(SECRET, 'KOSMO', 'hanako'), false],
    ['issuer and name swapped', account(SECRET, 'a', 'b'), account(SECRET, 'b', 'a'), false],
  ])('labels: %s → same hash %s', async (_, a, b, same) => {
    const [ka, kb] = await Promise.all([index.keysOf(a), index.keysOf(b)]);
    expect(ka.label === kb.label).toBe(same);
  });

  it('holds neither the secret nor its plain hash: the hash is keyed', async () => {
    const keys = await index.keysOf(account(SECRET));
    const plain = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`secret:${SECRET}`)),
    );
    expect(keys.secret).not.toContain(SECRET);
    expect(keys.secret).not.toBe(Buffer.from(plain).toString('base64'));
    // Another index (another worker, or after a lock) has another key.
    const other = await new DuplicateIndex(crypto).keysOf(account(SECRET));
    expect(other.secret).not.toBe(keys.secret);
  });
});

describe('DuplicateIndex.refresh follows the records', () => {
  it('opens only new or rewritten records, and drops deleted ones', async () => {
    const index = new DuplicateIndex(crypto);
    const dek = await aesKey();
    const data: Record<string, ReturnType<typeof account>> = {
      a: account('AAAAAAAAAAAAAAAA', 'A'),
      b: account('BBBBBBBBBBBBBBBB', 'B'),
    };
    const open = vi.fn(async (record: { id: string }) => data[record.id]);
    let known = await index.refresh(
      dek,
      [
        { id: 'a', iv: '1' },
        { id: 'b', iv: '1' },
      ],
      open,
    );
    expect(known.count).toBe(2);
    expect(open).toHaveBeenCalledTimes(2);
    expect(await hasSecret(known, data.b!)).toBe(true);

    // Nothing changed: nothing opened.
    known = await index.refresh(
      dek,
      [
        { id: 'a', iv: '1' },
        { id: 'b', iv: '1' },
      ],
      open,
    );
    expect(open).toHaveBeenCalledTimes(2);
    expect(known.count).toBe(2);

    // b deleted, a rewritten with another secret (a fresh iv), c added.
    data.a = account('CCCCCCCCCCCCCCCC', 'A');
    data.c = account('DDDDDDDDDDDDDDDD', 'C');
    open.mockClear();
    known = await index.refresh(
      dek,
      [
        { id: 'a', iv: '2' },
        { id: 'c', iv: '1' },
      ],
      open,
    );
    expect(open.mock.calls.map(([record]) => record.id).sort()).toEqual(['a', 'c']);
    expect(known.count).toBe(2);
    expect(await hasSecret(known, { secret: 'BBBBBBBBBBBBBBBB' })).toBe(false);
    expect(await hasSecret(known, { secret: 'AAAAAAAAAAAAAAAA' })).toBe(false);
    expect(await hasSecret(known, { secret: 'cccc cccc cccc cccc' })).toBe(true);
    expect(await hasSecret(known, data.c)).toBe(true);
  });

  it('leaves out a record that does not open', async () => {
    const index = new DuplicateIndex(crypto);
    const known = await index.refresh(
      await aesKey(),
      [{ id: 'x', iv: '1' }],
      async () => undefined,
    );
    expect(known.count).toBe(0);
    expect(known.secrets.size).toBe(0);
  });

  it('starts over under another data key, and after clear()', async () => {
    const index = new DuplicateIndex(crypto);
    const open = vi.fn(async () => account(SECRET));
    const records = [{ id: 'a', iv: '1' }];
    await index.refresh(await aesKey(), records, open);
    await index.refresh(await aesKey(), records, open);
    expect(open).toHaveBeenCalledTimes(2);
    const dek = await aesKey();
    const before = await index.refresh(dek, records, open);
    index.clear();
    const after = await index.refresh(dek, records, open);
    expect(open).toHaveBeenCalledTimes(4);
    // A new HMAC key after clear(): old hashes mean nothing.
    expect([...after.secrets]).not.toEqual([...before.secrets]);
    expect(await hasSecret(after, account(SECRET))).toBe(true);
  });
});

describe('Vault.knownAccounts', () => {
  it('follows add, update, delete and a write behind the store (sync)', async () => {
    const env = await unlockedVault();
    const a = await env.vault.addAccount(sampleAccount({ secret: 'AAAAAAAAAAAAAAAA', name: 'a' }));
    let known = await env.vault.knownAccounts();
    expect(known.count).toBe(1);
    expect(await hasSecret(known, { secret: 'aaaa aaaa aaaa aaaa' })).toBe(true);

    const [b] = await env.vault.addAccounts([
      sampleAccount({ secret: 'BBBBBBBBBBBBBBBB', name: 'b' }),
    ]);
    await env.vault.updateAccount(a.id, { secret: 'CCCCCCCCCCCCCCCC' });
    known = await env.vault.knownAccounts();
    expect(known.count).toBe(2);
    expect(await hasSecret(known, { secret: 'AAAAAAAAAAAAAAAA' })).toBe(false);
    expect(await hasSecret(known, { secret: 'CCCCCCCCCCCCCCCC' })).toBe(true);
    expect(await hasSecret(known, { secret: 'BBBBBBBBBBBBBBBB' })).toBe(true);

    await env.vault.deleteAccount(b!.id);
    known = await env.vault.knownAccounts();
    expect(await hasSecret(known, { secret: 'BBBBBBBBBBBBBBBB' })).toBe(false);

    // A sync merge writes the record itself, sealed with a fresh IV.
    const raw = decodeBase64Strict(String(await env.session.get(SESSION_KEYS.dek)));
    const dek = await importAesKey(globalThis.crypto, raw);
    const record = await env.db.accounts.get(a.id);
    const data = sampleAccount({ secret: 'DDDDDDDDDDDDDDDD', name: 'a' });
    const sealed = await sealAccount(crypto, dek, a.id, record!.order, data, env.clock.now());
    await env.db.accounts.put({ ...sealed, order: record!.order });
    known = await env.vault.knownAccounts();
    expect(await hasSecret(known, { secret: 'CCCCCCCCCCCCCCCC' })).toBe(false);
    expect(await hasSecret(known, { secret: 'DDDDDDDDDDDDDDDD' })).toBe(true);
  });

  it('reads no record again while nothing was written', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const first = await env.vault.knownAccounts();
    const reads = vi.spyOn(env.db.accounts, 'toArray');
    expect(await env.vault.knownAccounts()).toBe(first);
    expect(reads).not.toHaveBeenCalled();
    await env.vault.addAccount(sampleAccount({ secret: 'BBBBBBBBBBBBBBBB', name: 'b' }));
    expect((await env.vault.knownAccounts()).count).toBe(2);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('needs the vault unlocked, and a lock forgets the index', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const before = await env.vault.knownAccounts();
    await env.vault.lock();
    await expect(env.vault.knownAccounts()).rejects.toMatchObject({ code: 'locked' });
    await env.vault.unlock('correct horse battery');
    const after = await env.vault.knownAccounts();
    expect(after.count).toBe(1);
    expect([...after.secrets]).not.toEqual([...before.secrets]);
  });
});

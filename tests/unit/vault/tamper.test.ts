import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../lib/db/records';
import {
  FAST_KDF,
  PASSWORD,
  expectVaultError,
  flipByte,
  sampleAccount,
  setup,
  unlockedVault,
} from './helpers';

/** An unlocked vault with three accounts: A, B, C. */
async function threeAccounts() {
  const env = await unlockedVault();
  const a = await env.vault.addAccount(sampleAccount({ issuer: 'Alpha', name: 'a@example.jp' }));
  const b = await env.vault.addAccount(sampleAccount({ issuer: 'Bravo', name: 'b@example.jp' }));
  const c = await env.vault.addAccount(sampleAccount({ issuer: 'Charlie', name: 'c@example.jp' }));
  return { ...env, a, b, c };
}

async function edit(
  env: Awaited<ReturnType<typeof threeAccounts>>,
  id: string,
  change: (record: AccountRecord) => AccountRecord,
) {
  const record = await env.db.accounts.get(id);
  if (!record) throw new Error('record missing');
  await env.db.accounts.put(change(record));
}

describe('damaged account records', () => {
  it.each([
    ['first byte', 0],
    ['a middle byte', 20],
    ['the last byte (GCM tag)', -1],
  ])('one flipped bit (%s) → reported by name, the others still open', async (_, at) => {
    const env = await threeAccounts();
    await edit(env, env.b.id, (r) => {
      const index = at < 0 ? atob(r.ciphertext).length + at : at;
      return { ...r, ciphertext: flipByte(r.ciphertext, index) };
    });
    const { accounts, failed } = await env.vault.listAccounts();
    expect(accounts.map((x) => x.issuer)).toEqual(['Alpha', 'Charlie']);
    expect(failed).toEqual([
      { id: env.b.id, label: { issuer: 'Bravo', name: 'b@example.jp' }, position: 2 },
    ]);
  });

  it('a flipped IV fails the same way', async () => {
    const env = await threeAccounts();
    await edit(env, env.a.id, (r) => ({ ...r, iv: flipByte(r.iv, 3) }));
    const { failed } = await env.vault.listAccounts();
    expect(failed).toEqual([
      { id: env.a.id, label: { issuer: 'Alpha', name: 'a@example.jp' }, position: 1 },
    ]);
  });

  it.each([
    [
      'tampered too',
      (r: AccountRecord) => ({ ...r.label!, ciphertext: flipByte(r.label!.ciphertext) }),
    ],
    ['missing', () => undefined],
    ['not base64', (r: AccountRecord) => ({ ...r.label!, iv: '%%%' })],
  ])('label %s → reported by position only', async (_, label) => {
    const env = await threeAccounts();
    await edit(env, env.c.id, (r) => ({
      ...r,
      ciphertext: flipByte(r.ciphertext),
      label: label(r),
    }));
    const { accounts, failed } = await env.vault.listAccounts();
    expect(accounts).toHaveLength(2);
    expect(failed).toEqual([{ id: env.c.id, position: 3 }]);
  });

  it('swapping ciphertexts between two records breaks both (the id is additional data)', async () => {
    const env = await threeAccounts();
    const ra = await env.db.accounts.get(env.a.id);
    const rb = await env.db.accounts.get(env.b.id);
    await env.db.accounts.put({ ...ra!, iv: rb!.iv, ciphertext: rb!.ciphertext });
    await env.db.accounts.put({ ...rb!, iv: ra!.iv, ciphertext: ra!.ciphertext });
    const { accounts, failed } = await env.vault.listAccounts();
    expect(accounts.map((x) => x.issuer)).toEqual(['Charlie']);
    expect(failed.map((f) => [f.label?.issuer, f.position])).toEqual([
      ['Alpha', 1],
      ['Bravo', 2],
    ]);
  });

  it('a swapped label does not open under another id', async () => {
    const env = await threeAccounts();
    const ra = await env.db.accounts.get(env.a.id);
    await edit(env, env.b.id, (r) => ({
      ...r,
      ciphertext: flipByte(r.ciphertext),
      label: ra!.label,
    }));
    expect((await env.vault.listAccounts()).failed).toEqual([{ id: env.b.id, position: 2 }]);
  });

  it('a damaged record cannot be updated, but can be deleted', async () => {
    const env = await threeAccounts();
    await edit(env, env.b.id, (r) => ({ ...r, ciphertext: flipByte(r.ciphertext) }));
    await expectVaultError(env.vault.updateAccount(env.b.id, { name: 'x' }), 'corrupt-record');
    await env.vault.deleteAccount(env.b.id);
    expect(await env.vault.listAccounts()).toMatchObject({ failed: [], accounts: [{}, {}] });
  });
});

describe('damaged header', () => {
  type Header = Record<string, unknown> & { slots: Record<string, unknown>[] };
  /** The header with its (only) password slot changed. */
  const slot = (h: Header, change: (s: Record<string, unknown>) => unknown) => ({
    ...h,
    slots: [change(h.slots[0]!)],
  });
  const kdf = (h: Header, change: Record<string, unknown>) =>
    slot(h, (s) => ({ ...s, kdf: { ...(s.kdf as object), ...change } }));
  const cases: [string, (h: Header) => unknown, string][] = [
    ['not an object', () => 'garbage', 'corrupt-header'],
    ['unknown version', (h) => ({ ...h, version: 3 }), 'corrupt-header'],
    ['no slots', (h) => ({ ...h, slots: [] }), 'corrupt-header'],
    ['slots not a list', (h) => ({ ...h, slots: h.slots[0] }), 'corrupt-header'],
    ['two password slots', (h) => ({ ...h, slots: [h.slots[0], h.slots[0]] }), 'corrupt-header'],
    ['an unknown kind of slot', (h) => slot(h, (s) => ({ ...s, kind: 'pin' })), 'corrupt-header'],
    ['no kdf', (h) => slot(h, (s) => ({ ...s, kdf: undefined })), 'corrupt-header'],
    ['unknown kdf', (h) => kdf(h, { algorithm: 'scrypt' }), 'unsupported-kdf'],
    ['salt not base64', (h) => kdf(h, { salt: 'a b' }), 'corrupt-header'],
    ['absurd memory', (h) => kdf(h, { memoryKiB: 2 ** 40 }), 'corrupt-header'],
    ['zero iterations', (h) => kdf(h, { iterations: 0 }), 'corrupt-header'],
    [
      'short IV',
      (h) => slot(h, (s) => ({ ...s, wrappedDek: { ...(s.wrappedDek as object), iv: 'AAAA' } })),
      'corrupt-header',
    ],
    ['no wrapped key', (h) => slot(h, (s) => ({ ...s, wrappedDek: null })), 'corrupt-header'],
    ['no createdAt', (h) => ({ ...h, createdAt: 'yesterday' }), 'corrupt-header'],
  ];

  it.each(cases)('%s → %s, and no failed attempt is counted', async (_, change, code) => {
    const env = await unlockedVault();
    const row = await env.db.meta.get('header');
    await env.db.meta.put({ key: 'header', value: change(row!.value as Header) });
    await env.vault.lock();
    const error = await expectVaultError(env.vault.unlock(PASSWORD), code as 'corrupt-header');
    expect(error.message).not.toContain(PASSWORD);
    expect(await env.db.meta.get('lockout')).toBeUndefined();
  });

  it('a flipped byte in the wrapped key reads as a wrong password (GCM cannot tell)', async () => {
    const env = await unlockedVault();
    const row = await env.db.meta.get('header');
    const header = row!.value as { slots: [{ wrappedDek: { ciphertext: string } }] };
    const { wrappedDek } = header.slots[0];
    wrappedDek.ciphertext = flipByte(wrappedDek.ciphertext, 5);
    await env.db.meta.put({ key: 'header', value: header });
    await env.vault.lock();
    await expectVaultError(env.vault.unlock(PASSWORD), 'wrong-password');
  });

  it('records without a header: locked, and unlock reports corrupt-header', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    await env.db.meta.delete('header');
    await env.vault.lock();
    expect(await env.vault.status()).toBe('locked');
    await expectVaultError(env.vault.unlock(PASSWORD), 'corrupt-header');
    await expectVaultError(env.vault.create(PASSWORD, { kdf: FAST_KDF }), 'exists');
  });

  it('a fresh database has no header: none', async () => {
    await expectVaultError(setup().vault.unlock(PASSWORD), 'none');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AccountRecord, MetaRow } from '../../../lib/db/records';
import { parseHeader } from '../../../lib/vault/header';
import { FAST_KDF, expectVaultError, setup } from './helpers';

/** IndexedDB rows written by release 0.1 (header version 1), see the file's `about`. */
const V1 = JSON.parse(
  readFileSync(new URL('../../fixtures/vault-v1.json', import.meta.url), 'utf8'),
) as { password: string; meta: MetaRow[]; accounts: AccountRecord[] };

/** A vault on a database holding release 0.1's rows, locked. */
async function oldVault() {
  const env = setup();
  await env.db.meta.bulkPut(structuredClone(V1.meta));
  await env.db.accounts.bulkPut(structuredClone(V1.accounts));
  return env;
}

const header = (row: MetaRow | undefined) =>
  row?.value as { version: number; slots: { kind: string; kdf: { salt: string } }[] };

describe('a vault made by release 0.1 (one password, header version 1)', () => {
  it('reads as one password slot', () => {
    const v1 = V1.meta.find((row) => row.key === 'header')!.value as Record<string, unknown>;
    expect(parseHeader(v1)).toEqual({
      version: 2,
      slots: [{ kind: 'password', kdf: v1.kdf, wrappedDek: v1.wrappedDek }],
      createdAt: v1.createdAt,
    });
  });

  it('unlocks with its password, every account intact, and nothing is rewritten', async () => {
    const env = await oldVault();
    expect(await env.vault.status()).toBe('locked');
    await expectVaultError(env.vault.unlock('not the password'), 'wrong-password');
    await env.vault.unlock(V1.password);
    const { accounts, failed } = await env.vault.listAccounts();
    expect(failed).toEqual([]);
    expect(accounts.map((a) => [a.issuer, a.name, a.secret, a.type, a.counter])).toEqual([
      ['電線工業健保', 'taro@example.jp', 'JBSWY3DPEHPK3PXP', 'totp', 0],
      ['GitHub', 'hanako', 'GEZDGNBVGY3TQOJQ', 'hotp', 7],
    ]);
    expect(header(await env.db.meta.get('header')).version).toBe(1);
    expect(await env.vault.recoveryInfo()).toBeNull();
  });

  it('gains a recovery slot beside its password: both open it afterwards', async () => {
    const env = await oldVault();
    await env.vault.unlock(V1.password);
    const { key } = await env.vault.createRecoveryKey(V1.password);
    const stored = header(await env.db.meta.get('header'));
    expect(stored.version).toBe(2);
    expect(stored.slots.map((slot) => slot.kind)).toEqual(['password', 'recovery']);
    // The password slot is the same one, not re-derived.
    const v1 = V1.meta.find((row) => row.key === 'header')!.value as { kdf: { salt: string } };
    expect(stored.slots[0]!.kdf.salt).toBe(v1.kdf.salt);

    await env.vault.lock();
    await env.vault.unlock(V1.password);
    await env.vault.lock();
    await env.vault.recover(key, 'a brand new password', { kdf: FAST_KDF });
    expect((await env.vault.listAccounts()).accounts).toHaveLength(2);
  });

  it('changes its password into a version-2 header', async () => {
    const env = await oldVault();
    await env.vault.changePassword(V1.password, 'a brand new password');
    expect(header(await env.db.meta.get('header'))).toMatchObject({
      version: 2,
      slots: [{ kind: 'password' }],
    });
    await env.vault.unlock('a brand new password');
    expect((await env.vault.listAccounts()).failed).toEqual([]);
  });

  it.each([
    ['no kdf', { kdf: undefined }],
    ['no wrapped key', { wrappedDek: undefined }],
    ['slots instead of its fields', { kdf: undefined, wrappedDek: undefined, slots: [] }],
  ])('a damaged version-1 header (%s) is corrupt-header', async (_, change) => {
    const env = await oldVault();
    const row = V1.meta.find((r) => r.key === 'header')!;
    await env.db.meta.put({ key: 'header', value: { ...(row.value as object), ...change } });
    await expectVaultError(env.vault.unlock(V1.password), 'corrupt-header');
  });
});

import { describe, expect, it } from 'vitest';
import { sealAccount } from '../../../lib/vault/account-codec';
import { importAesKey } from '../../../lib/crypto/aes-gcm';
import { decodeBase64Strict } from '../../../lib/crypto/base64';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { expectVaultError, flipByte, sampleAccount, unlockedVault } from './helpers';

/** The worker keeps opened accounts in memory; what it lists must still be what is on disk. */
describe('listing reuses opened records only while they are unchanged', () => {
  it('a record rewritten behind the store (e.g. by sync) is read again', async () => {
    const env = await unlockedVault();
    const a = await env.vault.addAccount(sampleAccount({ issuer: 'Alpha' }));
    expect((await env.vault.listAccounts()).accounts[0]!.issuer).toBe('Alpha');
    const raw = decodeBase64Strict(String(await env.session.get(SESSION_KEYS.dek)));
    const dek = await importAesKey(globalThis.crypto, raw);
    const record = await env.db.accounts.get(a.id);
    const sealed = await sealAccount(
      globalThis.crypto,
      dek,
      a.id,
      record!.order,
      sampleAccount({ issuer: 'Bravo' }),
      env.clock.now(),
    );
    await env.db.accounts.put({ ...sealed, order: record!.order });
    expect((await env.vault.listAccounts()).accounts[0]!.issuer).toBe('Bravo');
  });

  it('a record damaged after it was opened is reported, not served from memory', async () => {
    const env = await unlockedVault();
    const a = await env.vault.addAccount(sampleAccount({ issuer: 'Alpha' }));
    await env.vault.listAccounts();
    const record = await env.db.accounts.get(a.id);
    await env.db.accounts.put({ ...record!, ciphertext: flipByte(record!.ciphertext, 3) });
    const list = await env.vault.listAccounts();
    expect(list.accounts).toEqual([]);
    expect(list.failed.map((f) => f.id)).toEqual([a.id]);
  });

  it('a caller changing a listed account does not change the next listing', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const first = (await env.vault.listAccounts()).accounts[0]!;
    first.sites.push('https://evil.example');
    first.issuer = 'changed';
    const again = (await env.vault.listAccounts()).accounts[0]!;
    expect(again.sites).toEqual(sampleAccount().sites);
    expect(again.issuer).toBe('KOSMO');
  });

  it('after lock nothing is listed, and a restart lists the same accounts', async () => {
    const env = await unlockedVault();
    await env.vault.addAccount(sampleAccount());
    const before = await env.vault.listAccounts();
    expect((await env.restart().listAccounts()).accounts).toEqual(before.accounts);
    await env.vault.lock();
    await expectVaultError(env.vault.listAccounts(), 'locked');
  });
});

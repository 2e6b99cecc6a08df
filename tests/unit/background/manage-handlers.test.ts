import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createResponder, forPages, type Respond } from '../../../lib/background/routes';
import { manageHandlers } from '../../../lib/background/manage-handlers';
import { vaultHandlers } from '../../../lib/background/vault-handlers';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PAGE = { id: ID, url: `chrome-extension://${ID}/manage.html` };
const CONTENT_SCRIPT = { id: ID, url: 'https://densenkenpo.portal.kosmo-web.jp/realms/x' };
const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';

describe('the manage page requests', () => {
  let env: ReturnType<typeof setup>;
  let respond: Respond;
  let clearLocal: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let id: string;

  beforeEach(async () => {
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    id = (await env.vault.addAccount(sampleAccount())).id;
    clearLocal = vi.fn(async () => {});
    const handlers = { ...vaultHandlers(env.vault), ...manageHandlers(env.vault, { clearLocal }) };
    respond = createResponder(forPages(handlers), {
      extensionId: ID,
      isAllowed: () => true,
      touch: () => env.vault.touch(),
    });
  });

  const update = (patch: unknown, target = id) =>
    respond('accounts.update', { data: { id: target, patch: patch as never }, sender: PAGE });
  const stored = async () => (await env.vault.listAccounts()).accounts[0]!;

  it('edits names (trimmed), sites (deduplicated) and the pin, never the secret', async () => {
    const reply = await update({
      issuer: '  電線工業健保  ',
      name: ' taro ',
      sites: [KOSMO, 'https://localhost:8080', KOSMO],
      pinned: true,
      secret: 'GEZDGNBVGY3TQOJQ',
      digits: 8,
    });
    expect(reply).toEqual({ ok: true, value: null });
    expect(await stored()).toMatchObject({
      issuer: '電線工業健保',
      name: 'taro',
      sites: [KOSMO, 'https://localhost:8080'],
      pinned: true,
      secret: sampleAccount().secret,
      digits: 6,
    });
    await update({ pinned: false });
    expect((await stored()).pinned).toBeUndefined();
  });

  it('trusts the sites the user adds here, and forgets the trust of the ones removed', async () => {
    const other = 'https://other.kosmo-web.jp';
    // The sample account is bound to KOSMO without the user's word (as an imported one is).
    await update({ sites: [KOSMO, other] });
    expect(await stored()).toMatchObject({ sites: [KOSMO, other], trustedSites: [other] });
    await update({ sites: [KOSMO] });
    expect(await stored()).toMatchObject({ sites: [KOSMO], trustedSites: [] });
    await update({ sites: [KOSMO, other] });
    await update({ issuer: 'renamed' });
    expect((await stored()).trustedSites).toEqual([other]);
  });

  it.each([
    [{ issuer: 'x'.repeat(257) }, { key: 'error_issuer_too_long' }],
    [{ name: 'x'.repeat(257) }, { key: 'error_name_too_long' }],
    [{ issuer: ' ', name: '' }, { key: 'error_title_empty' }],
    [
      { sites: ['https://example.com/login'] },
      { key: 'error_site_invalid', subs: ['https://example.com/login'] },
    ],
    [{ sites: ['example.com'] }, { key: 'error_site_invalid', subs: ['example.com'] }],
    [
      { sites: [KOSMO, 'http://localhost:8080'] },
      { key: 'error_site_http', subs: ['http://localhost:8080'] },
    ],
    [{ sites: ['ftp://example.com'] }, { key: 'error_site_invalid', subs: ['ftp://example.com'] }],
    [
      { sites: ['https://user@example.com'] },
      { key: 'error_site_invalid', subs: ['https://user@example.com'] },
    ],
    [{ sites: [42] }, { key: 'error_site_invalid', subs: [''] }],
    [{ sites: 'https://example.com' }, { key: 'error_unexpected' }],
    [{ issuer: 7 }, { key: 'error_unexpected' }],
    [{ pinned: 'yes' }, { key: 'error_unexpected' }],
    [null, { key: 'error_unexpected' }],
  ])('refuses %j with a clear message and changes nothing', async (patch, error) => {
    const before = await stored();
    expect(await update(patch)).toEqual({ ok: false, error });
    expect(await stored()).toEqual(before);
  });

  it('accepts 256 characters and says when the account is gone', async () => {
    expect((await update({ issuer: 'あ'.repeat(256) })).ok).toBe(true);
    expect(await update({ issuer: 'x' }, 'missing')).toEqual({
      ok: false,
      error: { key: 'error_not_found' },
    });
  });

  it('reorders', async () => {
    const second = (
      await env.vault.addAccount(sampleAccount({ issuer: 'B', secret: 'GEZDGNBVGY3TQOJQ' }))
    ).id;
    await respond('accounts.reorder', { data: { ids: [second, id] }, sender: PAGE });
    expect((await env.vault.listAccounts()).accounts.map((a) => a.id)).toEqual([second, id]);
  });

  it('changes the password: the old one no longer opens the vault, the new one does', async () => {
    const wrong = await respond('vault.change-password', {
      data: { oldPassword: 'not the password', newPassword: 'a new password' },
      sender: PAGE,
    });
    expect(wrong).toEqual({ ok: false, error: { key: 'error_wrong_password' } });
    const short = await respond('vault.change-password', {
      data: { oldPassword: PASSWORD, newPassword: 'short' },
      sender: PAGE,
    });
    expect(short).toEqual({ ok: false, error: { key: 'error_password_too_short' } });
    const changed = await respond('vault.change-password', {
      data: { oldPassword: PASSWORD, newPassword: 'a new password' },
      sender: PAGE,
    });
    expect(changed).toEqual({ ok: true, value: null });
    await env.vault.lock();
    expect((await respond('vault.unlock', { data: { password: PASSWORD }, sender: PAGE })).ok).toBe(
      false,
    );
    expect(
      (await respond('vault.unlock', { data: { password: 'a new password' }, sender: PAGE })).ok,
    ).toBe(true);
  });

  it('tells the key-derivation parameters, without the salt', async () => {
    const reply = await respond('vault.info', { data: undefined, sender: PAGE });
    expect(reply).toEqual({
      ok: true,
      value: { kdf: { algorithm: 'argon2id', ...FAST_KDF }, createdAt: env.clock.now() },
    });
  });

  const wipe = (confirmation: string, password = PASSWORD) =>
    respond('vault.wipe', { data: { confirmation, password }, sender: PAGE });

  it.each(['', 'delete', 'DELET', '消去', 'yes'])('does not wipe for %j', async (confirmation) => {
    const reply = await wipe(confirmation);
    expect(reply).toEqual({ ok: false, error: { key: 'error_wipe_confirmation' } });
    expect(await env.vault.status()).toBe('unlocked');
    expect((await env.vault.listAccounts()).accounts).toHaveLength(1);
    expect(clearLocal).not.toHaveBeenCalled();
  });

  it.each(['削除', 'DELETE', ' ＤＥＬＥＴＥ '])('wipes everything for %j', async (confirmation) => {
    const reply = await wipe(confirmation);
    expect(reply).toEqual({ ok: true, value: null });
    expect(await env.vault.status()).toBe('none');
    expect(clearLocal).toHaveBeenCalledOnce();
  });

  it('does not wipe a locked vault, even with the right password and word', async () => {
    await env.vault.lock();
    const reply = await wipe('DELETE');
    expect(reply).toEqual({ ok: false, error: { key: 'error_vault_locked' } });
    expect(await env.vault.status()).toBe('locked');
    await env.vault.unlock(PASSWORD);
    expect((await env.vault.listAccounts()).accounts).toHaveLength(1);
    expect(clearLocal).not.toHaveBeenCalled();
  });

  it('does not wipe with a wrong or missing master password, and counts the failures', async () => {
    const missing = await respond('vault.wipe', {
      data: { confirmation: 'DELETE' } as never,
      sender: PAGE,
    });
    expect(missing.ok).toBe(false);
    const keys: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const reply = await wipe('DELETE', 'not the password');
      keys.push(reply.ok ? 'ok' : reply.error.key);
    }
    // The same counter as unlock: the fifth failure makes the next attempt wait.
    expect(keys).toEqual([...Array(4).fill('error_wrong_password'), 'error_wrong_password_wait']);
    const next = await wipe('DELETE');
    expect(next.ok ? 'ok' : next.error.key).toBe('error_too_many_attempts');
    expect(await env.vault.status()).toBe('unlocked');
    expect((await env.vault.listAccounts()).accounts).toHaveLength(1);
    expect(clearLocal).not.toHaveBeenCalled();
  });

  it.each([
    ['accounts.update', { id: 'x', patch: { issuer: 'x' } }],
    ['accounts.reorder', { ids: [] }],
    ['vault.change-password', { oldPassword: PASSWORD, newPassword: 'a new password' }],
    ['vault.info', undefined],
    ['vault.wipe', { confirmation: 'DELETE', password: PASSWORD }],
  ] as const)('refuses %s from a content script', async (request, data) => {
    const reply = await respond(request, { data: data as never, sender: CONTENT_SCRIPT });
    expect(reply).toEqual({ ok: false, error: { key: 'error_forbidden' } });
    expect(await env.vault.status()).toBe('unlocked');
  });
});

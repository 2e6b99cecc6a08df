import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recoveryHandlers } from '../../../lib/background/recovery-key-handlers';
import { createResponder, forPages, type Respond } from '../../../lib/background/routes';
import { vaultHandlers } from '../../../lib/background/vault-handlers';
import { generateRecoveryKey } from '../../../lib/vault/recovery-key';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const CONTENT_SCRIPT = { id: ID, url: 'https://densenkenpo.portal.kosmo-web.jp/realms/x' };
const NEW_PASSWORD = 'a brand new passphrase';

describe('the recovery requests', () => {
  let env: ReturnType<typeof setup>;
  let respond: Respond;
  let onUnlocked: ReturnType<typeof vi.fn<() => void>>;
  let clearLocal: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let key: string;

  beforeEach(async () => {
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF, recoveryKey: true });
    await env.vault.addAccount(sampleAccount());
    key = (await env.vault.pendingRecoveryKey())!.key;
    onUnlocked = vi.fn();
    clearLocal = vi.fn(async () => {});
    const handlers = {
      ...vaultHandlers(env.vault),
      ...recoveryHandlers(env.vault, { onUnlocked, clearLocal }),
    };
    respond = createResponder(forPages(handlers), {
      extensionId: ID,
      isAllowed: () => true,
      touch: () => env.vault.touch(),
    });
  });

  const ask = <K extends Parameters<Respond>[0]>(request: K, data?: unknown, sender = POPUP) =>
    respond(request, { data: data as never, sender });

  it('shows the key made with the vault until written down, then only its fingerprint', async () => {
    const pending = await ask('recovery.pending');
    expect(pending).toEqual({
      ok: true,
      value: { key, fingerprint: expect.any(String), createdAt: env.clock.now() },
    });
    const info = await ask('recovery.info');
    expect(info).toEqual({
      ok: true,
      value: { fingerprint: expect.any(String), createdAt: env.clock.now(), confirmed: false },
    });
    expect(JSON.stringify(info)).not.toContain(key);
    expect(await ask('recovery.confirm')).toEqual({ ok: true, value: null });
    expect(await ask('recovery.pending')).toEqual({ ok: true, value: null });
    expect(await ask('recovery.info')).toMatchObject({ value: { confirmed: true } });
  });

  it('the fingerprint is readable while locked; the key is not', async () => {
    await env.vault.lock();
    expect(await ask('recovery.info')).toMatchObject({ ok: true, value: { confirmed: false } });
    expect(await ask('recovery.pending')).toEqual({ ok: true, value: null });
  });

  it('makes a new key only after the master password', async () => {
    expect(await ask('recovery.create', {})).toEqual({
      ok: false,
      error: { key: 'error_wrong_password' },
    });
    expect(await ask('recovery.create', { password: 'not it at all' })).toEqual({
      ok: false,
      error: { key: 'error_wrong_password' },
    });
    const made = await ask('recovery.create', { password: PASSWORD });
    expect(made).toMatchObject({ ok: true, value: { key: expect.any(String) } });
    expect(made.ok && made.value.key).not.toBe(key);
  });

  it('recovers: a typo names its group, a wrong key is counted, the right one unlocks', async () => {
    await env.vault.lock();
    const typo = `${key.slice(0, 6)}${key[6] === 'Z' ? 'Y' : 'Z'}${key.slice(7)}`;
    expect(await ask('vault.recover', { recoveryKey: typo, newPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      error: { key: 'error_recovery_key_group', subs: ['2'] },
    });
    expect(
      await ask('vault.recover', { recoveryKey: key.slice(0, 20), newPassword: NEW_PASSWORD }),
    ).toEqual({
      ok: false,
      error: { key: 'error_recovery_key_group', subs: ['4'] },
    });
    expect(await ask('vault.recover', { recoveryKey: '', newPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      error: { key: 'error_recovery_key_empty' },
    });
    const other = generateRecoveryKey(crypto).display;
    const keys: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const reply = await ask('vault.recover', { recoveryKey: other, newPassword: NEW_PASSWORD });
      if (!reply.ok) keys.push(reply.error.key);
      expect(JSON.stringify(reply)).not.toContain(other);
    }
    expect(keys).toEqual([
      ...Array(4).fill('error_wrong_recovery_key'),
      'error_wrong_recovery_key_wait',
    ]);
    expect(
      await ask('vault.recover', { recoveryKey: key, newPassword: NEW_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { key: 'error_too_many_attempts', subs: ['1'] },
    });
    expect(onUnlocked).not.toHaveBeenCalled();
    env.clock.advance(1000);
    expect(await ask('vault.recover', { recoveryKey: key, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      value: null,
    });
    expect(onUnlocked).toHaveBeenCalledOnce();
    expect(await ask('vault.snapshot')).toMatchObject({
      value: { status: 'unlocked', list: { accounts: [{}] } },
    });
  });

  it('deletes while locked only, after the typed word', async () => {
    expect(await ask('vault.wipe-locked', { confirmation: '削除' })).toEqual({
      ok: false,
      error: { key: 'error_wipe_unlocked' },
    });
    await env.vault.lock();
    expect(await ask('vault.wipe-locked', { confirmation: 'delete it' })).toEqual({
      ok: false,
      error: { key: 'error_wipe_confirmation' },
    });
    expect(await env.vault.status()).toBe('locked');
    expect(clearLocal).not.toHaveBeenCalled();
    expect(await ask('vault.wipe-locked', { confirmation: ' ＤＥＬＥＴＥ ' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await env.vault.status()).toBe('none');
    expect(clearLocal).toHaveBeenCalledOnce();
  });

  it.each([
    ['recovery.pending', undefined],
    ['recovery.create', { password: PASSWORD }],
    ['vault.recover', { recoveryKey: 'x', newPassword: NEW_PASSWORD }],
    ['vault.wipe-locked', { confirmation: 'DELETE' }],
  ] as const)('refuses %s from a content script', async (request, data) => {
    await env.vault.lock();
    expect(await ask(request, data, CONTENT_SCRIPT)).toEqual({
      ok: false,
      error: { key: 'error_forbidden' },
    });
    expect(await env.vault.status()).toBe('locked');
  });
});

describe('vault.create from a page', () => {
  it('makes the recovery key with the vault', async () => {
    const env = setup();
    const respond = createResponder(forPages(vaultHandlers(env.vault)), {
      extensionId: ID,
      isAllowed: () => true,
      touch: () => env.vault.touch(),
    });
    await respond('vault.create', { data: { password: PASSWORD }, sender: POPUP });
    expect(await env.vault.recoveryInfo()).toMatchObject({ confirmed: false });
    expect((await env.vault.pendingRecoveryKey())?.key).toMatch(/^([0-9A-Z]{5}-){6}[0-9A-Z]{5}$/);
  });
});

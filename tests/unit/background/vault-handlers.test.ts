import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createResponder, forPages, type Respond } from '../../../lib/background/routes';
import { vaultHandlers } from '../../../lib/background/vault-handlers';
import { SESSION_KEYS } from '../../../lib/vault/session-keys';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const KOSMO_CONTENT_SCRIPT = { id: ID, url: 'https://densenkenpo.portal.kosmo-web.jp/realms/x' };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/KOSMO:taro?secret=${SECRET}&issuer=KOSMO`;

/** The worker's sender checks, with every origin allowed: page requests must still refuse. */
const gate = (vault: { touch(): Promise<void> }) => ({
  extensionId: ID,
  isAllowed: () => true,
  touch: () => vault.touch(),
});

describe('the background vault responder', () => {
  let env: ReturnType<typeof setup>;
  let respond: Respond;

  beforeEach(async () => {
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    respond = createResponder(forPages(vaultHandlers(env.vault)), gate(env.vault));
  });

  it('answers the popup', async () => {
    const added = await respond('accounts.add', { data: { uri: URI }, sender: POPUP });
    expect(added.ok).toBe(true);
    const snapshot = await respond('vault.snapshot', { data: undefined, sender: POPUP });
    expect(snapshot).toMatchObject({ ok: true, value: { status: 'unlocked' } });
    expect(snapshot.ok && snapshot.value.list.accounts.map((a) => a.name)).toEqual(['taro']);
  });

  it('answers the first paint a screenful in display order (pinned first) and how many there are', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const [i, name] of names.entries()) {
      const secret = SECRET.slice(0, 31) + 'ABCDE'[i];
      await env.vault.addAccount(sampleAccount({ secret, name, pinned: name === 'd' }));
    }
    const shown = async (data: { rows?: number } | undefined) => {
      const reply = await respond('vault.snapshot', { data, sender: POPUP });
      if (!reply.ok) throw new Error(reply.error.key);
      return [reply.value.list.accounts.map((a) => a.name).join(''), reply.value.total];
    };
    expect(await shown({ rows: 3 })).toEqual(['dab', 5]);
    expect(await shown({ rows: 12 })).toEqual(['dabce', 5]);
    // Anything but a positive whole number asks for all of them, in stored order.
    for (const rows of [undefined, 0, -2, 1.5, Number.NaN]) {
      expect(await shown({ rows })).toEqual(['abcde', 5]);
    }
    expect(await shown(undefined)).toEqual(['abcde', 5]);
  });

  it.each([
    ['vault.snapshot', undefined],
    ['accounts.list', undefined],
    ['accounts.add', { uri: URI }],
    ['vault.lock', undefined],
    ['vault.unlock', { password: PASSWORD }],
  ] as const)('refuses %s from a content script and changes nothing', async (request, data) => {
    const before = await env.vault.listAccounts();
    const reply = await respond(request, { data: data as never, sender: KOSMO_CONTENT_SCRIPT });
    expect(reply).toEqual({ ok: false, error: { key: 'error_forbidden' } });
    expect(await env.vault.status()).toBe('unlocked');
    expect(await env.vault.listAccounts()).toEqual(before);
  });

  it('refuses the same key twice, naming the stored account but never the key', async () => {
    await respond('accounts.add', { data: { uri: URI }, sender: POPUP });
    const spaced = SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    const again = await respond('accounts.add', {
      data: {
        data: {
          issuer: 'Other',
          name: 'x',
          secret: spaced,
          type: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
          counter: 0,
          sites: [],
        },
      },
      sender: POPUP,
    });
    expect(again).toEqual({ ok: false, error: { key: 'error_duplicate', subs: ['KOSMO'] } });
    expect((await env.vault.listAccounts()).accounts).toHaveLength(1);
  });

  it('turns a bad URI into its message key without echoing it', async () => {
    const reply = await respond('accounts.add', {
      data: { uri: `otpauth://totp/x?secret=${SECRET}&algorithm=MD5` },
      sender: POPUP,
    });
    expect(reply).toEqual({ ok: false, error: { key: 'error_algorithm_unknown' } });
  });

  it('reports a wrong password, then the wait after five', async () => {
    await env.vault.lock();
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await respond('vault.unlock', {
        data: { password: 'wrong-password' },
        sender: POPUP,
      });
      if (!reply.ok) keys.push(reply.error.key);
    }
    expect(keys).toEqual([...Array(4).fill('error_wrong_password'), 'error_wrong_password_wait']);
    const refused = await respond('vault.unlock', { data: { password: PASSWORD }, sender: POPUP });
    expect(refused).toMatchObject({
      ok: false,
      error: { key: 'error_too_many_attempts', subs: ['1'] },
    });
  });

  it('counts every answered request as activity for the auto-lock', async () => {
    env.clock.advance(10 * 60_000);
    await respond('vault.snapshot', { data: undefined, sender: POPUP });
    // Recorded just after the answer leaves (the answer does not wait for it).
    await vi.waitFor(async () =>
      expect(await env.session.get(SESSION_KEYS.lastActivity)).toBe(env.clock.now()),
    );
    env.clock.advance(14 * 60_000);
    expect(await env.vault.autoLockIfIdle(15)).toBe(false);
    env.clock.advance(60_000);
    expect(await env.vault.autoLockIfIdle(15)).toBe(true);
  });
});

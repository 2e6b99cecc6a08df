import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseHandlers } from '../../../lib/background/choose-handlers';
import { contentHandlers } from '../../../lib/background/content-handlers';
import { loginUserHandlers } from '../../../lib/background/page-user';
import type { ContentSender } from '../../../lib/background/senders';
import type { AccountData } from '../../../lib/otp/types';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const OTHER = 'https://login.example.jp';
const REALM = '電線工業健康保険組合';
// RFC 6238's SHA1 key; its code at T = 59 s is 287082.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const ALL_KEYS = ['JBSWY3DPEHPK3PXP', 'MFRGGZDFMZTWQ2LK', 'KRUGS4ZANFZSAYJA', 'ONSWG4TFORZWK3DJ'];
const KEYS: string[] = [];

const totp = (name: string, more: Partial<AccountData> = {}) =>
  sampleAccount({ issuer: REALM, name, secret: KEYS.shift()!, sites: [], ...more });

describe('whose code a login page gets, and choosing one on first use', () => {
  let env: ReturnType<typeof setup>;
  const from: ContentSender = { origin: KOSMO, tab: { id: 7 } };
  const content = () => contentHandlers(env.vault, () => 59_000);
  const codes = async (hints?: { user?: string }, sender = from) => {
    const reply = await content()['otp.codes'](hints, sender);
    if (reply.vault !== 'unlocked') throw new Error('locked');
    return reply;
  };
  const choose = () => chooseHandlers(env.vault, (h, f) => content()['otp.codes'](h, f));
  const logins = () => loginUserHandlers();
  const stored = async (id: string) =>
    (await env.vault.listAccounts()).accounts.find((a) => a.id === id)!;

  beforeEach(async () => {
    fakeBrowser.reset();
    KEYS.splice(0, KEYS.length, ...ALL_KEYS, 'NBSWY3DPEB3W64TMMQ');
    // Only Date: the fake IndexedDB keeps its real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_750_000_000_000);
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives each person bound here their own code, and an unknown person none', async () => {
    const tanaka = await env.vault.addAccount(totp('tanaka', { sites: [KOSMO], user: 'tanaka' }));
    const jiro = await env.vault.addAccount(totp('jiro', { sites: [KOSMO], user: 'jiro' }));
    expect((await codes({ user: 'tanaka' })).codes.map((c) => c.ref)).toEqual([tanaka.id]);
    expect((await codes({ user: ' JIRO ' })).codes.map((c) => c.ref)).toEqual([jiro.id]);
    const saburo = await codes({ user: 'saburo' });
    expect(saburo).toMatchObject({ codes: [], choosable: 0, user: 'saburo', othersBound: true });
    // A page that names no one: every account bound here (the device chooser or the user picks).
    expect((await codes()).codes).toHaveLength(2);
  });

  it('takes the user name the login form sent from this tab, when the page shows none', async () => {
    await env.vault.addAccount(totp('tanaka', { sites: [KOSMO], user: 'tanaka' }));
    const jiro = await env.vault.addAccount(totp('jiro', { sites: [KOSMO], user: 'jiro' }));
    await logins()['login.user']({ user: ' jiro ' }, from);
    expect((await codes()).codes.map((c) => c.ref)).toEqual([jiro.id]);
    // Another tab, or the same tab on another origin, heard nothing.
    expect((await codes(undefined, { origin: KOSMO, tab: { id: 8 } })).codes).toHaveLength(2);
    // The name the page shows wins over the typed one.
    expect((await codes({ user: 'tanaka' })).codes.map((c) => c.ref)).not.toContain(jiro.id);
    // Half an hour later it is forgotten.
    vi.setSystemTime(1_750_000_000_000 + 31 * 60_000);
    expect((await codes()).codes).toHaveLength(2);
  });

  it('lists names only: the accounts bound nowhere and, for a named user, those bound here to no one', async () => {
    await env.vault.addAccount(totp('tanaka', { sites: [KOSMO], user: 'tanaka' }));
    const unclaimed = await env.vault.addAccount(totp('old', { issuer: 'KOSMO', sites: [KOSMO] }));
    const free = await env.vault.addAccount(totp('jiro', { issuer: 'GitHub' }));
    await env.vault.addAccount(totp('elsewhere', { sites: [OTHER] }));
    await env.vault.addAccount(totp('hotp', { type: 'hotp' }));
    const hints = { user: 'jiro', realm: REALM };
    expect((await codes(hints)).choosable).toBe(2);
    const list = await choose()['otp.choices'](hints, from);
    // jiro's own name first; then the one that names the site.
    expect(list).toEqual([
      { ref: free.id, issuer: 'GitHub', name: 'jiro' },
      { ref: unclaimed.id, issuer: 'KOSMO', name: 'old' },
    ]);
    const text = JSON.stringify(list);
    for (const secret of [...ALL_KEYS, 'login.example']) expect(text).not.toContain(secret);
  });

  it('binds the chosen account here as the user’s own binding, for this user, and gives its code', async () => {
    const chosen = await env.vault.addAccount(totp('x', { secret: RFC_KEY }));
    const code = await choose()['otp.choose']({ ref: chosen.id, user: 'jiro' }, from);
    expect(code).toMatchObject({ ref: chosen.id, code: '287082' });
    expect(JSON.stringify(code)).not.toContain(RFC_KEY);
    expect(await stored(chosen.id)).toMatchObject({
      sites: [KOSMO],
      trustedSites: [KOSMO],
      user: 'jiro',
    });
    // From now on it is jiro's code here, automatically, and nobody else's.
    expect((await codes({ user: 'jiro' })).codes.map((c) => c.ref)).toEqual([chosen.id]);
    expect((await codes({ user: 'tanaka' })).codes).toEqual([]);
  });

  it.each([
    ['bound to another site', { sites: [OTHER] }, 'jiro'],
    ['bound here to another person', { sites: [KOSMO], user: 'tanaka' }, 'jiro'],
    ['a HOTP account', { type: 'hotp' as const }, 'jiro'],
  ])('refuses to bind an account %s, and changes nothing', async (_, more, user) => {
    const account = await env.vault.addAccount(totp('x', more));
    const before = await stored(account.id);
    await expect(choose()['otp.choose']({ ref: account.id, user }, from)).rejects.toThrow();
    expect(await stored(account.id)).toEqual(before);
  });

  it('gives an account bound here to the user its name names, and keeps it theirs', async () => {
    const shiro = await env.vault.addAccount(totp('shiro', { sites: [KOSMO] }));
    expect((await codes({ user: 'saburo' })).choosable).toBe(1);
    expect((await codes({ user: 'shiro' })).codes.map((c) => c.ref)).toEqual([shiro.id]);
    expect((await stored(shiro.id)).user).toBe('shiro');
    // Now shiro's: not offered to saburo as an account bound here to no one.
    expect(await codes({ user: 'saburo' })).toMatchObject({ choosable: 0, othersBound: true });
  });

  it('binds without a user name when the page names no one', async () => {
    const chosen = await env.vault.addAccount(totp('x'));
    await choose()['otp.choose']({ ref: chosen.id }, from);
    const account = await stored(chosen.id);
    expect(account.sites).toEqual([KOSMO]);
    expect(account.user).toBeUndefined();
  });
});

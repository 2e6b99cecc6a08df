import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InputError } from '../../../lib/background/errors';
import { recoveryContentHandlers } from '../../../lib/background/recovery-handlers';
import type { ContentSender } from '../../../lib/background/senders';
import { recoveryAwaitItem } from '../../../lib/storage';
import { FAST_KDF, PASSWORD, sampleAccount, setup } from '../vault/helpers';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const OTHER = 'https://other.kosmo-web.jp';
// Twelve codes as Keycloak shows them (dashes), and as the site checks them.
const PAGE = Array.from({ length: 12 }, (_, i) => `K7QX-2MZP-${String(1000 + i)}`);
const CODES = PAGE.map((c) => c.replace(/-/g, ''));

describe('recovery codes from content scripts', () => {
  let env: ReturnType<typeof setup>;
  let handlers: ReturnType<typeof recoveryContentHandlers>;
  const from: ContentSender = { origin: KOSMO, tab: { id: 7 } };
  const stored = async (issuer = 'KOSMO') =>
    (await env.vault.listAccounts()).accounts.find((a) => a.issuer === issuer)?.recoveryCodes;
  const used = async (issuer = 'KOSMO') => (await stored(issuer))?.map((c) => c.used);
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) =>
        error instanceof InputError ? [error.key, ...(error.subs ?? [])] : error,
    );
  /** The user clicks the control on a page asking for `asked`, then sends the form. */
  const fillAndSend = async (asked: number | null) => {
    const filled = await handlers['recovery.fill']({ asked, user: '' }, from);
    await handlers['recovery.submitted'](undefined, from);
    return filled;
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    handlers = recoveryContentHandlers(env.vault, {
      awaiting: recoveryAwaitItem,
      now: env.clock.now,
    });
  });

  it('saves the page codes with the account bound to the page, encrypted with it', async () => {
    await env.vault.addAccount(sampleAccount({ issuer: 'KOSMO', sites: [KOSMO] }));
    await env.vault.addAccount(
      sampleAccount({ issuer: 'Other', secret: 'MFRGGZDF', sites: [OTHER] }),
    );
    const saved = await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    expect(saved).toEqual({ title: 'KOSMO (taro@example.jp)', count: 12, replaced: false });
    expect(await stored()).toEqual(CODES.map((code) => ({ code, used: false })));
    expect(await stored('Other')).toBeUndefined();
    // Nothing about them in the database's plaintext.
    const rows = JSON.stringify(await env.db.accounts.toArray());
    for (const code of CODES) expect(rows).not.toContain(code);
  });

  it("chooses the page user's account, else the one just set up; never another user's", async () => {
    await env.vault.addAccount(sampleAccount({ issuer: 'Bob', secret: 'MFRGGZDF', user: 'bob' }));
    env.clock.advance(1_000);
    await env.vault.addAccount(sampleAccount({ issuer: 'New', secret: 'MFRGGZDG' }));
    await handlers['recovery.save']({ codes: PAGE, user: 'bob' }, from);
    expect(await stored('Bob')).toHaveLength(12);
    expect(await stored('New')).toBeUndefined();
    await handlers['recovery.save']({ codes: PAGE.slice(0, 3), user: 'carol' }, from);
    expect(await stored('New')).toHaveLength(3);
    expect(await stored('Bob')).toHaveLength(12);
  });

  it('says clearly when it cannot save, and changes nothing', async () => {
    await env.vault.addAccount(sampleAccount({ issuer: 'Alice', user: 'alice', sites: [KOSMO] }));
    await env.vault.addAccount(
      sampleAccount({ issuer: 'Other', secret: 'MFRGGZDF', sites: [OTHER] }),
    );
    expect(await rejection(handlers['recovery.save']({ codes: PAGE, user: 'bob' }, from))).toEqual([
      'recovery_no_account',
      'densenkenpo.portal.kosmo-web.jp',
    ]);
    const bad = handlers['recovery.save'](
      { codes: ['K7QX2MZP4RTA', 'コードなし'], user: '' },
      from,
    );
    expect(await rejection(bad)).toEqual(['recovery_page_unreadable']);
    await env.vault.lock();
    await expect(handlers['recovery.save']({ codes: PAGE, user: '' }, from)).rejects.toMatchObject({
      code: 'locked',
    });
    await env.vault.unlock(PASSWORD);
    expect(await stored('Alice')).toBeUndefined();
    expect(await stored('Other')).toBeUndefined();
  });

  it('replaces older codes; the same page saved twice keeps what is known', async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO] }));
    await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    await fillAndSend(null);
    await handlers['recovery.settle']({ kind: 'other' }, from);
    const again = await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    expect(again.replaced).toBe(false);
    expect((await used())?.[0]).toBe(true);
    const fresh = PAGE.map((c) => c.replace('K7QX', 'ZZZZ'));
    expect((await handlers['recovery.save']({ codes: fresh, user: '' }, from)).replaced).toBe(true);
    expect(await used()).toEqual(Array(12).fill(false));
  });

  it('offers the next code, fills it on request and marks it used once the login went on', async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO], recoveryCodes: [] }));
    await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    const offer = await handlers['recovery.offer']({ asked: 1, user: '' }, from);
    expect(offer).toEqual({
      vault: 'unlocked',
      offer: { title: 'KOSMO (taro@example.jp)', number: 1, left: 11 },
    });
    expect(JSON.stringify(offer)).not.toContain(CODES[0]);
    expect(await fillAndSend(1)).toMatchObject({ code: CODES[0], number: 1, left: 11 });
    // Not yet: only the next page says whether the site took it.
    expect((await used())?.[0]).toBe(false);
    await handlers['recovery.settle']({ kind: 'other' }, from);
    expect(await used()).toEqual([true, ...Array(11).fill(false)]);
    expect(await recoveryAwaitItem.getValue()).toBeNull();
    const next = await handlers['recovery.offer']({ asked: null, user: '' }, from);
    expect(next).toMatchObject({ offer: { number: 2, left: 10 } });
  });

  it('keeps a refused code unused, and one the user never sent', async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO] }));
    await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    await fillAndSend(1);
    await handlers['recovery.settle']({ kind: 'asking', asked: 1, refused: true }, from);
    await handlers['recovery.fill']({ asked: 1, user: '' }, from);
    await handlers['recovery.settle']({ kind: 'other' }, from);
    expect(await used()).toEqual(Array(12).fill(false));
  });

  it('gives the number the page asks for: the site has taken every code before it', async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO] }));
    await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    expect(await fillAndSend(3)).toMatchObject({ code: CODES[2], number: 3, left: 9 });
    expect((await used())?.slice(0, 4)).toEqual([true, true, false, false]);
    // The page after asks for #4: #3 was taken.
    await handlers['recovery.settle']({ kind: 'asking', asked: 4, refused: false }, from);
    expect((await used())?.slice(0, 4)).toEqual([true, true, true, false]);
  });

  it("ignores another tab's pages, and gives nothing to a site the account is not bound to", async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO] }));
    await handlers['recovery.save']({ codes: PAGE, user: '' }, from);
    await fillAndSend(1);
    await handlers['recovery.settle']({ kind: 'other' }, { origin: KOSMO, tab: { id: 8 } });
    expect((await used())?.[0]).toBe(false);
    expect(await recoveryAwaitItem.getValue()).not.toBeNull();

    const elsewhere: ContentSender = { origin: OTHER, tab: { id: 9 } };
    expect(await handlers['recovery.offer']({ asked: 1, user: '' }, elsewhere)).toEqual({
      vault: 'unlocked',
      offer: null,
    });
    const fill = handlers['recovery.fill']({ asked: 1, user: '' }, elsewhere);
    expect(await rejection(fill)).toEqual(['recovery_no_account', 'other.kosmo-web.jp']);
  });

  it('names what is missing: a number not saved, or every code used', async () => {
    await env.vault.addAccount(sampleAccount({ sites: [KOSMO] }));
    await handlers['recovery.save']({ codes: PAGE.slice(0, 2), user: '' }, from);
    const title = 'KOSMO (taro@example.jp)';
    const missing = handlers['recovery.fill']({ asked: 5, user: '' }, from);
    expect(await rejection(missing)).toEqual(['recovery_number_missing', '5', title]);
    await fillAndSend(null);
    await handlers['recovery.settle']({ kind: 'other' }, from);
    await fillAndSend(null);
    await handlers['recovery.settle']({ kind: 'other' }, from);
    const none = handlers['recovery.fill']({ asked: null, user: '' }, from);
    expect(await rejection(none)).toEqual(['recovery_none_left', title]);
    await env.vault.lock();
    expect(await handlers['recovery.offer']({ asked: 1, user: '' }, from)).toEqual({
      vault: 'locked',
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentHandlers } from '../../../lib/background/content-handlers';
import { heldFillStores } from '../../../lib/background/fill-stores';
import { offsetFor } from '../../../lib/clock';
import type { ContentSender } from '../../../lib/background/senders';
import { settingsItem } from '../../../lib/storage';
import { FAST_KDF, PASSWORD, setup } from '../vault/helpers';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const account = (issuer: string, sites: string[], secret = SECRET) => ({
  issuer,
  name: 'taro',
  secret,
  type: 'totp' as const,
  algorithm: 'SHA1' as const,
  digits: 6,
  period: 30,
  counter: 0,
  sites,
});

describe('codes for a content script', () => {
  let env: ReturnType<typeof setup>;
  let handlers: ReturnType<typeof contentHandlers>;
  // The origin comes from the responder's sender check; here it is KOSMO's.
  const from: ContentSender = { origin: KOSMO, tab: { id: 7 } };

  beforeEach(async () => {
    fakeBrowser.reset();
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    // No stored settings: the defaults (auto-fill on, submit off).
    handlers = contentHandlers(env.vault, () => 59_000);
  });

  it('gives the code of an account bound to the page origin, and nothing secret', async () => {
    await env.vault.addAccount(account('KOSMO', [KOSMO]));
    await env.vault.addAccount(account('Elsewhere', ['https://example.com'], 'JBSWY3DPEHPK3PXP'));
    const reply = await handlers['otp.codes'](undefined, from);
    expect(reply).toMatchObject({ vault: 'unlocked', autoFill: true, submitAfterFill: false });
    if (reply.vault !== 'unlocked') throw new Error('locked');
    // RFC 6238's SHA1 vector at T=59 s, 6 digits.
    expect(reply.codes).toEqual([
      {
        ref: expect.any(String),
        title: 'KOSMO (taro)',
        deviceName: null,
        code: '287082',
        secondsLeft: 1,
      },
    ]);
    expect(JSON.stringify(reply)).not.toContain(SECRET);
  });

  it('uses the clock correction only for the accounts of the site it was measured on', async () => {
    const sibling = 'https://evil.kosmo-web.jp';
    await env.vault.addAccount(account('KOSMO', [KOSMO]));
    const codeWith = async (origin: string) => {
      const correction = { origin, offsetMs: 30_000 };
      const clocked = contentHandlers(env.vault, (sites) => 29_000 + offsetFor(sites, correction));
      const reply = await clocked['otp.codes'](undefined, from);
      return reply.vault === 'unlocked' ? reply.codes[0]?.code : null;
    };
    // RFC 6238's SHA1 vector at T=59 s: corrected from 29 s for KOSMO, not for a sibling host.
    expect(await codeWith(KOSMO)).toBe('287082');
    expect(await codeWith(sibling)).not.toBe('287082');
  });

  it('says locked and gives no code while the vault is locked', async () => {
    await env.vault.addAccount(account('KOSMO', [KOSMO]));
    await env.vault.lock();
    expect(await handlers['otp.codes'](undefined, from)).toEqual({ vault: 'locked' });
  });

  it('says there is no vault before one is made', async () => {
    fakeBrowser.reset();
    const empty = setup();
    expect(await contentHandlers(empty.vault, () => 59_000)['otp.codes'](undefined, from)).toEqual({
      vault: 'none',
    });
  });

  it('answers from the worker’s copies, which follow a settings change made elsewhere', async () => {
    await env.vault.addAccount(account('KOSMO', [KOSMO]));
    const held = contentHandlers(env.vault, () => 59_000, heldFillStores());
    expect(await held['otp.codes'](undefined, from)).toMatchObject({ autoFill: true });
    // The manage page turns automatic fill off: the next request says so.
    await settingsItem.setValue({ ...(await settingsItem.getValue()), autoFill: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await held['otp.codes'](undefined, from)).toMatchObject({ autoFill: false });
  });

  it('records the device name only for an account bound to the page', async () => {
    const mine = await env.vault.addAccount(account('KOSMO', [KOSMO]));
    const other = await env.vault.addAccount(
      account('X', ['https://example.com'], 'JBSWY3DPEHPK3PXP'),
    );
    await handlers['enroll.device']({ ref: mine.id, label: ' PC Authenticator (Chrome) ' }, from);
    await expect(
      handlers['enroll.device']({ ref: other.id, label: 'stolen' }, from),
    ).rejects.toThrow();
    const { accounts } = await env.vault.listAccounts();
    expect(accounts.map((a) => a.deviceName)).toEqual(['PC Authenticator (Chrome)', undefined]);
  });
});

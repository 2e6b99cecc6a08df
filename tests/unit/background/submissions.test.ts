import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { contentHandlers } from '../../../lib/background/content-handlers';
import type { ContentSender } from '../../../lib/background/senders';
import { submissionHandlers } from '../../../lib/background/submissions';
import type { PageReport } from '../../../lib/messaging';
import { clockCorrectionItem, usedStepsItem } from '../../../lib/storage';
import { FAST_KDF, PASSWORD, setup } from '../vault/helpers';

const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
// RFC 6238's SHA1 seed; codes from its appendix B (6 of the 8 digits).
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const OTHER_KEY = 'JBSWY3DPEHPK3PXP';
const S = 1000;
const PAGE: Record<string, PageReport> = {
  signedIn: { page: 'other', codeError: false, setupError: false, devices: null },
  otpRefused: { page: 'otp', codeError: true, setupError: false, devices: null },
  setupRefused: { page: 'setup', codeError: true, setupError: true, devices: null },
};

describe('submits, their outcome and pending accounts', () => {
  let env: ReturnType<typeof setup>;
  let time: number;
  let handlers: ReturnType<typeof contentHandlers> & ReturnType<typeof submissionHandlers>;
  const tab7: ContentSender = { origin: KOSMO, tab: { id: 7 } };
  /** The server's `Date` header runs this far ahead of the PC (the clock check reads it). */
  let serverSkewMs = 0;

  const enroll = (key: string, user: string) =>
    handlers['enroll.add'](
      { source: { key, policy: { type: 'totp' } }, hints: { issuer: 'KOSMO', account: user } },
      tab7,
    );
  const accounts = async () => (await env.vault.listAccounts()).accounts;
  const codes = async () => {
    const reply = await handlers['otp.codes'](undefined, tab7);
    if (reply.vault !== 'unlocked') throw new Error('locked');
    return reply.codes;
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    env = setup();
    await env.vault.create(PASSWORD, { kdf: FAST_KDF });
    // 1111111111 s: step 37037037 (code 050471), 29 s left; step 37037036's code is 081804.
    time = 1_111_111_111 * S;
    const now = () => time;
    handlers = { ...contentHandlers(env.vault, now), ...submissionHandlers(env.vault, now) };
    serverSkewMs = 0;
    // Node 20 has no navigator; the device name is made from its user agent.
    vi.stubGlobal('navigator', { userAgent: 'Chrome/156' });
    vi.stubGlobal('fetch', async () => {
      const date = new Date(Date.now() + serverSkewMs).toUTCString();
      return new Response(null, { headers: { date } });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('stores a setup page’s account pending under the page’s user; acceptance confirms it', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    expect(added.code).toBe('050471');
    expect(await accounts()).toMatchObject([{ user: 'user1', pending: true }]);
    await handlers['enroll.device']({ ref: added.ref, label: 'PC', code: '050471' }, tab7);
    // The next page in the tab is not the setup page with an error: accepted.
    expect(await handlers['page.outcome'](PAGE.signedIn!, tab7)).toBeNull();
    const [account] = await accounts();
    expect(account?.pending).toBeUndefined();
    expect(account?.deviceName).toBe('PC');
  });

  it('a refused setup stays pending; a new key for the same user replaces it, never a confirmed one', async () => {
    const first = await enroll(RFC_KEY, 'user1');
    await handlers['enroll.device']({ ref: first.ref, label: 'PC', code: first.code }, tab7);
    expect(await handlers['page.outcome'](PAGE.setupRefused!, tab7)).toMatchObject({
      kind: 'setup',
    });
    expect(await accounts()).toMatchObject([{ pending: true }]);
    // An abandoned setup, then a new one with a new key: one account is left.
    const second = await enroll(OTHER_KEY, 'user1');
    expect((await accounts()).map((a) => a.id)).toEqual([second.ref]);
    await handlers['enroll.device']({ ref: second.ref, label: 'PC', code: second.code }, tab7);
    await handlers['page.outcome'](PAGE.signedIn!, tab7);
    // Confirmed: a later enrollment of the same user adds beside it and replaces nothing.
    const third = await enroll('MFRGGZDFMZTWQ2LKNBSWY3DP', 'user1');
    expect((await accounts()).map((a) => a.id)).toEqual([second.ref, third.ref]);
    // …and the new pending one is not offered while the confirmed one is there.
    expect((await codes()).map((c) => c.ref)).toEqual([second.ref]);
  });

  it('does not explain the refusal of a code the user typed', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    await handlers['enroll.device']({ ref: added.ref, label: 'PC' }, tab7);
    expect(await handlers['page.outcome'](PAGE.setupRefused!, tab7)).toBeNull();
    expect(await accounts()).toMatchObject([{ pending: true }]);
  });

  it('never offers a used step: the login right after a setup waits for the next one', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    await handlers['enroll.device']({ ref: added.ref, label: 'PC', code: '050471' }, tab7);
    await handlers['page.outcome'](PAGE.signedIn!, tab7);
    expect(await codes()).toMatchObject([{ code: '', waitSeconds: 29, secondsLeft: 29 }]);
    time += 29 * S;
    expect(await codes()).toMatchObject([{ code: expect.stringMatching(/^\d{6}$/) }]);
    expect((await codes())[0]?.waitSeconds).toBeUndefined();
  });

  it('a refusal gives the step back and says why: first retry, then the key', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    for (const expected of ['retry', 'wrong-key']) {
      await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
      expect((await usedStepsItem.getValue())[added.ref]?.step).toBe(37_037_037);
      const refusal = await handlers['page.outcome'](PAGE.otpRefused!, tab7);
      expect(refusal).toEqual({ kind: 'login', reason: { kind: expected } });
      expect((await usedStepsItem.getValue())[added.ref]).toBeUndefined();
    }
    // Accepted at last: the count starts again.
    await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
    await handlers['page.outcome'](PAGE.signedIn!, tab7);
    await handlers['otp.submitted']({ ref: added.ref, code: '081804' }, tab7);
    expect(await handlers['page.outcome'](PAGE.otpRefused!, tab7)).toEqual({
      kind: 'login',
      reason: { kind: 'used', waitSeconds: 29 },
    });
  });

  it('a code request sent beside the page’s report waits for it: a refusal’s step is filled again', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
    // The refused page asks for its codes and reports at once; the codes come after the report.
    const asked = codes();
    const refusal = await handlers['page.outcome'](PAGE.otpRefused!, tab7);
    expect(refusal?.reason.kind).toBe('retry');
    expect(await asked).toMatchObject([{ ref: added.ref, code: '050471', secondsLeft: 29 }]);
    // An accepted submit: the step stays used, and the next page's codes say so.
    await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
    const next = codes();
    expect(await handlers['page.outcome'](PAGE.signedIn!, tab7)).toBeNull();
    expect(await next).toMatchObject([{ code: '', waitSeconds: 29 }]);
  });

  it('blames a server clock 95 s ahead, and its one click corrects the site’s codes', async () => {
    serverSkewMs = 95_000;
    const added = await enroll(RFC_KEY, 'user1');
    await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
    const refusal = await handlers['page.outcome'](PAGE.otpRefused!, tab7);
    expect(refusal?.reason).toMatchObject({ kind: 'clock', correctable: true });
    if (refusal?.reason.kind !== 'clock') throw new Error('not the clock');
    expect(Math.abs(refusal.reason.offsetMs - 95_000)).toBeLessThan(2_000);
    expect(await handlers['clock.correct'](undefined, tab7)).toBe(true);
    expect(await clockCorrectionItem.getValue()).toMatchObject({ origin: KOSMO });
  });

  it('hears only the next page of the same origin in the same tab, once', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    await handlers['otp.submitted']({ ref: added.ref, code: '050471' }, tab7);
    const otherTab: ContentSender = { origin: KOSMO, tab: { id: 8 } };
    expect(await handlers['page.outcome'](PAGE.otpRefused!, otherTab)).toBeNull();
    const elsewhere: ContentSender = { origin: 'https://other.kosmo-web.jp', tab: { id: 7 } };
    expect(await handlers['page.outcome'](PAGE.otpRefused!, elsewhere)).toBeNull();
    // The tab went elsewhere: the submit's outcome is unknown, so its step stays used.
    expect(await handlers['page.outcome'](PAGE.otpRefused!, tab7)).toBeNull();
    expect((await usedStepsItem.getValue())[added.ref]?.step).toBe(37_037_037);
  });

  it('takes a submit only for an account bound to the page, and no step for a foreign code', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    const other: ContentSender = { origin: 'https://example.com', tab: { id: 7 } };
    await expect(
      handlers['otp.submitted']({ ref: added.ref, code: '050471' }, other),
    ).rejects.toThrow();
    await handlers['otp.submitted']({ ref: added.ref, code: '123456' }, tab7);
    expect(await usedStepsItem.getValue()).toEqual({});
  });

  it('keeps a setup page’s code good: the next one in the last 3 s', async () => {
    const added = await enroll(RFC_KEY, 'user1');
    expect(await handlers['enroll.code']({ ref: added.ref }, tab7)).toEqual({
      code: '050471',
      refreshIn: 26,
    });
    time = 1_111_111_107 * S;
    expect(await handlers['enroll.code']({ ref: added.ref }, tab7)).toEqual({
      code: '050471',
      refreshIn: 30,
    });
  });
});

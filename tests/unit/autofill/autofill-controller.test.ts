// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../lib/app-error';
import { startAutofill } from '../../../lib/autofill/autofill-controller';
import type { SiteCode, SiteCodes } from '../../../lib/messaging';

const OTP_PAGE = `<form id="kc-otp-login-form" method="post" action="/x">
  <input id="otp" name="otp" type="text" autocomplete="one-time-code">
  <button type="submit" id="kc-login" name="login">ログイン</button></form>`;

const code = (value: string, secondsLeft: number, ref = 'a'): SiteCode => ({
  ref,
  title: ref,
  deviceName: null,
  code: value,
  secondsLeft,
});
const unlocked = (codes: SiteCode[], autoFill = true): Result<SiteCodes> => ({
  ok: true,
  value: { vault: 'unlocked', autoFill, submitAfterFill: false, codes },
});

describe('the autofill controller', () => {
  let replies: Result<SiteCodes>[];
  const otp = () => document.querySelector<HTMLInputElement>('#otp')!;
  let controller: ReturnType<typeof startAutofill> | undefined;
  const start = () =>
    (controller = startAutofill({
      doc: document,
      t: (key, subs) => [key, ...(subs ?? [])].join(' '),
      lang: 'ja',
      generic: false,
      // Each request takes the next reply; the last one keeps answering.
      requestCodes: async () => (replies.length > 1 ? replies.shift()! : replies[0]!),
      openUnlock: () => {},
      waitForUnlock: () => {},
    }));
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = OTP_PAGE;
  });
  afterEach(() => {
    controller?.stop();
    vi.useRealTimers();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('fills the one bound account as soon as the field is there', async () => {
    replies = [unlocked([code('123456', 20)])];
    start();
    await settle();
    expect(otp().value).toBe('123456');
  });

  it('waits out a code with 3 seconds or less, then fills the next one', async () => {
    replies = [unlocked([code('111111', 2)]), unlocked([code('222222', 30)])];
    start();
    await settle();
    expect(otp().value).toBe('');
    await vi.advanceTimersByTimeAsync(2200);
    expect(otp().value).toBe('222222');
  });

  it('never overwrites what the user typed', async () => {
    otp().value = '98';
    replies = [unlocked([code('123456', 20)])];
    start();
    await settle();
    expect(otp().value).toBe('98');
  });

  it('replaces its own expired fill with the new code, but not the user’s later typing', async () => {
    replies = [
      unlocked([code('123456', 5)]),
      unlocked([code('654321', 30)]),
      unlocked([code('777777', 30)]),
    ];
    start();
    await settle();
    expect(otp().value).toBe('123456');
    await vi.advanceTimersByTimeAsync(5200);
    expect(otp().value).toBe('654321');
    otp().value = '000000';
    await vi.advanceTimersByTimeAsync(30_200);
    expect(otp().value).toBe('000000');
  });

  it('offers a chooser, and fills nothing, when several accounts are bound', async () => {
    replies = [unlocked([code('123456', 20, 'a'), code('654321', 20, 'b')])];
    start();
    await settle();
    expect(otp().value).toBe('');
    const badge = document.querySelector('pc-authenticator-badge')!.shadowRoot!;
    const choices = badge.querySelectorAll<HTMLButtonElement>('[data-testid="badge-choice"]');
    expect([...choices].map((c) => c.textContent)).toEqual(['a', 'b']);
    // Picked after the code shown had ended: the field gets the code as of the click.
    replies = [unlocked([code('123457', 30, 'a'), code('999999', 30, 'b')])];
    choices[1]!.click();
    await settle();
    expect(otp().value).toBe('999999');
  });

  it('leaves the field alone with automatic fill off, until asked', async () => {
    replies = [unlocked([code('123456', 20)], false)];
    const autofill = start();
    await settle();
    expect(otp().value).toBe('');
    await expect(autofill.fillNow()).resolves.toBe(true);
    expect(otp().value).toBe('123456');
  });

  it('shows locked, with no code in the page, while the vault is locked', async () => {
    replies = [{ ok: true, value: { vault: 'locked' } }];
    start();
    await settle();
    const badge = document.querySelector('pc-authenticator-badge')!.shadowRoot!;
    expect(badge.textContent).toContain('badge_locked');
    expect(otp().value).toBe('');
  });
});

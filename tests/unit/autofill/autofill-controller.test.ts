// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../lib/app-error';
import { startAutofill } from '../../../lib/autofill/autofill-controller';
import { detectOtpTarget } from '../../../lib/autofill/detect/detect-otp-target';
import type { PageHints, SiteChoice, SiteCode, SiteCodes } from '../../../lib/messaging';
import { trackPageListeners } from '../content/page-listeners';
import { userClick } from '../content/trusted';

// Counts detection runs; detection itself is the real one.
vi.mock('../../../lib/autofill/detect/detect-otp-target', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../lib/autofill/detect/detect-otp-target')>();
  return { ...actual, detectOtpTarget: vi.fn(actual.detectOtpTarget) };
});

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
const unlocked = (
  codes: SiteCode[],
  autoFill = true,
  more: { choosable?: number; user?: string | null; othersBound?: boolean } = {},
): Result<SiteCodes> => ({
  ok: true,
  value: { vault: 'unlocked', autoFill, submitAfterFill: false, codes, ...more },
});

describe('the autofill controller', () => {
  let replies: Result<SiteCodes>[];
  let requests = 0;
  // What the page said about itself, per request; the chooser's calls.
  let asked: PageHints[] = [];
  let listed: PageHints[] = [];
  let chosen: { ref: string; hints: PageHints }[] = [];
  let choices: SiteChoice[] = [];
  const chosenCode: Result<SiteCode> = { ok: true, value: code('424242', 25, 'b') };
  let opened = 0;
  const otp = () => document.querySelector<HTMLInputElement>('#otp')!;
  let controller: ReturnType<typeof startAutofill> | undefined;
  let submitted: [string, string][] = [];
  const start = () =>
    (controller = startAutofill({
      doc: document,
      t: (key, subs) => [key, ...(subs ?? [])].join(' '),
      lang: 'ja',
      generic: false,
      // Each request takes the next reply; the last one keeps answering.
      requestCodes: async (hints) => {
        requests++;
        asked.push(hints);
        return replies.length > 1 ? replies.shift()! : replies[0]!;
      },
      chooser: {
        list: async (hints) => {
          listed.push(hints);
          return { ok: true, value: choices };
        },
        choose: async (ref, hints) => {
          chosen.push({ ref, hints });
          return chosenCode;
        },
      },
      openUnlock: () => void opened++,
      waitForUnlock: () => {},
      reportSubmit: (ref, value) => void submitted.push([ref, value]),
    }));
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(detectOtpTarget).mockClear();
    requests = 0;
    opened = 0;
    asked = [];
    listed = [];
    chosen = [];
    choices = [];
    submitted = [];
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

  it('waits out a used step, saying how long, then fills the next code', async () => {
    const waiting: SiteCode = { ...code('', 12), waitSeconds: 12 };
    replies = [unlocked([waiting]), unlocked([code('222222', 30)])];
    start();
    await settle();
    expect(otp().value).toBe('');
    const badge = () => document.querySelector('pc-authenticator-badge')!.shadowRoot!.textContent;
    expect(badge()).toContain('wait_next_code 12');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(badge()).toContain('wait_next_code 7');
    await vi.advanceTimersByTimeAsync(7_200);
    expect(otp().value).toBe('222222');
  });

  it('says which account’s code left with the form, only while the field holds our fill', async () => {
    replies = [unlocked([code('123456', 20, 'acct')])];
    start();
    await settle();
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(submitted).toEqual([['acct', '123456']]);
    otp().value = '999999';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(submitted).toHaveLength(1);
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
    expect(otp().value).toBe('');
    userClick(choices[1]!);
    await settle();
    expect(otp().value).toBe('999999');
  });

  it('fills on the user’s click on 「入力」, never on a script’s, with automatic fill off', async () => {
    replies = [unlocked([code('123456', 20)], false)];
    start();
    await settle();
    const fill = document
      .querySelector('pc-authenticator-badge')!
      .shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="badge-fill"]')!;
    fill.click();
    fill.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(otp().value).toBe('');
    userClick(fill);
    expect(otp().value).toBe('123456');
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
    const unlock = badge.querySelector<HTMLButtonElement>('[data-testid="badge-unlock"]')!;
    unlock.click();
    expect(opened).toBe(0);
    userClick(unlock);
    expect(opened).toBe(1);
  });

  it('stop() leaves the page as it was: no badge, no listener, and later changes do nothing', async () => {
    const before = document.documentElement.outerHTML;
    const listeners = trackPageListeners();
    try {
      replies = [unlocked([code('123456', 5)])];
      const autofill = start();
      await settle();
      expect(document.querySelector('pc-authenticator-badge')).not.toBeNull();
      expect(listeners.active().length).toBeGreaterThan(0);

      autofill.stop();
      expect(document.documentElement.outerHTML).toBe(before);
      expect(listeners.active()).toEqual([]);
      const asked = requests;
      document.body.innerHTML = OTP_PAGE.replace('id="otp"', 'id="otp" class="again"');
      window.dispatchEvent(new Event('resize'));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(requests).toBe(asked);
      expect(otp().value).toBe('');
      expect(document.querySelector('pc-authenticator-badge')).toBeNull();
      await expect(autofill.fillNow()).resolves.toBe(false);
    } finally {
      listeners.restore();
    }
  });

  it('scans a burst of page changes once, and not for text or its own badge', async () => {
    document.body.replaceChildren();
    replies = [unlocked([code('123456', 20)])];
    start();
    expect(detectOtpTarget).toHaveBeenCalledTimes(1);
    // A script renders the form late, node by node.
    const form = document.createElement('form');
    form.id = 'kc-otp-login-form';
    document.body.append(form);
    for (let i = 0; i < 20; i++) form.append(document.createElement('div'));
    form.insertAdjacentHTML('beforeend', OTP_PAGE.replace(/<\/?form[^>]*>/g, ''));
    await settle();
    expect(detectOtpTarget).toHaveBeenCalledTimes(2);
    expect(otp().value).toBe('123456');
    // The badge came in, its countdown runs, a label's text changes: nothing to scan.
    form.querySelector('div')!.append('ワンタイムパスワード');
    await vi.advanceTimersByTimeAsync(3000);
    expect(detectOtpTarget).toHaveBeenCalledTimes(2);
  });

  const badgeRoot = () => document.querySelector('pc-authenticator-badge')!.shadowRoot!;
  const byTestId = (id: string) => [
    ...badgeRoot().querySelectorAll<HTMLButtonElement>(`[data-testid="${id}"]`),
  ];

  it('asks for the codes of the user the page names, with its realm title', async () => {
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<div id="kc-header-wrapper"> 電線工業健康保険組合 </div><label id="kc-attempted-username"> jiro </label>',
    );
    replies = [unlocked([code('123456', 20)])];
    start();
    await settle();
    expect(asked[0]).toEqual({ user: 'jiro', realm: '電線工業健康保険組合' });
  });

  it('offers 「使うアカウントを選ぶ」 when nothing here fits; real clicks list, bind and fill', async () => {
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<label id="kc-attempted-username">jiro</label>',
    );
    replies = [unlocked([], true, { choosable: 2, user: 'jiro' })];
    choices = [
      { ref: 'a', issuer: 'GitHub', name: 'taro' },
      { ref: 'b', issuer: '電線工業健康保険組合', name: 'jiro' },
    ];
    start();
    await settle();
    expect(otp().value).toBe('');
    // Nothing about the accounts is in the page until the user asks.
    expect(badgeRoot().textContent).not.toContain('GitHub');
    const [open] = byTestId('badge-choose');
    open!.click();
    await settle();
    expect(listed).toEqual([]);
    userClick(open!);
    await settle();
    expect(listed).toEqual([{ user: 'jiro' }]);
    const picks = byTestId('badge-choice');
    expect(picks.map((b) => b.textContent)).toEqual(['GitHubtaro', '電線工業健康保険組合jiro']);
    picks[1]!.click();
    await settle();
    expect(chosen).toEqual([]);
    userClick(picks[1]!);
    await settle();
    expect(chosen).toEqual([{ ref: 'b', hints: { user: 'jiro' } }]);
    expect(otp().value).toBe('424242');
    expect(badgeRoot().textContent).toContain('badge_bound b');
  });

  it('never fills another person’s code: says this user has no account', async () => {
    replies = [unlocked([], true, { choosable: 0, user: 'saburo', othersBound: true })];
    start();
    await settle();
    expect(otp().value).toBe('');
    expect(badgeRoot().textContent).toContain('badge_no_account_for_user saburo');
    expect(byTestId('badge-choose')).toEqual([]);
  });

  it('tells 「このページに入力」 to let the user choose when nothing here fits', async () => {
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<label id="kc-attempted-username">jiro</label>',
    );
    replies = [unlocked([], false, { choosable: 1, user: 'jiro' })];
    const autofill = start();
    await settle();
    await expect(autofill.fillNow()).resolves.toEqual({ choose: true, user: 'jiro' });
    replies = [unlocked([], false, { choosable: 0, user: 'jiro', othersBound: true })];
    await expect(autofill.fillNow()).resolves.toBe(false);
    expect(otp().value).toBe('');
  });
});

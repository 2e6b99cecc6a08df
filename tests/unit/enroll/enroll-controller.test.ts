// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../lib/app-error';
import type { Scope } from '../../../lib/content/scope';
import { startEnrollment, type EnrollDeps } from '../../../lib/enroll/enroll-controller';
import { readSetupPage } from '../../../lib/enroll/setup-page';
import type { EnrollResult, SetupCode } from '../../../lib/messaging';
import { trackPageListeners } from '../content/page-listeners';
import { userClick } from '../content/trusted';

// Counts page reads; the reading itself is the real one.
vi.mock('../../../lib/enroll/setup-page', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/enroll/setup-page')>();
  return { ...actual, readSetupPage: vi.fn(actual.readSetupPage) };
});

// Keycloak's login-config-totp.ftl in QR mode, as ../../../../shared/keycloak-pages.md reads it.
const SETUP_PAGE = `<div id="kc-header-wrapper">KOSMO</div>
  <span id="kc-attempted-username">yamada.taro</span>
  <ol id="kc-totp-settings"><li><img id="kc-totp-secret-qr-code" src="data:image/png;base64, iVBORw0KGgo="><br></li></ol>
  <form id="kc-totp-settings-form" method="post" action="/x">
    <input id="totp" name="totp"><input id="userLabel" name="userLabel">
    <input type="submit" id="saveTOTPBtn" value="実行"></form>`;

const ADDED: EnrollResult = {
  status: 'added',
  ref: 'r1',
  title: 'KOSMO (yamada.taro)',
  code: '123456',
  deviceName: 'PC Authenticator (Chrome)',
};

describe('the enrollment controller', () => {
  let reply: Result<EnrollResult>;
  let recorded: [string, string, string | undefined][];
  let codes: SetupCode[];
  let waits: Scope[];
  let stop: (() => void) | undefined;
  const start = (extra: Partial<EnrollDeps> = {}) =>
    ({ stop } = startEnrollment({
      doc: document,
      t: (key, subs) => [key, ...(subs ?? [])].join(' '),
      lang: 'ja',
      hostname: 'densenkenpo.portal.kosmo-web.jp',
      enroll: async () => reply,
      openUnlock: async () => undefined,
      recordDevice: (ref, label, code) => recorded.push([ref, label, code]),
      // Each request takes the next code; the last one keeps answering.
      requestCode: async () => ({ ok: true, value: codes.length > 1 ? codes.shift()! : codes[0]! }),
      waitForUnlock: (scope) => void waits.push(scope),
      ...extra,
    }));
  const button = () =>
    document
      .querySelector('pc-authenticator-enroll')
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="enroll"]');
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(readSetupPage).mockClear();
    reply = { ok: true, value: ADDED };
    recorded = [];
    codes = [{ code: '123456', refreshIn: 20 }];
    waits = [];
    document.body.innerHTML = SETUP_PAGE;
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('puts the button after the QR image, fills both fields, and records the submitted name', async () => {
    start();
    expect(button()?.closest('div')?.lang).toBe('ja');
    // After Keycloak's <br>, so no empty line between the QR and the button.
    expect(
      document.querySelector('#kc-totp-secret-qr-code + br + pc-authenticator-enroll'),
    ).not.toBeNull();
    userClick(button()!);
    await settle();
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('123456');
    expect(document.querySelector<HTMLInputElement>('#userLabel')!.value).toBe(
      'PC Authenticator (Chrome)',
    );
    expect(document.activeElement?.id).toBe('saveTOTPBtn');
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(recorded).toEqual([['r1', 'PC Authenticator (Chrome)', '123456']]);
  });

  it('keeps the code current until the form is submitted, then says which code left', async () => {
    codes = [
      { code: '123456', refreshIn: 5 },
      { code: '222222', refreshIn: 30 },
      { code: '333333', refreshIn: 30 },
    ];
    start();
    userClick(button()!);
    await settle();
    const totp = document.querySelector<HTMLInputElement>('#totp')!;
    expect(totp.value).toBe('123456');
    await vi.advanceTimersByTimeAsync(5_200);
    expect(totp.value).toBe('222222');
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(recorded).toEqual([['r1', 'PC Authenticator (Chrome)', '222222']]);
    // Submitted: the field is left as it went.
    await vi.advanceTimersByTimeAsync(31_000);
    expect(totp.value).toBe('222222');
  });

  it('leaves a code the user typed alone, and does not report it as ours', async () => {
    codes = [
      { code: '123456', refreshIn: 5 },
      { code: '222222', refreshIn: 30 },
    ];
    start();
    userClick(button()!);
    await settle();
    const totp = document.querySelector<HTMLInputElement>('#totp')!;
    totp.value = '987654';
    await vi.advanceTimersByTimeAsync(5_200);
    expect(totp.value).toBe('987654');
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(recorded).toEqual([['r1', 'PC Authenticator (Chrome)', undefined]]);
  });

  it('answers only the user’s own click, enrolls once per page load and names the host', async () => {
    const enroll = vi.fn(async () => reply);
    start({ enroll });
    button()!.click();
    button()!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(enroll).not.toHaveBeenCalled();
    expect(document.querySelector<HTMLInputElement>('#totp')!.value).toBe('');

    userClick(button()!);
    await settle();
    const status = () => button()!.parentElement!.querySelector('[role="status"]')!.textContent;
    expect(status()).toBe('enroll_added KOSMO (yamada.taro) densenkenpo.portal.kosmo-web.jp');
    userClick(button()!);
    await settle();
    expect(enroll).toHaveBeenCalledTimes(1);
    expect(status()).toBe('enroll_already densenkenpo.portal.kosmo-web.jp');
  });

  it('a second click while the first is under way sends nothing more', async () => {
    let answer: (value: Result<EnrollResult>) => void = () => {};
    const enroll = vi.fn(() => new Promise<Result<EnrollResult>>((resolve) => (answer = resolve)));
    start({ enroll });
    userClick(button()!);
    userClick(button()!);
    answer(reply);
    await settle();
    expect(enroll).toHaveBeenCalledTimes(1);
  });

  it('the unlock button answers only the user’s own click', async () => {
    reply = { ok: false, error: { key: 'error_vault_locked' } };
    const openUnlock = vi.fn(async () => undefined);
    start({ openUnlock });
    userClick(button()!);
    await settle();
    const unlock = (button()!.getRootNode() as ShadowRoot).querySelector<HTMLButtonElement>(
      '[data-testid="enroll-unlock"]',
    )!;
    unlock.click();
    expect(openUnlock).not.toHaveBeenCalled();
    userClick(unlock);
    expect(openUnlock).toHaveBeenCalledTimes(1);
  });

  it('stop() leaves the page as it was: no button, no listener, and later changes do nothing', async () => {
    const before = document.documentElement.outerHTML;
    const listeners = trackPageListeners();
    try {
      reply = { ok: false, error: { key: 'error_vault_locked' } };
      start();
      userClick(button()!);
      await settle();
      expect(waits).toHaveLength(1);
      reply = { ok: true, value: ADDED };
      userClick(button()!);
      await settle();
      expect(listeners.active()).toEqual(['submit']);

      stop!();
      expect(document.documentElement.outerHTML).toBe(before);
      expect(listeners.active()).toEqual([]);
      // The wait for an unlock ends with the controller (its port closes).
      expect(waits[0]!.stopped).toBe(true);
      document.querySelector('form')!.dispatchEvent(new Event('submit'));
      // Keycloak renders the page again: no button comes back.
      document.body.innerHTML = SETUP_PAGE;
      await vi.advanceTimersByTimeAsync(1000);
      expect(button()).toBeUndefined();
      expect(recorded).toEqual([]);
    } finally {
      listeners.restore();
    }
  });

  it('reads a page rendered late, in many changes, once — and puts the button back once', async () => {
    document.body.replaceChildren();
    start();
    expect(readSetupPage).toHaveBeenCalledTimes(1);
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    for (let i = 0; i < 20; i++) wrapper.append(document.createElement('span'));
    wrapper.insertAdjacentHTML('beforeend', SETUP_PAGE);
    expect(button()).toBeUndefined();
    await settle();
    expect(readSetupPage).toHaveBeenCalledTimes(2);
    expect(document.querySelectorAll('pc-authenticator-enroll')).toHaveLength(1);
    // The page re-renders its steps (the button goes with them): one new button.
    document.querySelector('#kc-totp-settings')!.outerHTML =
      '<ol id="kc-totp-settings"><li><img id="kc-totp-secret-qr-code" src="data:image/png;base64,AAAA"><br></li></ol>';
    await settle();
    expect(document.querySelectorAll('pc-authenticator-enroll')).toHaveLength(1);
    expect(button()).toBeDefined();
  });
});

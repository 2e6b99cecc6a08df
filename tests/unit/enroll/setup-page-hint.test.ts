// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEnrollment } from '../../../lib/enroll/enroll-controller';
import { revealBelowFold } from '../../../lib/enroll/reveal';

// Keycloak's login-config-totp.ftl in QR mode (see enroll-controller.test.ts).
const SETUP_PAGE = `<ol id="kc-totp-settings"><li><img id="kc-totp-secret-qr-code" src="data:image/png;base64, iVBORw0KGgo="><br></li></ol>
  <form id="kc-totp-settings-form" method="post" action="/x">
    <input id="totp" name="totp"><input id="userLabel" name="userLabel">
    <input type="submit" id="saveTOTPBtn" value="実行"></form>`;

const box = (top: number, height = 40) =>
  ({ top, bottom: top + height, height, left: 0, right: 100, width: 100 }) as DOMRect;

describe('the setup page tells the toolbar, and shows its button', () => {
  let stop: (() => void) | undefined;
  let told: boolean[];

  beforeEach(() => {
    vi.useFakeTimers();
    told = [];
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  const start = () =>
    ({ stop } = startEnrollment({
      doc: document,
      t: (key) => key,
      lang: 'ja',
      hostname: 'densenkenpo.portal.kosmo-web.jp',
      enroll: () => new Promise(() => undefined),
      openUnlock: async () => undefined,
      recordDevice: () => undefined,
      // The setup never gets as far as a code here: the page hint is all that is watched.
      requestCode: () => new Promise(() => undefined),
      waitForUnlock: () => undefined,
      onSetupPage: (shown) => void told.push(shown),
    }));

  it('says "setup page" once when one is shown, and "no longer" once it is gone', async () => {
    document.body.innerHTML = SETUP_PAGE;
    start();
    expect(told).toEqual([true]);
    // Unrelated changes say nothing new.
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(told).toEqual([true]);
    document.querySelector('#kc-totp-settings')!.remove();
    await vi.advanceTimersByTimeAsync(1000);
    expect(told).toEqual([true, false]);
  });

  it('says nothing on a page that is no setup page', async () => {
    document.body.innerHTML = '<form id="kc-otp-login-form"><input id="otp" name="otp"></form>';
    start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(told).toEqual([]);
  });
});

describe('revealBelowFold', () => {
  const win = (scrollY: number, innerHeight = 630) =>
    ({ scrollY, innerHeight, matchMedia: () => ({ matches: false }) }) as unknown as Window;

  it.each([
    ['below the fold, page at its top', 0, box(700), true],
    ['cut by the bottom edge', 0, box(610), true],
    ['already in view', 0, box(300), false],
    ['the user has scrolled the page', 120, box(700), false],
    ['not laid out (no height)', 0, box(700, 0), false],
  ])('%s → scrolls: %s', (_name, scrollY, rect, scrolls) => {
    const element = document.createElement('div');
    element.getBoundingClientRect = () => rect;
    const scroll = vi.fn();
    element.scrollIntoView = scroll;
    revealBelowFold(element, win(scrollY));
    expect(scroll).toHaveBeenCalledTimes(scrolls ? 1 : 0);
    if (scrolls) expect(scroll).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
  });

  it('jumps without animation when the user asked for reduced motion', () => {
    const element = document.createElement('div');
    element.getBoundingClientRect = () => box(900);
    element.scrollIntoView = vi.fn();
    const still = { scrollY: 0, innerHeight: 630, matchMedia: () => ({ matches: true }) };
    revealBelowFold(element, still as unknown as Window);
    expect(element.scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });
});

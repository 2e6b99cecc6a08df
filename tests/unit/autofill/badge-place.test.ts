// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createBadge } from '../../../lib/autofill/badge';
import { placeBadge, type Box } from '../../../lib/autofill/badge-place';
import { createScope } from '../../../lib/content/scope';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// Unstyled Keycloak 26 markup: a 170 px field, its label above, 「ログイン」 right under it.
const FIELD = box(10, 100, 170, 34);
const LABEL = box(10, 76, 140, 20);
const LOGIN = box(10, 140, 320, 40);
const BADGE = { width: 150, height: 24 };

describe('placeBadge', () => {
  it.each([
    ['inside a wide field', box(10, 100, 400, 34), [LOGIN], 1024, { left: 256, top: 105 }],
    ['right of a narrow field', FIELD, [LABEL, LOGIN], 1024, { left: 184, top: 105 }],
    ['above, when the right is the viewport’s end', FIELD, [LOGIN], 300, { left: 30, top: 72 }],
    [
      'below, when the label is above and nothing below',
      FIELD,
      [LABEL],
      300,
      { left: 30, top: 138 },
    ],
    ['nowhere: the label above, 「ログイン」 below', FIELD, [LABEL, LOGIN], 300, null],
    [
      'nowhere on the right when a link is there',
      FIELD,
      [LABEL, LOGIN, box(190, 100, 80, 30)],
      1024,
      null,
    ],
  ])('%s', (_, field, obstacles, viewport, spot) => {
    const placed = placeBadge(field, BADGE, obstacles, viewport);
    expect(placed).toEqual(spot);
    if (placed) {
      const at = box(placed.left, placed.top, BADGE.width, BADGE.height);
      for (const obstacle of obstacles) expect(overlaps(at, obstacle)).toBe(false);
    }
  });
});

it('puts a list taller than the field beside it, not over the field', () => {
  const list = { width: 150, height: 120 };
  expect(placeBadge(box(10, 100, 400, 34), list, [LOGIN], 1024)).toEqual({ left: 414, top: 57 });
});

describe('the badge on a narrow login form', () => {
  const scope = createScope();
  afterEach(() => {
    scope.stop();
    document.body.replaceChildren();
  });

  /** A form with stubbed layout (jsdom has none): field, label and button at the boxes above. */
  function narrowForm(viewportWidth: number) {
    document.body.innerHTML = `<form id="kc-otp-login-form"><label for="otp">ワンタイムパスワード</label>
      <input id="otp" name="otp"><button id="kc-login" type="submit">ログイン</button></form>`;
    const at = (selector: string, b: Box) => {
      const el = document.querySelector(selector)!;
      el.getBoundingClientRect = () =>
        DOMRect.fromRect({
          x: b.left,
          y: b.top,
          width: b.right - b.left,
          height: b.bottom - b.top,
        });
    };
    at('#otp', FIELD);
    at('label', LABEL);
    at('#kc-login', LOGIN);
    Object.defineProperty(document.documentElement, 'clientWidth', {
      value: viewportWidth,
      configurable: true,
    });
    const input = document.querySelector<HTMLInputElement>('#otp')!;
    const badge = createBadge(scope, document, input, { t: (key) => key, lang: 'ja' });
    const root = badge.host.shadowRoot!;
    const shown = root.querySelector<HTMLElement>('[data-testid="badge"]')!;
    const mini = root.querySelector<HTMLElement>('[data-testid="badge-expand"]')!;
    // jsdom measures nothing: the badge is 150 × 24, the folded icon 22 × 22.
    for (const [el, w, h] of [
      [shown, 150, 24],
      [mini, 22, 22],
    ] as const) {
      Object.defineProperty(el, 'offsetWidth', { get: () => (el.hidden ? 0 : w) });
      Object.defineProperty(el, 'offsetHeight', { get: () => (el.hidden ? 0 : h) });
    }
    badge.showCode(
      { ref: 'a', title: 'a', deviceName: null, code: '123456', secondsLeft: 20 },
      () => {},
    );
    const left = parseFloat(badge.host.style.left);
    const top = parseFloat(badge.host.style.top);
    return { shown, mini, left, top };
  }

  it('shows nothing until it has something to say, even when the page scrolls', () => {
    document.body.innerHTML = '<input id="otp">';
    const input = document.querySelector<HTMLInputElement>('#otp')!;
    const badge = createBadge(scope, document, input, { t: (key) => key, lang: 'ja' });
    badge.place();
    const parts = badge.host.shadowRoot!.querySelectorAll<HTMLElement>('[data-testid]');
    expect([...parts].map((el) => el.hidden)).toEqual([true, true]);
  });

  it('goes right of the field, not over 「ログイン」 below it', () => {
    const { shown, mini, left, top } = narrowForm(1024);
    expect(shown.hidden).toBe(false);
    expect(mini.hidden).toBe(true);
    expect(overlaps(box(left, top, 150, 24), LOGIN)).toBe(false);
    expect(left).toBeGreaterThanOrEqual(FIELD.right);
  });

  it('folds into an icon inside the field when no spot is free', () => {
    const { shown, mini, left, top } = narrowForm(300);
    expect(shown.hidden).toBe(true);
    expect(mini.hidden).toBe(false);
    const icon = box(left, top, 22, 22);
    expect(overlaps(icon, LOGIN) || overlaps(icon, LABEL)).toBe(false);
    expect(icon.left).toBeGreaterThan(FIELD.left);
    expect(icon.right).toBeLessThanOrEqual(FIELD.right);
  });
});

// Generic sites (allowed by the user): one-time-code fields, named code fields, split boxes.
import { describe, expect, it } from 'vitest';
import { detectOtpTarget } from '../../../lib/autofill/detect/detect-otp-target';
import type { OtpTarget } from '../../../lib/autofill/detect/types';
import { byId, documentOf } from './dom';

const GITHUB =
  '<form action="/sessions/two-factor"><input id="app_totp" name="app_otp" type="text" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></form>';
const GOOGLE =
  '<form><input type="tel" id="totpPin" name="totpPin" pattern="[0-9 ]*" autocomplete="one-time-code"></form>';
/** `n` one-digit boxes with ids d{from}… */
const boxes = (n: number, extra = '', from = 0): string =>
  Array.from({ length: n }, (_, i) => `<input id="d${from + i}" maxlength="1" ${extra}>`).join('');

/** The ids a target points at, to compare in one line. */
function ids(target: OtpTarget | null): string[] | null {
  if (!target) return null;
  return target.kind === 'split' ? target.inputs.map((i) => i.id) : [target.input.id];
}

describe('detectOtpTarget on generic sites', () => {
  it.each([
    ['GitHub-like', GITHUB, 'app_totp'],
    ['Google-like (tel, digits pattern, no maxlength)', GOOGLE, 'totpPin'],
    [
      'one-time-code among other tokens',
      '<input id="c" autocomplete="section-2fa one-time-code">',
      'c',
    ],
    ['named otp, maxlength 6', '<input id="c" name="otp" maxlength="6">', 'c'],
    ['8 digits: maxlength 8', '<input id="c" name="mfa_code" maxlength="8">', 'c'],
    [
      'placeholder, numeric keyboard',
      '<input id="c" placeholder="Verification code" inputmode="numeric">',
      'c',
    ],
    [
      'aria-label, type number',
      '<input id="c" type="number" aria-label="Authentication token">',
      'c',
    ],
    [
      'one-time-code wins over an earlier named field',
      '<input id="n" name="code" maxlength="6"><input id="c" autocomplete="one-time-code">',
      'c',
    ],
    [
      'the visible field, not a hidden twin',
      '<input type="hidden" name="otp" autocomplete="one-time-code"><input id="c" name="otp" maxlength="6">',
      'c',
    ],
  ])('finds a field: %s', (_name, html, id) => {
    const target = detectOtpTarget(documentOf(html), { generic: true });
    expect(target?.kind).toBe('generic');
    expect(ids(target)).toEqual([id]);
  });

  it.each([
    ['6 boxes in one row', `<div>${boxes(6, 'inputmode="numeric"')}</div>`, 6],
    ['8 boxes', `<div>${boxes(8)}</div>`, 8],
    [
      '6 boxes each in a cell',
      `<div>${Array.from({ length: 6 }, (_, i) => `<span><input id="d${i}" type="tel" maxlength="1"></span>`).join('')}</div>`,
      6,
    ],
    [
      '3 + 3 boxes around a dash',
      `<div><div>${boxes(3)}</div>-<div>${boxes(3, '', 3)}</div></div>`,
      6,
    ],
    [
      'boxes that also say one-time-code',
      `<div>${boxes(6, 'autocomplete="one-time-code"')}</div>`,
      6,
    ],
  ])('finds split one-digit boxes in DOM order: %s', (_name, html, count) => {
    const target = detectOtpTarget(documentOf(`<form>${html}</form>`), { generic: true });
    expect(target?.kind).toBe('split');
    expect(ids(target)).toEqual(Array.from({ length: count }, (_, i) => `d${i}`));
  });

  it.each([
    [
      'postal code',
      '<input name="postal-code" autocomplete="postal-code" placeholder="Postal code" maxlength="7">',
    ],
    ['zip code', '<input id="zipcode" inputmode="numeric" maxlength="6">'],
    ['coupon', '<input name="coupon_code" maxlength="8">'],
    ['promo code', '<input id="promo" name="promoCode" placeholder="Promo code" maxlength="8">'],
    ['gift card', '<input name="giftcard_code" maxlength="8">'],
    ['card CVC', '<input name="security_code" autocomplete="cc-csc" inputmode="numeric">'],
    ['phone', '<input type="tel" name="phone" autocomplete="tel-national" maxlength="8">'],
    ['captcha', '<input name="captcha_code" maxlength="6">'],
    ['search', '<input type="search" name="q" placeholder="Search by code" maxlength="6">'],
    ['username', '<input id="username" name="username" autocomplete="username" maxlength="8">'],
    ['password', '<input type="password" name="password" autocomplete="current-password">'],
    [
      'password typed as one-time-code',
      '<input type="password" name="otp" autocomplete="one-time-code">',
    ],
    ['e-mail', '<input type="email" name="code" maxlength="8">'],
    ['disabled', '<input name="otp" autocomplete="one-time-code" disabled>'],
    [
      'in a disabled fieldset',
      '<fieldset disabled><input name="otp" autocomplete="one-time-code"></fieldset>',
    ],
    ['read-only', '<input name="otp" autocomplete="one-time-code" readonly>'],
    [
      'hidden attribute on a parent',
      '<div hidden><input name="otp" autocomplete="one-time-code"></div>',
    ],
    ['display: none', '<input name="otp" maxlength="6" style="display: none">'],
    ['too short for a code', '<input name="otp" maxlength="4">'],
    ['named code but nothing says its length', '<input name="code">'],
    ['a 4-digit PIN row', `<div>${boxes(4)}</div>`],
    ['a row with a hidden box (5 visible)', `<div>${boxes(5)}<input maxlength="1" hidden></div>`],
    [
      'e-mail OTP, emailCode + resend',
      '<form><input name="emailCode" maxlength="6"><button name="resend">Resend</button></form>',
    ],
    [
      'e-mail OTP, code + resend',
      '<form><input name="code" autocomplete="one-time-code" maxlength="6"><input type="submit" name="resend"></form>',
    ],
    [
      'resend as a link',
      '<form><input name="otp" maxlength="6"><a name="resend" href="?resend">Resend</a></form>',
    ],
    [
      'resend outside, tied by form=',
      '<form id="f"><input name="otp" maxlength="6"></form><button form="f" name="resend">Resend</button>',
    ],
    [
      'no form, resend on the page',
      '<input name="otp" maxlength="6"><button name="resend">Resend</button>',
    ],
    [
      'split boxes in a resend form',
      `<form><div>${boxes(6)}</div><button name="resend">Resend</button></form>`,
    ],
  ])('never: %s', (_name, html) => {
    expect(detectOtpTarget(documentOf(html), { generic: true })).toBeNull();
  });

  it.each([
    ['GitHub-like', GITHUB],
    ['Google-like', GOOGLE],
    ['split boxes', `<div>${boxes(6)}</div>`],
  ])('finds nothing with generic: false: %s', (_name, html) => {
    expect(detectOtpTarget(documentOf(html), { generic: false })).toBeNull();
  });

  it('finds a field rendered later when run again', () => {
    const doc = documentOf('<main id="app"><p>Loading…</p></main>');
    expect(detectOtpTarget(doc, { generic: true })).toBeNull();
    byId(doc, 'app').innerHTML = GITHUB;
    expect(ids(detectOtpTarget(doc, { generic: true }))).toEqual(['app_totp']);
  });

  it('uses the isVisible it is given', () => {
    const doc = documentOf(
      '<input id="a" name="otp" maxlength="6"><input id="b" name="otp" maxlength="6">',
    );
    const notA = (el: HTMLElement): boolean => el.id !== 'a';
    expect(ids(detectOtpTarget(doc, { generic: true, isVisible: notA }))).toEqual(['b']);
    expect(detectOtpTarget(doc, { generic: true, isVisible: () => false })).toBeNull();
  });

  it('searches a shadow root passed as root', () => {
    const doc = documentOf('<div id="host"></div>');
    const shadow = byId(doc, 'host').attachShadow({ mode: 'open' });
    shadow.innerHTML = GITHUB;
    expect(detectOtpTarget(doc, { generic: true })).toBeNull();
    expect(ids(detectOtpTarget(shadow, { generic: true }))).toEqual(['app_totp']);
  });
});

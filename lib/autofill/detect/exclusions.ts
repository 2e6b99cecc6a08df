import type { IsVisible } from './types';

/** `input.type` values a code can be typed into (a missing or unknown type reads as `text`). */
const CODE_TYPES = new Set(['text', 'tel', 'number']);

/**
 * Words of fields that ask for something other than a one-time code. `e.?mail` also keeps the
 * e-mail OTP page's `emailCode` out.
 */
const NOT_A_CODE =
  /user.?name|e.?mail|postal|zip|coupon|promo|voucher|gift|discount|referr|invit|card|cc-|cvc|cvv|csc|phone|\btel\b|tel-|country|captcha|search/i;

/** The attributes that name what a field is for (never its label text: the portal is Japanese). */
export function describeInput(input: HTMLInputElement): string {
  return ['id', 'name', 'autocomplete', 'placeholder', 'aria-label']
    .map((name) => input.getAttribute(name) ?? '')
    .join(' ');
}

/**
 * Whether a form is an e-mail (or SMS) OTP form: it has a `resend` control, of any element
 * type, inside it or associated with it through `form=`. A TOTP code must never go there.
 * @see ../../../../shared/keycloak-pages.md (E-mail OTP page)
 */
export function isEmailOtpForm(form: HTMLFormElement): boolean {
  return (
    form.querySelector('[name="resend"]') !== null || form.elements.namedItem('resend') !== null
  );
}

/** Whether the code of `input` is sent by message: its form, or the page when it has none. */
export function isSentCodeField(input: HTMLInputElement, root: ParentNode): boolean {
  return input.form ? isEmailOtpForm(input.form) : root.querySelector('[name="resend"]') !== null;
}

/**
 * The default visibility check: no `hidden` attribute and no inline `display: none` or
 * `visibility: hidden` on the element or an ancestor (type `hidden` is refused elsewhere).
 */
export function isVisibleByMarkup(el: HTMLElement): boolean {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    if (e.hidden || e.style.display === 'none' || e.style.visibility === 'hidden') return false;
  }
  return true;
}

/**
 * Whether a user could type a code into `input`: a text-like type (not password, e-mail,
 * search, hidden…), enabled, writable, visible, and not named for another purpose.
 */
export function isCodeInput(input: HTMLInputElement, isVisible: IsVisible): boolean {
  return (
    CODE_TYPES.has(input.type) &&
    !input.matches(':disabled') &&
    !input.readOnly &&
    isVisible(input) &&
    !NOT_A_CODE.test(describeInput(input))
  );
}

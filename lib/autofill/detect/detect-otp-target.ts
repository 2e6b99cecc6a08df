import { isVisibleByMarkup } from './exclusions';
import { findNamedCodeInput, findOneTimeCodeInput } from './generic';
import { detectKeycloakOtp, KEYCLOAK_OTP_FORM } from './keycloak';
import { findSplitInputs } from './split';
import type { DetectOptions, OtpTarget } from './types';

/**
 * Where a one-time code goes under `root` (a document, or a shadow root), or null. Keycloak's
 * OTP entry page is always looked for; other fields only with `generic` (sites the user allowed):
 * `autocomplete="one-time-code"` first, then a row of one-digit boxes, then a field named like
 * a code. Never a password, e-mail, search, hidden, disabled or read-only field, never a field
 * named for a postal code, coupon, card…, never a form with a `resend` control (e-mail OTP).
 * Pure: reads only `root`, so it can run again whenever the page changes.
 * @see ../../../../shared/keycloak-pages.md (OTP entry page; E-mail OTP page; Other sites)
 * @see ../../../../shared/DESIGN.md (Filling the code)
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-one-time-code
 */
export function detectOtpTarget(root: ParentNode, options: DetectOptions): OtpTarget | null {
  const isVisible = options.isVisible ?? isVisibleByMarkup;
  const keycloak = detectKeycloakOtp(root, isVisible);
  // Keycloak's form decides alone: when it is not ours (e-mail OTP), nothing on the page is.
  if (keycloak || !options.generic || root.querySelector(KEYCLOAK_OTP_FORM)) return keycloak;
  const oneTimeCode = findOneTimeCodeInput(root, isVisible);
  if (oneTimeCode) return { kind: 'generic', input: oneTimeCode };
  const inputs = findSplitInputs(root, isVisible);
  if (inputs) return { kind: 'split', inputs };
  const named = findNamedCodeInput(root, isVisible);
  return named ? { kind: 'generic', input: named } : null;
}

/**
 * Whether `code` (digits, no spaces) can be filled into `target`: a split row needs one box per
 * digit, a field must not cut the code short with its `maxlength`.
 */
export function codeFitsTarget(target: OtpTarget, code: string): boolean {
  if (!/^\d+$/.test(code)) return false;
  if (target.kind === 'split') return target.inputs.length === code.length;
  return target.input.maxLength < 0 || code.length <= target.input.maxLength;
}

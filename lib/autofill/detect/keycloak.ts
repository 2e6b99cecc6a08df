import { isCodeInput, isEmailOtpForm } from './exclusions';
import { selectedDeviceName } from './keycloak-device';
import type { IsVisible, OtpTarget } from './types';

type KeycloakTarget = Extract<OtpTarget, { kind: 'keycloak' }>;

/** Keycloak's OTP entry form; the portal's e-mail OTP page reuses this id, too. */
export const KEYCLOAK_OTP_FORM = 'form#kc-otp-login-form';

/**
 * Keycloak's OTP entry page in the old `keycloak` theme (Keycloak 21–25: `autocomplete="off"`,
 * `<input type="submit" id="kc-login">`) or `keycloak.v2` (26: `autocomplete="one-time-code"`,
 * `<button id="kc-login">`). Keyed on ids and names only: the portal's labels are customised.
 * Null on the e-mail OTP page, which reuses the form id but has a `resend` control.
 * @see ../../../../shared/keycloak-pages.md (OTP entry page; E-mail OTP page)
 */
export function detectKeycloakOtp(root: ParentNode, isVisible: IsVisible): KeycloakTarget | null {
  const form = root.querySelector<HTMLFormElement>(KEYCLOAK_OTP_FORM);
  // A Keycloak page shows one step, so a resend control anywhere on it means e-mail OTP.
  if (!form || isEmailOtpForm(form) || root.querySelector('[name="resend"]')) return null;
  const input = form.querySelector<HTMLInputElement>('input#otp[name="otp"]');
  if (!input || !isCodeInput(input, isVisible)) return null;
  return {
    kind: 'keycloak',
    input,
    form,
    theme: keycloakTheme(form),
    selectedDevice: selectedDeviceName(form),
  };
}

/** The submit tells the themes apart; without it, v2's hidden credential input or classes. */
function keycloakTheme(form: HTMLFormElement): 'v1' | 'v2' {
  const submit = form.querySelector('#kc-login');
  if (submit) return submit.localName === 'button' ? 'v2' : 'v1';
  const v2 =
    form.querySelector('input#selectedCredentialId[type="hidden"]') !== null ||
    form.classList.contains('pf-v5-c-form');
  return v2 ? 'v2' : 'v1';
}

import { normalizeRecoveryCode } from './codes';

/** Keycloak's recovery codes setup page (`login-recovery-authn-code-config.ftl`) as read. */
export interface RecoverySetupPage {
  /** The codes in the site's order, as the form will submit them (no dashes). */
  codes: string[];
  /** The list the codes are shown in: our button goes right after it. */
  anchor: Element;
}

/**
 * Reads the setup page by Keycloak's ids, never its text (the portal translates it). The form's
 * hidden `generatedRecoveryAuthnCodes` (comma-separated) is what Keycloak checks on submit, so it
 * wins; without it, the items of `ol#kc-recovery-codes-list` (v1 prefixes each with `N:`, both
 * themes show dashes). Null when this is not the page, or a code does not read as one.
 * @see https://github.com/keycloak/keycloak/blob/main/themes/src/main/resources/theme/keycloak.v2/login/login-recovery-authn-code-config.ftl
 */
export function readRecoverySetupPage(root: ParentNode): RecoverySetupPage | null {
  const list = root.querySelector('ol#kc-recovery-codes-list');
  const form = root.querySelector('form#kc-recovery-codes-settings-form');
  if (!list || !form) return null;
  const hidden = form.querySelector<HTMLInputElement>('input[name="generatedRecoveryAuthnCodes"]');
  const texts = hidden?.value.trim()
    ? hidden.value.split(',')
    : [...list.querySelectorAll('li')].map((li) =>
        (li.textContent ?? '').replace(/^\s*\d+\s*[:.]\s*/, ''),
      );
  const codes = texts.map(normalizeRecoveryCode);
  if (codes.length === 0 || codes.some((code) => code === null)) return null;
  return { codes: codes as string[], anchor: list };
}

/** Keycloak's login page asking for a recovery code (`login-recovery-authn-code-input.ftl`). */
export interface RecoveryLoginPage {
  form: HTMLFormElement;
  input: HTMLInputElement;
  /** The number the page asks for (「リカバリーコード #3」), when its label names exactly one. */
  asked: number | null;
  /** The site refused the code just sent (`aria-invalid`, or the field's error under it). */
  refused: boolean;
}

/**
 * Reads the recovery code login page by its ids. The label is read for digits only: Keycloak's
 * `auth-recovery-code-prompt` is "Recovery code #{0}" in every language.
 * @see https://github.com/keycloak/keycloak/blob/main/themes/src/main/resources/theme/keycloak.v2/login/login-recovery-authn-code-input.ftl
 */
export function readRecoveryLoginPage(root: ParentNode): RecoveryLoginPage | null {
  const form = root.querySelector<HTMLFormElement>('form#kc-recovery-code-login-form');
  const input = form?.querySelector<HTMLInputElement>('input#recoveryCodeInput');
  if (!form || !input) return null;
  const label = form.querySelector('label[for="recoveryCodeInput"]')?.textContent ?? '';
  const numbers = label.match(/\d+/g) ?? [];
  const asked = numbers.length === 1 ? Number(numbers[0]) : null;
  const refused =
    input.getAttribute('aria-invalid') === 'true' ||
    form.querySelector('#input-error-recoveryCodeInput, #input-error') !== null;
  return { form, input, asked, refused };
}

/** What a page tells the worker after a recovery code was filled (see `settleRecovery`). */
export type RecoveryPageReport =
  { kind: 'asking'; asked: number | null; refused: boolean } | { kind: 'other' };

/** The report of any page: the recovery code login page, or something else. */
export function recoveryPageReport(root: ParentNode): RecoveryPageReport {
  const page = readRecoveryLoginPage(root);
  return page ? { kind: 'asking', asked: page.asked, refused: page.refused } : { kind: 'other' };
}

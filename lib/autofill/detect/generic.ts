import { describeInput, isCodeInput, isSentCodeField } from './exclusions';
import type { IsVisible } from './types';

/** Words sites use for a one-time code field (id, name, placeholder, aria-label, autocomplete). */
const CODE_WORDS =
  /otp|totp|2fa|mfa|one.?time|verification|verify|auth.?code|security.?code|token|passcode|code/i;

/** The smallest and largest code length (Keycloak allows 6 or 8 digits; some sites 7). */
export const MIN_CODE_LENGTH = 6;
export const MAX_CODE_LENGTH = 8;

/**
 * The first field marked `autocomplete="one-time-code"`, the standard signal.
 * @see https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fe-autocomplete-one-time-code
 */
export function findOneTimeCodeInput(
  root: ParentNode,
  isVisible: IsVisible,
): HTMLInputElement | null {
  return codeCandidates(root, isVisible).find(isOneTimeCode) ?? null;
}

/**
 * The first field named like a code field (`otp`, `2fa`, `token`, `code`…) whose length says
 * "code": `maxlength` 6–8, or no `maxlength` but a numeric keyboard or a digits pattern.
 * @see ../../../../shared/keycloak-pages.md (Other sites)
 */
export function findNamedCodeInput(
  root: ParentNode,
  isVisible: IsVisible,
): HTMLInputElement | null {
  return (
    codeCandidates(root, isVisible).find(
      (input) => CODE_WORDS.test(describeInput(input)) && hasCodeLength(input),
    ) ?? null
  );
}

/** Fillable fields, outside e-mail OTP forms, that a whole code fits into. */
function codeCandidates(root: ParentNode, isVisible: IsVisible): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>('input')].filter(
    (input) =>
      isCodeInput(input, isVisible) &&
      (input.maxLength < 0 || input.maxLength >= MIN_CODE_LENGTH) &&
      !isSentCodeField(input, root),
  );
}

function isOneTimeCode(input: HTMLInputElement): boolean {
  // autocomplete is a token list (`section-x one-time-code`), so match a whole token.
  return /(^|\s)one-time-code(\s|$)/i.test(input.getAttribute('autocomplete') ?? '');
}

function hasCodeLength(input: HTMLInputElement): boolean {
  if (input.maxLength >= 0) {
    return input.maxLength >= MIN_CODE_LENGTH && input.maxLength <= MAX_CODE_LENGTH;
  }
  const inputMode = input.getAttribute('inputmode') ?? '';
  const pattern = input.getAttribute('pattern') ?? '';
  return input.type === 'number' || inputMode === 'numeric' || /\\d|0-9/.test(pattern);
}

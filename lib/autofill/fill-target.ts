import type { OtpTarget } from './detect/types';
import { fillInput } from './fill-input';

/** The field(s) a code goes into; split rows get one digit each. */
export function targetInputs(target: OtpTarget): HTMLInputElement[] {
  return target.kind === 'split' ? target.inputs : [target.input];
}

/** What is in the field(s) now, digits only — to tell a user's typing from our own fill. */
export function currentValue(target: OtpTarget): string {
  return targetInputs(target)
    .map((input) => input.value)
    .join('')
    .replace(/\s/g, '');
}

/** Fills the code (never with a space) and returns what was written. */
export function fillTarget(target: OtpTarget, code: string): string {
  const digits = code.replace(/\s/g, '');
  const inputs = targetInputs(target);
  if (inputs.length === 1) fillInput(inputs[0]!, digits);
  else inputs.forEach((input, i) => fillInput(input, digits[i] ?? ''));
  return digits;
}

/** Presses the form's own submit button (so its handlers run), only when the user asked for it. */
export function submitTarget(target: OtpTarget): void {
  const form = target.kind === 'keycloak' ? target.form : targetInputs(target)[0]?.form;
  const button = form?.querySelector<HTMLElement>('#kc-login, [type="submit"]');
  if (button) button.click();
  else form?.requestSubmit();
}

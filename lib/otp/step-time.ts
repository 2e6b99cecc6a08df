/**
 * Clock arithmetic of TOTP steps, with no code generator: the popup shows codes the worker made
 * and needs only this, so otpauth and its hashes stay out of its bundle (issue 13).
 */

/** The TOTP time step holding `nowMs`. @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2 */
export function timeStep(period: number, nowMs: number): number {
  return Math.floor(nowMs / 1000 / period);
}

/**
 * Whole seconds until the TOTP code changes, from `period` (just changed) down to 1.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 */
export function secondsLeft(period: number, nowMs: number): number {
  const elapsed = Math.floor(nowMs / 1000) % period;
  return period - (elapsed < 0 ? elapsed + period : elapsed);
}

/**
 * A code split in two halves for reading: `123 456`, `1234 5678`, `123 4567` (the longer half
 * last). Codes of 4 characters or fewer are returned as they are. Copy and fill the raw code.
 */
export function formatCodeForDisplay(code: string): string {
  if (code.length <= 4) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/**
 * Whole seconds until a step later than `usedStep` begins: 0 once the current step is later.
 * Keycloak refuses a code of a step already used (unless the realm allows reuse), so a code of
 * that step or an earlier one is never offered again.
 */
export function secondsUntilUnused(
  period: number,
  nowMs: number,
  usedStep: number | null | undefined,
): number {
  if (usedStep === null || usedStep === undefined || timeStep(period, nowMs) > usedStep) return 0;
  return Math.max(1, Math.ceil(((usedStep + 1) * period * 1000 - nowMs) / 1000));
}

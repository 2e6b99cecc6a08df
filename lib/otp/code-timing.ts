import { generateCode } from './code';
import { secondsLeft, timeStep } from './step-time';
import type { OtpParams } from './types';

/**
 * A code with this many seconds or fewer left is not put in a form as "the current code": it
 * could expire between the fill and the server's check.
 */
export const MIN_SECONDS_LEFT = 3;

/**
 * The TOTP step whose code is `code`, among the current one and its neighbours (Keycloak's
 * default look-around of one step accepts those). Null for HOTP or a code of none of them.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-5.2
 */
export function stepOfCode(account: OtpParams, code: string, nowMs: number): number | null {
  if (account.type !== 'totp') return null;
  const now = timeStep(account.period, nowMs);
  for (const step of [now, now - 1, now + 1]) {
    if (generateCode(account, step * account.period * 1000) === code) return step;
  }
  return null;
}

/** What a setup page's code field should hold now, and when to look again. */
export interface SetupFill {
  code: string;
  /** The TOTP step of `code` (null for HOTP). */
  step: number | null;
  /** Seconds until another code should replace this one (0: never, HOTP). */
  refreshIn: number;
}

/**
 * The code for a setup page's field: the current one, or — with {@link MIN_SECONDS_LEFT} or
 * fewer left — the next one, which Keycloak already accepts (one step of look-around) and which
 * stays good while the user reads the page. A HOTP code does not age.
 */
export function setupFill(account: OtpParams, nowMs: number): SetupFill {
  if (account.type === 'hotp')
    return { code: generateCode(account, nowMs), step: null, refreshIn: 0 };
  const left = secondsLeft(account.period, nowMs);
  const step = timeStep(account.period, nowMs);
  if (left > MIN_SECONDS_LEFT) {
    return { code: generateCode(account, nowMs), step, refreshIn: left - MIN_SECONDS_LEFT };
  }
  const next = generateCode(account, (step + 1) * account.period * 1000);
  return { code: next, step: step + 1, refreshIn: left + account.period - MIN_SECONDS_LEFT };
}

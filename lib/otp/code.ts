import { HOTP, Secret, TOTP } from 'otpauth';
import { normalizeBase32 } from './base32';
import { COUNTER_RANGE, IMPORT_LIMITS, parseInteger } from './fields';
import type { OtpParams } from './types';

/**
 * The code to show now: TOTP for the time step holding `nowMs`, HOTP for `params.counter`
 * (then `nowMs` is unused). Uses the `otpauth` package. Throws {@link OtpError} for a broken
 * secret or digits/period/counter no authenticator could use (1–10 digits, period ≥ 1 s);
 * stored accounts were checked when added, so this only guards against corrupt data.
 * @see https://www.rfc-editor.org/rfc/rfc6238#section-4.2
 * @see https://www.rfc-editor.org/rfc/rfc4226#section-5.3
 */
export function generateCode(params: OtpParams, nowMs: number): string {
  const secret = Secret.fromBase32(normalizeBase32(params.secret, { minBytes: 1 }));
  const digits = parseInteger('digits', params.digits, IMPORT_LIMITS.digits);
  if (params.type === 'hotp') {
    const counter = parseInteger('counter', params.counter, COUNTER_RANGE);
    return HOTP.generate({ secret, algorithm: params.algorithm, digits, counter });
  }
  const period = parseInteger('period', params.period, [1, Number.MAX_SAFE_INTEGER]);
  return TOTP.generate({ secret, algorithm: params.algorithm, digits, period, timestamp: nowMs });
}

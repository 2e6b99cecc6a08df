import { describe, expect, it } from 'vitest';
import { generateCode } from '../../../lib/otp/code';
import { formatCodeForDisplay, secondsLeft } from '../../../lib/otp/step-time';
import type { OtpParams } from '../../../lib/otp/types';
import { expectOtpError } from './expect-otp-error';

/** Base32 of the RFC 6238 SHA1 seed "12345678901234567890". */
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const TOTP: OtpParams = {
  type: 'totp',
  secret: RFC_KEY,
  algorithm: 'SHA1',
  digits: 8,
  period: 30,
  counter: 0,
};

describe('generateCode', () => {
  it('keeps a code for the whole step and changes at its end', () => {
    // RFC 6238 Appendix B: T = 1111111109 s (step 37037036) → 07081804, 1111111111 → 14050471.
    expect(generateCode(TOTP, 1111111080_000)).toBe('07081804');
    expect(generateCode(TOTP, 1111111109_999)).toBe('07081804');
    expect(generateCode(TOTP, 1111111110_000)).toBe('14050471');
  });

  it('reads the key in any accepted form', () => {
    const grouped = { ...TOTP, secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' };
    expect(generateCode(grouped, 59_000)).toBe('94287082');
  });

  it('ignores the time for HOTP', () => {
    const hotp: OtpParams = { ...TOTP, type: 'hotp', digits: 6, counter: 1 };
    expect(generateCode(hotp, 0)).toBe('287082');
    expect(generateCode(hotp, 1e12)).toBe('287082');
  });

  it.each<[string, Partial<OtpParams>, string, string]>([
    ['an empty secret', { secret: '' }, 'secret', 'empty'],
    ['a broken secret', { secret: 'GEZD!' }, 'secret', 'invalid-char'],
    ['0 digits', { digits: 0 }, 'digits', 'out-of-range'],
    ['period 0', { period: 0 }, 'period', 'out-of-range'],
    ['a fractional period', { period: 0.5 }, 'period', 'not-a-number'],
    ['a negative HOTP counter', { type: 'hotp', counter: -1 }, 'counter', 'out-of-range'],
  ])('refuses %s', (_, over, field, reason) => {
    expectOtpError(() => generateCode({ ...TOTP, ...over }, 0), field as 'secret', reason);
  });
});

describe('secondsLeft', () => {
  it.each([
    [30, 0, 30],
    [30, 999, 30],
    [30, 1_000, 29],
    [30, 29_000, 1],
    [30, 29_999, 1],
    [30, 30_000, 30],
    [60, 59_500, 1],
    [60, 1_735_689_600_000, 60],
    [30, 1_111_111_109_000, 1],
    [1, 123_456, 1],
    [30, -1_000, 1],
  ])('period %i s at %i ms → %i', (period, nowMs, left) => {
    expect(secondsLeft(period, nowMs)).toBe(left);
  });

  it('stays within 1..period over a whole minute', () => {
    for (let ms = 0; ms < 60_000; ms += 250) {
      const left = secondsLeft(30, ms);
      expect(Number.isInteger(left) && left >= 1 && left <= 30).toBe(true);
    }
  });
});

describe('formatCodeForDisplay', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['12345', '12 345'],
    ['1234567890', '12345 67890'],
    ['1234', '1234'],
    ['', ''],
  ])('%s → %s', (code, shown) => {
    expect(formatCodeForDisplay(code)).toBe(shown);
    expect(formatCodeForDisplay(code).replace(' ', '')).toBe(code);
  });
});

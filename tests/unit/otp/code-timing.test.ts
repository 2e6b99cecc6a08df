import { describe, expect, it } from 'vitest';
import { setupFill, stepOfCode } from '../../../lib/otp/code-timing';
import { secondsUntilUnused } from '../../../lib/otp/step-time';
import type { OtpParams } from '../../../lib/otp/types';

// RFC 6238 appendix B, SHA1 seed "12345678901234567890", 6 digits of the 8-digit vectors.
const RFC: OtpParams = {
  type: 'totp',
  secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};
const S = 1000;

describe('the step of a submitted code', () => {
  it.each([
    ['the current step', '050471', 1_111_111_111 * S, 37_037_037],
    ['the step before (Keycloak still accepts it)', '081804', 1_111_111_111 * S, 37_037_036],
    ['the step after', '050471', 1_111_111_109 * S, 37_037_037],
    ['no neighbouring step', '287082', 1_111_111_111 * S, null],
    ['not a code at all', 'abcdef', 1_111_111_111 * S, null],
  ])('%s', (_name, code, now, step) => {
    expect(stepOfCode(RFC, code, now)).toBe(step);
  });

  it('is none for HOTP', () => {
    expect(stepOfCode({ ...RFC, type: 'hotp' }, '755224', 0)).toBeNull();
  });
});

describe('waiting for a step after the used one', () => {
  // Step 100 of 30 s spans 3000 s to 3030 s.
  it.each([
    ['nothing used', null, 3_010 * S, 0],
    ['an earlier step used', 99, 3_010 * S, 0],
    ['this step used, 20 s to go', 100, 3_010 * S, 20],
    ['this step used, 0.4 s to go', 100, 3_029_600, 1],
    ['the next step used (accepted early)', 101, 3_010 * S, 50],
    ['the used step just ended', 100, 3_030 * S, 0],
  ])('%s', (_name, used, now, seconds) => {
    expect(secondsUntilUnused(30, now, used)).toBe(seconds);
  });
});

describe('the code a setup page holds', () => {
  it.each([
    [
      '26 s left: the current code, look again in 23 s',
      1_111_111_084 * S,
      '081804',
      37_037_036,
      23,
    ],
    ['4 s left: still the current one', 1_111_111_106 * S, '081804', 37_037_036, 1],
    ['3 s left: the next one, good for the next 30 s', 1_111_111_107 * S, '050471', 37_037_037, 30],
    ['1 s left: the next one', 1_111_111_109 * S, '050471', 37_037_037, 28],
  ])('%s', (_name, now, code, step, refreshIn) => {
    expect(setupFill(RFC, now)).toEqual({ code, step, refreshIn });
  });

  it('HOTP: the counter’s code, never renewed', () => {
    expect(setupFill({ ...RFC, type: 'hotp' }, 0)).toEqual({
      code: '755224',
      step: null,
      refreshIn: 0,
    });
  });
});

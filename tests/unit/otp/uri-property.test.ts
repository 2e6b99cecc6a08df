import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../lib/otp/base32';
import { formatOtpauthUri, parseOtpauthUri } from '../../../lib/otp/uri';
import { isOtpError } from '../../../lib/otp/errors';
import type { AccountData } from '../../../lib/otp/types';

const RUNS = { numRuns: 10_000 };

/** Only an OtpError may come out of the parser: anything else would be a crash in the UI. */
function parsesOrExplains(text: string): void {
  try {
    parseOtpauthUri(text);
  } catch (error) {
    if (!isOtpError(error)) throw error;
  }
}

const label = fc.string({ maxLength: 40 }).map((s) => s.trim());
const account: fc.Arbitrary<AccountData> = fc
  .record({
    issuer: label,
    name: label.filter((s) => s.length > 0),
    secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map(encodeBase32),
    type: fc.constantFrom('totp' as const, 'hotp' as const),
    algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
    digits: fc.integer({ min: 6, max: 8 }),
    period: fc.integer({ min: 1, max: 300 }),
    counter: fc.integer({ min: 0, max: 2 ** 40 }),
  })
  .map((a) => ({
    ...a,
    period: a.type === 'totp' ? a.period : 30,
    counter: a.type === 'hotp' ? a.counter : 0,
    sites: [],
  }));

describe('otpauth:// parser, on anything', () => {
  it('never throws anything but OtpError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => parsesOrExplains(s)),
      RUNS,
    );
  });

  it('never throws anything but OtpError behind the otpauth:// scheme', () => {
    const tail = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(
      fc.property(fc.constantFrom('totp', 'hotp', 'TOTP', 'steam', ''), tail, (type, rest) =>
        parsesOrExplains(`otpauth://${type}/${rest}`),
      ),
      RUNS,
    );
  });

  it('never throws anything but OtpError on mangled query strings', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constant('%'),
    );
    const params = fc.dictionary(
      fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'x'),
      value,
    );
    fc.assert(
      fc.property(label, params, (l, p) =>
        parsesOrExplains(`otpauth://totp/${encodeURIComponent(l)}?${new URLSearchParams(p)}`),
      ),
      RUNS,
    );
  });

  it('gives back the same account after format → parse, for any valid account', () => {
    fc.assert(
      fc.property(account, (a) => {
        expect(parseOtpauthUri(formatOtpauthUri(a))).toEqual(a);
      }),
      RUNS,
    );
  });
});

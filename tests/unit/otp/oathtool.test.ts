import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../lib/otp/base32';
import { accountView } from '../../../lib/otp/account-codes';
import { generateCode } from '../../../lib/otp/code';
import type { OtpAlgorithm, OtpParams } from '../../../lib/otp/types';

/**
 * Cross-checks against OATH Toolkit's `oathtool`, an independent implementation. CI installs
 * it; when it is missing these tests fail (they never skip). The key goes through stdin so it
 * never appears in a process list or a test title.
 */
function oathtool(args: string[], base32: string): string[] {
  try {
    return execFileSync('oathtool', [...args, '--base32', '-'], {
      input: `${base32}\n`,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'oathtool is not installed, so the OTP cross-checks cannot run. ' +
          'Install OATH Toolkit (Debian/Ubuntu: apt-get install oathtool).',
        { cause: err },
      );
    }
    throw err;
  }
}

/** Deterministic keys of several lengths, including lengths that end in a partial Base32 block. */
const KEYS = [10, 15, 20, 26, 32, 64].map((bytes, i) =>
  encodeBase32(
    createHash('sha512').update(`pc-authenticator oathtool key ${i}`).digest().subarray(0, bytes),
  ),
);
const keyBytes = (key: string): number => Math.floor((key.length * 5) / 8);
const keyAt = (i: number): string => KEYS[i % KEYS.length] ?? '';

const ALGORITHMS: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const DIGITS = [6, 7, 8];
const PERIODS = [30, 60];
/** Seconds: the epoch, RFC edges, today-ish, past 2038 (32-bit time) and far future. */
const TIMES = [0, 59, 1111111109, 1735689599, 2147483648, 4102444800];

const TOTP_CASES = ALGORITHMS.flatMap((algorithm) =>
  DIGITS.flatMap((digits) =>
    PERIODS.flatMap((period) => TIMES.map((seconds) => ({ algorithm, digits, period, seconds }))),
  ),
).map((c, i) => ({ ...c, key: keyAt(i), bytes: keyBytes(keyAt(i)), extraMs: (i % 2) * 999 }));

const HOTP_COUNTERS = [
  0,
  1,
  9,
  1000,
  2 ** 31 - 1,
  2 ** 32,
  2 ** 40 + 5,
  Number.MAX_SAFE_INTEGER - 3,
];
const HOTP_CASES = DIGITS.flatMap((digits) =>
  HOTP_COUNTERS.map((counter) => ({ digits, counter })),
).map((c, i) => ({ ...c, key: keyAt(i), bytes: keyBytes(keyAt(i)) }));

describe('TOTP matches oathtool', () => {
  it.each(TOTP_CASES)(
    '$algorithm, $digits digits, $period s, T=$seconds s, $bytes-byte key',
    ({ algorithm, digits, period, seconds, key, extraMs }) => {
      const expected = oathtool(
        [
          `--totp=${algorithm}`,
          `--digits=${digits}`,
          `--time-step-size=${period}s`,
          `--now=@${seconds}`,
          '--window=1',
        ],
        key,
      );
      const params: OtpParams = {
        type: 'totp',
        secret: key,
        algorithm,
        digits,
        period,
        counter: 0,
      };
      const nowMs = seconds * 1000 + extraMs;
      // What a page gets: the worker's current and next code, as the popup shows them.
      const account = {
        ...params,
        id: 'a',
        order: 0,
        updatedAt: 0,
        issuer: '',
        name: 'n',
        sites: [],
      };
      const codes = accountView(account, nowMs).codes;
      expect([generateCode(params, nowMs), codes?.current, codes?.next]).toEqual([
        expected[0],
        ...expected,
      ]);
    },
  );
});

describe('HOTP matches oathtool (SHA1: oathtool has no other HOTP hash)', () => {
  it.each(HOTP_CASES)(
    '$digits digits, counter $counter, $bytes-byte key',
    ({ digits, counter, key }) => {
      const expected = oathtool([`--digits=${digits}`, `--counter=${counter}`, '--window=3'], key);
      const codes = [0, 1, 2, 3].map((step) =>
        generateCode(
          {
            type: 'hotp',
            secret: key,
            algorithm: 'SHA1',
            digits,
            period: 30,
            counter: counter + step,
          },
          0,
        ),
      );
      expect(codes).toEqual(expected);
    },
  );
});

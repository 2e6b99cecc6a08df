import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../lib/otp/base32';
import { generateCode } from '../../../lib/otp/code';
import type { OtpAlgorithm, OtpParams } from '../../../lib/otp/types';

const ascii = (text: string): string => encodeBase32(new TextEncoder().encode(text));

/** The public seeds of RFC 4226 Appendix D and RFC 6238 Appendix B. */
const SEED_20 = '12345678901234567890';
const SEEDS: Record<OtpAlgorithm, string> = {
  SHA1: SEED_20,
  SHA256: SEED_20 + '123456789012',
  SHA512: SEED_20.repeat(3) + '1234',
};

/** @see https://www.rfc-editor.org/rfc/rfc4226#appendix-D */
const HOTP_VECTORS: [counter: number, code: string][] = [
  [0, '755224'],
  [1, '287082'],
  [2, '359152'],
  [3, '969429'],
  [4, '338314'],
  [5, '254676'],
  [6, '287922'],
  [7, '162583'],
  [8, '399871'],
  [9, '520489'],
];

/** @see https://www.rfc-editor.org/rfc/rfc6238#appendix-B */
const TOTP_VECTORS: [seconds: number, algorithm: OtpAlgorithm, code: string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

describe('RFC 4226 Appendix D (HOTP)', () => {
  it('uses the 20-byte seed', () => {
    expect(SEEDS.SHA1).toHaveLength(20);
  });

  it.each(HOTP_VECTORS)('counter %i → %s', (counter, code) => {
    const params: OtpParams = {
      type: 'hotp',
      secret: ascii(SEED_20),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter,
    };
    expect(generateCode(params, 0)).toBe(code);
  });
});

describe('RFC 6238 Appendix B (TOTP, 8 digits, 30 s)', () => {
  it('uses seeds of 20, 32 and 64 bytes', () => {
    expect([SEEDS.SHA1.length, SEEDS.SHA256.length, SEEDS.SHA512.length]).toEqual([20, 32, 64]);
  });

  it.each(TOTP_VECTORS)('T = %i s, %s → %s', (seconds, algorithm, code) => {
    const params: OtpParams = {
      type: 'totp',
      secret: ascii(SEEDS[algorithm]),
      algorithm,
      digits: 8,
      period: 30,
      counter: 0,
    };
    expect(generateCode(params, seconds * 1000)).toBe(code);
  });
});

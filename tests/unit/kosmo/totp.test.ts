import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  totp,
  verifyHotp,
  verifyTotp,
  type Algorithm,
} from '../../fixtures/kosmo/totp.mjs';
import { oathtool } from './client';

const seeds: Record<Algorithm, Buffer> = {
  SHA1: Buffer.from('12345678901234567890'),
  SHA256: Buffer.from('12345678901234567890123456789012'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238 Appendix B.
const rfc6238: [number, string, Algorithm][] = [
  [59, '94287082', 'SHA1'],
  [59, '46119246', 'SHA256'],
  [59, '90693936', 'SHA512'],
  [1111111109, '07081804', 'SHA1'],
  [1111111109, '68084774', 'SHA256'],
  [1111111109, '25091201', 'SHA512'],
  [1111111111, '14050471', 'SHA1'],
  [1111111111, '67062674', 'SHA256'],
  [1111111111, '99943326', 'SHA512'],
  [1234567890, '89005924', 'SHA1'],
  [1234567890, '91819424', 'SHA256'],
  [1234567890, '93441116', 'SHA512'],
  [2000000000, '69279037', 'SHA1'],
  [2000000000, '90698825', 'SHA256'],
  [2000000000, '38618901', 'SHA512'],
  [20000000000, '65353130', 'SHA1'],
  [20000000000, '77737706', 'SHA256'],
  [20000000000, '47863826', 'SHA512'],
];

// RFC 4226 Appendix D.
const rfc4226 = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

describe('kosmo totp.mjs', () => {
  it.each(rfc6238)('RFC 6238 T=%d → %s (%s)', (seconds, expected, algorithm) => {
    expect(totp(seeds[algorithm], { algorithm, digits: 8, time: seconds * 1000 })).toBe(expected);
  });

  it('RFC 4226 HOTP values', () => {
    rfc4226.forEach((expected, counter) => expect(hotp(seeds.SHA1, counter)).toBe(expected));
  });

  it('Base32 matches RFC 4648 and round-trips', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb-oi====').toString()).toBe('foobar');
    const bytes = randomBytes(37);
    expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    expect(() => base32Decode('MZ1')).toThrow();
  });

  it('agrees with oathtool for TOTP across algorithms, digits, periods and times', () => {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      for (const [digits, period] of [
        [6, 30],
        [8, 60],
      ] as const) {
        const key = randomBytes(20);
        const seconds = 1_700_000_000 + Math.floor(Math.random() * 100_000_000);
        const expected = oathtool([
          `--totp=${algorithm.toLowerCase()}`,
          '-b',
          `--digits=${digits}`,
          `--time-step-size=${period}s`,
          `--now=@${seconds}`,
          base32Encode(key),
        ]);
        expect(totp(key, { algorithm, digits, period, time: seconds * 1000 })).toBe(expected);
      }
    }
  });

  it('agrees with oathtool for HOTP', () => {
    const key = randomBytes(20);
    for (const counter of [0, 1, 42, 123456]) {
      const expected = oathtool(['-b', `--counter=${counter}`, base32Encode(key)]);
      expect(hotp(key, counter)).toBe(expected);
    }
  });

  it('accepts the current code within ±1 step only', () => {
    const key = seeds.SHA1;
    const time = 1_111_111_111_000;
    const step = Math.floor(time / 30_000);
    expect(verifyTotp(key, totp(key, { time }), { time })).toBe(step);
    expect(verifyTotp(key, totp(key, { time: time - 30_000 }), { time })).toBe(step - 1);
    expect(verifyTotp(key, totp(key, { time: time + 30_000 }), { time })).toBe(step + 1);
    expect(verifyTotp(key, totp(key, { time: time - 60_000 }), { time })).toBeNull();
    expect(verifyTotp(key, totp(key, { time: time + 60_000 }), { time })).toBeNull();
    expect(verifyTotp(key, 'abcdef', { time })).toBeNull();
    expect(verifyTotp(key, '12345', { time })).toBeNull();
  });

  it('HOTP verification looks ahead one counter', () => {
    const key = seeds.SHA1;
    expect(verifyHotp(key, rfc4226[3] ?? '', 3)).toBe(3);
    expect(verifyHotp(key, rfc4226[4] ?? '', 3)).toBe(4);
    expect(verifyHotp(key, rfc4226[5] ?? '', 3)).toBeNull();
    expect(verifyHotp(key, rfc4226[2] ?? '', 3)).toBeNull();
  });
});

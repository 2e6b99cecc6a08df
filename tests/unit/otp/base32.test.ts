import { describe, expect, it } from 'vitest';
import {
  MIN_SECRET_BYTES,
  decodeBase32,
  encodeBase32,
  normalizeBase32,
} from '../../../lib/otp/base32';
import { otpErrorKey } from '../../../lib/otp/errors';
import { expectOtpError } from './expect-otp-error';

/** Base32 of the RFC 4226 seed "12345678901234567890". */
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_BYTES = new TextEncoder().encode('12345678901234567890');

describe('RFC 4648 test vectors', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encode(%j) = %j and back', (text, base32) => {
    const bytes = new TextEncoder().encode(text);
    expect(encodeBase32(bytes)).toBe(base32);
    if (base32 !== '') expect(decodeBase32(base32, { minBytes: 0 })).toEqual(bytes);
  });

  it('round-trips every length from 1 to 70 bytes', () => {
    for (let n = 1; n <= 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
      expect(decodeBase32(encodeBase32(bytes), { minBytes: 1 })).toEqual(bytes);
    }
  });
});

describe('tolerant input', () => {
  it.each([
    ['Keycloak groups of 4', 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ'],
    ['lower case', 'gezdgnbvgy3tqojqgezdgnbvgy3tqojq'],
    ['mixed case and dashes', 'gezd-GNBV-gy3t-QOJQ-gezd-GNBV-gy3t-QOJQ'],
    ['outer and repeated spaces', '  GEZDGNBV  GY3TQOJQ\tGEZDGNBV\nGY3TQOJQ  '],
    [
      'full-width letters and ideographic spaces',
      'ＧＥＺＤ　ＧＮＢＶ　ＧＹ３Ｔ　ＱＯＪＱ　ＧＥＺＤＧＮＢＶＧＹ３ＴＱＯＪＱ',
    ],
    ['katakana long-vowel dashes', 'GEZDーGNBVーGY3TーQOJQーGEZDーGNBVーGY3TーQOJQ'],
    ['needless trailing padding', `${RFC_KEY}==`],
  ])('%s', (_, input) => {
    expect(normalizeBase32(input)).toBe(RFC_KEY);
    expect(decodeBase32(input)).toEqual(RFC_BYTES);
  });

  it.each([
    ['padded to a block', 'JBSWY3DPEHPK3PXPJA======', 'JBSWY3DPEHPK3PXPJA'],
    ['padding with spaces', 'jbsw y3dp ehpk 3pxp ja== ====', 'JBSWY3DPEHPK3PXPJA'],
    ['short padding', 'JBSWY3DPEHPK3PXPJA=', 'JBSWY3DPEHPK3PXPJA'],
    ['16 characters (80 bits)', 'JBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXP'],
  ])('%s', (_, input, clean) => {
    expect(normalizeBase32(input)).toBe(clean);
  });

  it('accepts the minimum length and no less', () => {
    expect(MIN_SECRET_BYTES).toBe(10);
    expect(decodeBase32('JBSWY3DPEHPK3PXP')).toHaveLength(10);
    expectOtpError(() => decodeBase32('JBSWY3DPEHPK3PX'), 'secret', 'too-short');
  });
});

describe('rejects', () => {
  it.each([
    ['empty', '', 'empty'],
    ['only spaces', '   　 ', 'empty'],
    ['only padding', '====', 'empty'],
    ['too short', 'JBSWY3DP', 'too-short'],
    ['one extra character (17)', 'JBSWY3DPEHPK3PXPJ', 'invalid-length'],
    ['three leftover characters', 'JBSWY3DPEHPK3PXPJBS', 'invalid-length'],
    ['six leftover characters', 'JBSWY3DPEHPK3PXPJBSWY3', 'invalid-length'],
  ])('%s', (_, input, reason) => {
    expectOtpError(() => normalizeBase32(input), 'secret', reason);
    expectOtpError(() => decodeBase32(input), 'secret', reason);
  });

  it.each([
    ['a letter-like symbol', 'JBSWY3DPÉHPK3PXP', 'invalid-char', 8],
    ['punctuation', 'JBSWY3DP.EHPK3PXP', 'invalid-char', 8],
    ['a Japanese character', 'キーJBSWY3DPEHPK3PXP', 'invalid-char', 0],
    ['the digit 0', 'JBSWY3DP0HPK3PXP', 'confusable-char', 8],
    ['the digit 1 after a space', 'JBSW Y3DP 1HPK 3PXP', 'confusable-char', 10],
    ['the digit 8', '8BSWY3DPEHPK3PXP', 'confusable-char', 0],
    ['a full-width 9', 'JBSWY3DP９HPK3PXP', 'confusable-char', 8],
    ['padding in the middle', 'JBSWY3DP==EHPK3PXP', 'invalid-char', 8],
  ])('%s, with its index', (_, input, reason, index) => {
    const err = expectOtpError(() => normalizeBase32(input), 'secret', reason);
    expect(err.index).toBe(index);
  });

  it('never puts the key in the error message', () => {
    const secret = 'JBSWY3DPEHPK3PXP!';
    const err = expectOtpError(() => normalizeBase32(secret), 'secret', 'invalid-char');
    expect(err.message).not.toContain('JBSWY3DP');
    expect(err.message).not.toContain('!');
    expect(otpErrorKey(err)).toBe('error_secret_invalid_char');
  });
});

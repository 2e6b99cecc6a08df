import { describe, expect, it } from 'vitest';
import {
  OTP_ERROR_KEYS,
  OTP_ERROR_REASONS,
  OtpError,
  allOtpErrorKeys,
  isOtpError,
  otpErrorKey,
} from '../../../lib/otp/errors';
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';

/** The words of a message key, read from `messages.json` (the only copy). */
const words = (messages: Record<string, { message: string }>, key: string) =>
  messages[key]?.message;

describe('OtpError', () => {
  it('carries a field, a reason and a message naming its key, field and reason', () => {
    const err = new OtpError('digits', 'out-of-range');
    expect(err).toBeInstanceOf(Error);
    expect(isOtpError(err)).toBe(true);
    expect(isOtpError(new Error('x'))).toBe(false);
    expect(err.name).toBe('OtpError');
    expect([err.field, err.reason, err.index]).toEqual(['digits', 'out-of-range', undefined]);
    expect(err.message).toBe('error_digits_out_of_range (digits: out-of-range)');
    expect(words(en, otpErrorKey(err))).toBe(
      'This number of digits is not supported (usually 6 or 8).',
    );
  });

  it('adds a 1-based position to the message', () => {
    const err = new OtpError('secret', 'invalid-char', { index: 4 });
    expect(err.index).toBe(4);
    expect(err.message).toContain('position 5)');
  });

  it('maps to snake-case message keys', () => {
    expect(otpErrorKey(new OtpError('secret', 'invalid-char'))).toBe('error_secret_invalid_char');
    expect(otpErrorKey(new OtpError('uri', 'not-otpauth'))).toBe('error_uri_not_otpauth');
  });
});

describe('OTP error message keys', () => {
  const keys = allOtpErrorKeys();

  it('has exactly one message per field and reason', () => {
    const pairs = Object.values(OTP_ERROR_REASONS).reduce((n, reasons) => n + reasons.length, 0);
    expect(new Set(keys).size).toBe(pairs);
    for (const [field, reasons] of Object.entries(OTP_ERROR_REASONS)) {
      expect(Object.keys(OTP_ERROR_KEYS[field as keyof typeof OTP_ERROR_KEYS]).sort()).toEqual(
        [...reasons].sort(),
      );
    }
  });

  it.each(keys)('%s is a valid messages.json key with Japanese and English text', (key) => {
    expect(key).toMatch(/^[a-z0-9_]+$/);
    const jaText = words(ja, key) ?? '';
    const enText = words(en, key) ?? '';
    expect(jaText).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(enText).toMatch(/^[A-Z].*[.?]$/);
    // `$` starts a placeholder in messages.json.
    expect(jaText + enText).not.toContain('$');
  });
});

import { describe, expect, it } from 'vitest';
import {
  OTP_ERROR_MESSAGES,
  OTP_ERROR_REASONS,
  OtpError,
  allOtpErrorKeys,
  isOtpError,
  otpErrorKey,
} from '../../../lib/otp';

describe('OtpError', () => {
  it('carries a field, a reason and an English message', () => {
    const err = new OtpError('digits', 'out-of-range');
    expect(err).toBeInstanceOf(Error);
    expect(isOtpError(err)).toBe(true);
    expect(isOtpError(new Error('x'))).toBe(false);
    expect(err.name).toBe('OtpError');
    expect([err.field, err.reason, err.index]).toEqual(['digits', 'out-of-range', undefined]);
    expect(err.message).toBe(OTP_ERROR_MESSAGES.error_digits_out_of_range.en);
  });

  it('adds a 1-based position to the message', () => {
    const err = new OtpError('secret', 'invalid-char', { index: 4 });
    expect(err.index).toBe(4);
    expect(err.message).toContain('(position 5)');
  });

  it('maps to snake-case message keys', () => {
    expect(otpErrorKey(new OtpError('secret', 'invalid-char'))).toBe('error_secret_invalid_char');
    expect(otpErrorKey(new OtpError('uri', 'not-otpauth'))).toBe('error_uri_not_otpauth');
  });
});

describe('OTP_ERROR_MESSAGES', () => {
  const keys = allOtpErrorKeys();

  it('has exactly one message per field and reason', () => {
    const pairs = Object.values(OTP_ERROR_REASONS).reduce((n, reasons) => n + reasons.length, 0);
    expect(new Set(keys).size).toBe(pairs);
    expect(Object.keys(OTP_ERROR_MESSAGES).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is a valid messages.json key with Japanese and English text', (key) => {
    expect(key).toMatch(/^[a-z0-9_]+$/);
    const { ja, en } = OTP_ERROR_MESSAGES[key];
    expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(en).toMatch(/^[A-Z].*[.?]$/);
    // `$` starts a placeholder in messages.json.
    expect(ja + en).not.toContain('$');
  });
});

import { expect } from 'vitest';
import { OtpError, type OtpErrorField } from '../../../lib/otp/errors';

/** Runs `fn`, expects an {@link OtpError} with this field and reason, and returns it. */
export function expectOtpError(fn: () => unknown, field: OtpErrorField, reason: string): OtpError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(OtpError);
  const err = thrown as OtpError;
  expect({ field: err.field, reason: err.reason }).toEqual({ field, reason });
  return err;
}

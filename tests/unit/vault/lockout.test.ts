import { describe, expect, it } from 'vitest';
import {
  LOCKOUT_POLICY,
  NO_LOCKOUT,
  lockoutDelayMs,
  lockoutRemainingMs,
  parseLockout,
} from '../../../lib/vault/lockout';

describe('lockout policy', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [8, 8000],
    [13, 256_000],
    [14, 300_000],
    [1000, 300_000],
  ])('after %i failures the next attempt waits %i ms', (failures, delay) => {
    expect(lockoutDelayMs(failures)).toBe(delay);
  });

  it.each([
    [{ failures: 5, lastFailureAt: 10_000 }, 10_000, 1000],
    [{ failures: 5, lastFailureAt: 10_000 }, 10_999, 1],
    [{ failures: 5, lastFailureAt: 10_000 }, 11_000, 0],
    [{ failures: 6, lastFailureAt: 10_000 }, 10_500, 1500],
    [{ failures: 4, lastFailureAt: 10_000 }, 10_000, 0],
    // The clock went backwards: never more than the full delay.
    [{ failures: 5, lastFailureAt: 10_000 }, 0, 1000],
  ])('%o at %i → %i ms left', (state, now, left) => {
    expect(lockoutRemainingMs(state, now)).toBe(left);
  });

  it.each([
    [undefined],
    ['x'],
    [{ failures: -1, lastFailureAt: 0 }],
    [{ failures: 1.5, lastFailureAt: 0 }],
    [{ failures: 3, lastFailureAt: 'now' }],
  ])('a malformed stored state %o counts as no failures', (value) => {
    expect(parseLockout(value)).toEqual(NO_LOCKOUT);
  });

  it('the cap is 5 minutes', () => {
    expect(LOCKOUT_POLICY.maxDelayMs).toBe(5 * 60_000);
  });
});

/**
 * The growing delay after wrong master passwords. Pure: the caller supplies the time.
 *
 * Five attempts are free; after the 5th failure the next attempt waits 1 s, then 2, 4, 8 … s,
 * capped at 5 minutes. Nothing is ever deleted.
 */

/** What is stored under `meta['lockout']`. */
export interface LockoutState {
  failures: number;
  lastFailureAt: number;
}

/** The delay policy. */
export const LOCKOUT_POLICY = Object.freeze({
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
});

/** No failures recorded. */
export const NO_LOCKOUT: Readonly<LockoutState> = Object.freeze({ failures: 0, lastFailureAt: 0 });

/** How long the next attempt must wait after `failures` consecutive failures. */
export function lockoutDelayMs(failures: number): number {
  const { freeFailures, baseDelayMs, maxDelayMs } = LOCKOUT_POLICY;
  if (!(failures >= freeFailures)) return 0;
  const doublings = Math.min(failures - freeFailures, 30);
  return Math.min(baseDelayMs * 2 ** doublings, maxDelayMs);
}

/**
 * Milliseconds left before an attempt is accepted at `now` (0 = go ahead). Never more than the
 * full delay, even if the clock went backwards.
 */
export function lockoutRemainingMs(state: LockoutState, now: number): number {
  const delay = lockoutDelayMs(state.failures);
  if (delay === 0) return 0;
  const remaining = state.lastFailureAt + delay - now;
  return Math.max(0, Math.min(delay, remaining));
}

/** The state after one more failure at `now`. */
export function withFailure(state: LockoutState, now: number): LockoutState {
  return { failures: state.failures + 1, lastFailureAt: now };
}

/**
 * Reads a stored lockout state. Anything malformed counts as no failures: a damaged counter must
 * not lock the owner out for good.
 */
export function parseLockout(value: unknown): LockoutState {
  if (typeof value !== 'object' || value === null) return NO_LOCKOUT;
  const { failures, lastFailureAt } = value as Partial<Record<keyof LockoutState, unknown>>;
  if (!Number.isSafeInteger(failures) || (failures as number) < 0) return NO_LOCKOUT;
  if (typeof lastFailureAt !== 'number' || !Number.isFinite(lastFailureAt)) return NO_LOCKOUT;
  return { failures: failures as number, lastFailureAt };
}

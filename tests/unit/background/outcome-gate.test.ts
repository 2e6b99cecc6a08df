import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutcomeGate } from '../../../lib/background/outcome-gate';

/** Whether `promise` has settled by now (after pending microtasks). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('the outcome gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a tab’s requests until its outcome is heard, and only that tab’s', async () => {
    const gate = new OutcomeGate();
    const first = gate.wait(7, 3_000);
    const second = gate.wait(7, 3_000);
    const other = gate.wait(8, 3_000);
    expect(await settled(first)).toBe(false);
    gate.heard(7);
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(true);
    expect(await settled(other)).toBe(false);
  });

  it('lets a request go after the timeout when the outcome never comes', async () => {
    const gate = new OutcomeGate();
    const waiting = gate.wait(7, 3_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
    // Forgotten: the tab's next wait is held again, until its own outcome or timeout.
    const next = gate.wait(7, 3_000);
    expect(await settled(next)).toBe(false);
    gate.heard(7);
    expect(await settled(next)).toBe(true);
  });

  it('an outcome heard before anyone waited lets no later wait through: that one waits for its own', async () => {
    const gate = new OutcomeGate();
    gate.heard(7);
    const waiting = gate.wait(7, 3_000);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await settled(waiting)).toBe(true);
  });
});

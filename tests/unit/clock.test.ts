import { describe, expect, it } from 'vitest';
import { clockOffsetMs, isClockOff, parseClockOffset } from '../../lib/clock';

const T = Date.parse('2026-11-24T12:00:00.000Z');

describe('clock check', () => {
  it.each([
    ['in step', 'Tue, 24 Nov 2026 12:00:00 GMT', T, T + 200, 400],
    ['server 15 s ahead', 'Tue, 24 Nov 2026 12:00:15 GMT', T, T + 200, 15_400],
    ['server 1 minute behind', 'Tue, 24 Nov 2026 11:59:00 GMT', T, T + 200, -59_600],
  ])('%s', (_name, header, sent, received, expected) => {
    expect(clockOffsetMs(header, sent, received)).toBe(expected);
  });

  it.each([null, '', 'yesterday-ish'])('has no answer for a header %j', (header) => {
    expect(clockOffsetMs(header, T, T)).toBeNull();
  });

  it.each([
    [null, false],
    [9_999, false],
    [-10_000, false],
    [10_001, true],
    [-60_000, true],
  ])('%j ms off → warn: %s', (offset, warn) => {
    expect(isClockOff(offset)).toBe(warn);
  });

  it.each([
    [5000, 5000],
    ['5000', 0],
    [Number.NaN, 0],
    [1e12, 0],
    [undefined, 0],
  ])('stored %j → %j', (raw, expected) => {
    expect(parseClockOffset(raw)).toBe(expected);
  });
});

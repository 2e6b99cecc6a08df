import { describe, expect, it } from 'vitest';
import {
  clockOffsetMs,
  clockSource,
  clockWarning,
  CORRECTION_MAX_MS,
  isClockOff,
  isCorrectable,
  offsetFor,
  parseClockCorrection,
} from '../../lib/clock';

const T = Date.parse('2026-11-24T12:00:00.000Z');
const KOSMO = 'https://densenkenpo.portal.kosmo-web.jp';
const SIBLING = 'https://evil.kosmo-web.jp';
const OTHER = 'https://example.com';

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
    [0, true],
    [95_000, true],
    [CORRECTION_MAX_MS, true],
    [-CORRECTION_MAX_MS, true],
    [CORRECTION_MAX_MS + 1, false],
    [-3 * 3_600_000, false],
    [Number.NaN, false],
  ])('an offset of %j ms can be corrected here: %s', (offset, correctable) => {
    expect(isCorrectable(offset)).toBe(correctable);
  });

  it.each([
    [
      { origin: KOSMO, offsetMs: 5000 },
      { origin: KOSMO, offsetMs: 5000 },
    ],
    [
      { origin: KOSMO, offsetMs: -CORRECTION_MAX_MS },
      { origin: KOSMO, offsetMs: -600_000 },
    ],
    [{ origin: KOSMO, offsetMs: 3 * 3_600_000 }, null],
    [{ origin: `${KOSMO}/path`, offsetMs: 5000 }, null],
    [{ origin: 'javascript:alert(1)', offsetMs: 5000 }, null],
    [{ origin: KOSMO, offsetMs: '5000' }, null],
    [{ offsetMs: 5000 }, null],
    // What older versions stored: a bare number for every account.
    [5000, null],
    [undefined, null],
  ])('stored %j → %j', (raw, expected) => {
    expect(parseClockCorrection(raw)).toEqual(expected);
  });
});

describe('which site the clock check asks', () => {
  it.each([
    ['none bound', [{ sites: [] }], null],
    ['bound by the user', [{ sites: [KOSMO], trustedSites: [KOSMO] }], KOSMO],
    ['bound only by an imported backup', [{ sites: [SIBLING] }], null],
    [
      'an imported sibling before a bound site',
      [
        { sites: [SIBLING], trustedSites: [] },
        { sites: [KOSMO], trustedSites: [KOSMO] },
      ],
      KOSMO,
    ],
    ['trusted once, unbound since', [{ sites: [], trustedSites: [KOSMO] }], null],
    ['a trusted site that is not KOSMO', [{ sites: [OTHER], trustedSites: [OTHER] }], null],
  ])('%s → %s', (_name, accounts, expected) => {
    expect(clockSource(accounts)).toBe(expected);
  });
});

describe('which accounts a correction applies to', () => {
  const correction = { origin: KOSMO, offsetMs: 95_000 };
  it.each([
    ['bound to the measured site', [KOSMO], correction, 95_000],
    ['bound to it and to another', [OTHER, KOSMO], correction, 95_000],
    ['bound to a sibling subdomain', [SIBLING], correction, 0],
    ['bound to no site', [], correction, 0],
    ['no correction', [KOSMO], null, 0],
  ])('%s → %d ms', (_name, sites, stored, expected) => {
    expect(offsetFor(sites, stored)).toBe(expected);
  });
});

describe('the warning', () => {
  const check = (offsetMs: number | null) => ({ at: T, origin: KOSMO, offsetMs });
  it.each([
    ['no check', null, null, null],
    ['no usable Date', check(null), null, null],
    ['in step', check(4000), null, null],
    ['95 s off', check(95_000), null, { origin: KOSMO, offsetMs: 95_000, correctable: true }],
    ['95 s off, corrected', check(95_000), { origin: KOSMO, offsetMs: 94_000 }, null],
    [
      '95 s off, corrected for another site',
      check(95_000),
      { origin: SIBLING, offsetMs: 95_000 },
      { origin: KOSMO, offsetMs: 95_000, correctable: true },
    ],
    [
      '3 hours off: explained, not corrected',
      check(-3 * 3_600_000),
      null,
      { origin: KOSMO, offsetMs: -10_800_000, correctable: false },
    ],
  ])('%s', (_name, last, correction, expected) => {
    expect(clockWarning(last, correction)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import {
  deviceState,
  isFreshRefusal,
  refusalReason,
  type RefusalFacts,
  type RefusalReason,
} from '../../../lib/otp/refusal-reason';

/** A refusal with nothing else wrong: a first refusal of a fresh code, right clock, no chooser. */
const BASE: RefusalFacts = {
  clockOffsetMs: 400,
  correctable: true,
  codeStep: 100,
  usedBefore: 99,
  waitSeconds: 0,
  device: 'none',
  freshRefusals: 1,
};

describe('why a code was refused', () => {
  it.each<[string, Partial<RefusalFacts>, RefusalReason]>([
    ['nothing found: try the next code', {}, { kind: 'retry' }],
    [
      'the server is 95 s ahead',
      { clockOffsetMs: 95_000 },
      { kind: 'clock', offsetMs: 95_000, correctable: true },
    ],
    [
      'the server is 3 h behind, too far to correct here',
      { clockOffsetMs: -10_800_000, correctable: false },
      { kind: 'clock', offsetMs: -10_800_000, correctable: false },
    ],
    ['10 s off is still within the tolerance', { clockOffsetMs: 10_000 }, { kind: 'retry' }],
    ['an unknown clock is not blamed', { clockOffsetMs: null }, { kind: 'retry' }],
    [
      'the clock comes before a used step',
      { clockOffsetMs: -60_000, codeStep: 99, usedBefore: 99 },
      { kind: 'clock', offsetMs: -60_000, correctable: true },
    ],
    [
      'the step was used by the last login',
      { codeStep: 99, usedBefore: 99, waitSeconds: 12 },
      { kind: 'used', waitSeconds: 12 },
    ],
    [
      'an earlier step than the used one',
      { codeStep: 98, usedBefore: 99, waitSeconds: 5 },
      { kind: 'used', waitSeconds: 5 },
    ],
    ['no used step known', { usedBefore: null }, { kind: 'retry' }],
    ['a code of no step (HOTP)', { codeStep: null, usedBefore: 99 }, { kind: 'retry' }],
    [
      'a used step comes before the chooser',
      { codeStep: 100, usedBefore: 100, device: 'other', waitSeconds: 3 },
      { kind: 'used', waitSeconds: 3 },
    ],
    ['another device is selected', { device: 'other' }, { kind: 'device' }],
    [
      'another device, even after many refusals',
      { device: 'other', freshRefusals: 5 },
      { kind: 'device' },
    ],
    [
      'several devices, ours unknown: check the chooser first',
      { device: 'unknown' },
      { kind: 'device' },
    ],
    [
      'several devices, ours unknown, refused twice: the key',
      { device: 'unknown', freshRefusals: 2 },
      { kind: 'wrong-key' },
    ],
    ['our device is selected', { device: 'ours' }, { kind: 'retry' }],
    ['two fresh refusals in a row: the key', { freshRefusals: 2 }, { kind: 'wrong-key' }],
    [
      'the clock wins over a suspect key',
      { freshRefusals: 3, clockOffsetMs: 40_000 },
      { kind: 'clock', offsetMs: 40_000, correctable: true },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(refusalReason({ ...BASE, ...facts })).toEqual(expected);
  });

  it.each<[string, Partial<RefusalFacts>, boolean]>([
    ['a fresh code, right clock', {}, true],
    ['the clock was off', { clockOffsetMs: 30_000 }, false],
    ['the step was used', { codeStep: 99, usedBefore: 99 }, false],
    ['the chooser does not matter', { device: 'other' }, true],
  ])('counts toward "wrong key" only when fresh and well timed: %s', (_name, facts, fresh) => {
    expect(isFreshRefusal({ ...BASE, ...facts })).toBe(fresh);
  });

  const chooser = (selected: string | null, ...labels: string[]) => ({ labels, selected });
  it.each<[string, ReturnType<typeof chooser> | null, string | undefined, RefusalFacts['device']]>([
    ['no chooser', null, 'PC', 'none'],
    ['one device', chooser('PC', 'PC'), 'PC', 'none'],
    ['ours selected', chooser('PC', 'Phone', 'PC'), 'PC', 'ours'],
    ['the phone selected', chooser('Phone', 'Phone', 'PC'), 'PC', 'other'],
    ['our name not recorded', chooser('Phone', 'Phone', 'PC'), undefined, 'unknown'],
    ['our name not in the list', chooser('Phone', 'Phone', 'Tablet'), 'PC', 'unknown'],
  ])('the device chooser: %s', (_name, devices, deviceName, expected) => {
    expect(deviceState(devices, deviceName)).toBe(expected);
  });
});

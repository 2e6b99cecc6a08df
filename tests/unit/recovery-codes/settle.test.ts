import { describe, expect, it } from 'vitest';
import {
  RECOVERY_AWAIT_MS,
  parseRecoveryAwait,
  settleRecovery,
  type RecoveryAwait,
} from '../../../lib/recovery-codes/settle';

const SITE = 'https://densenkenpo.portal.kosmo-web.jp';
const WAIT: RecoveryAwait = {
  tabId: 7,
  origin: SITE,
  accountId: 'a1',
  index: 2,
  inOrder: true,
  submitted: true,
  at: 1_000,
};
const here = { tabId: 7, origin: SITE };

describe('whether a filled recovery code was taken', () => {
  it.each([
    ['used: the site went on to another page', WAIT, here, { kind: 'other' }, 'used'],
    [
      'used: the login went on to another site',
      WAIT,
      { tabId: 7, origin: 'https://app.example' },
      { kind: 'other' },
      'used',
    ],
    [
      'used: the site asks for the next number',
      WAIT,
      here,
      { kind: 'asking', asked: 4, refused: false },
      'used',
    ],
    [
      'unused: the site refused it',
      WAIT,
      here,
      { kind: 'asking', asked: 3, refused: true },
      'unused',
    ],
    [
      'unused: the same number again',
      WAIT,
      here,
      { kind: 'asking', asked: 3, refused: false },
      'unused',
    ],
    [
      'unused: the page was left without sending it',
      { ...WAIT, submitted: false },
      here,
      { kind: 'other' },
      'unused',
    ],
    ['keep: a page of another tab', WAIT, { tabId: 8, origin: SITE }, { kind: 'other' }, 'keep'],
  ] as const)('%s', (_name, wait, from, report, outcome) => {
    expect(settleRecovery(wait, from, report, 2_000)).toBe(outcome);
  });

  it('forgets a fill nobody followed up', () => {
    const late = WAIT.at + RECOVERY_AWAIT_MS + 1;
    expect(settleRecovery(WAIT, { tabId: 8, origin: SITE }, { kind: 'other' }, late)).toBe(
      'unused',
    );
  });

  it('reads back only a whole record', () => {
    expect(parseRecoveryAwait(WAIT)).toEqual(WAIT);
    expect(parseRecoveryAwait({ ...WAIT, extra: 1 })).toEqual(WAIT);
    expect(parseRecoveryAwait({ ...WAIT, index: -1 })).toBeNull();
    expect(parseRecoveryAwait({ ...WAIT, origin: 5 })).toBeNull();
    expect(parseRecoveryAwait({ ...WAIT, submitted: 'yes' })).toBeNull();
    expect(parseRecoveryAwait(null)).toBeNull();
    expect(parseRecoveryAwait('x')).toBeNull();
  });
});

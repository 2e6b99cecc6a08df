import { describe, expect, it } from 'vitest';
import {
  MAX_RECOVERY_CODES,
  codeToOffer,
  markUsed,
  newRecoveryCodes,
  normalizeRecoveryCode,
  recoveryCount,
  unusedRecoveryCodes,
} from '../../../lib/recovery-codes/codes';
import type { RecoveryCode } from '../../../lib/otp/types';

const list = (...used: boolean[]): RecoveryCode[] =>
  used.map((u, i) => ({ code: `CODE${i + 1}AAAAAAA`.slice(0, 12), used: u }));

describe('recovery codes', () => {
  it.each([
    ['ABCD-EFGH-JKLM', 'ABCDEFGHJKLM'],
    [' abcd efgh 1234 ', 'abcdefgh1234'],
    ['X7Q2M9PZ4RTA', 'X7Q2M9PZ4RTA'],
    ['ABC', null],
    ['ABCD_EFGH', null],
    ['ＡＢＣＤＥＦＧＨ', null],
    ['', null],
    ['A'.repeat(65), null],
  ])('normalizes %j to %j', (text, code) => {
    expect(normalizeRecoveryCode(text)).toBe(code);
  });

  it('takes a page list only whole: every entry a code, none twice, 1–50 of them', () => {
    expect(newRecoveryCodes(['AAAA-BBBB-CCCC', 'DDDDEEEEFFFF'])).toEqual([
      { code: 'AAAABBBBCCCC', used: false },
      { code: 'DDDDEEEEFFFF', used: false },
    ]);
    expect(newRecoveryCodes([])).toBeNull();
    expect(newRecoveryCodes(['AAAABBBBCCCC', 'not a code!'])).toBeNull();
    expect(newRecoveryCodes(['AAAABBBBCCCC', 'AAAA-BBBB-CCCC'])).toBeNull();
    const many = Array.from({ length: MAX_RECOVERY_CODES + 1 }, (_, i) => `CODE${1000 + i}`);
    expect(newRecoveryCodes(many)).toBeNull();
    expect(newRecoveryCodes(many.slice(1))).toHaveLength(MAX_RECOVERY_CODES);
  });

  it('lists the unused codes with their numbers in the site list (for the emergency kit)', () => {
    const account = { recoveryCodes: list(true, false, true, false) };
    expect(unusedRecoveryCodes(account)).toEqual([
      { number: 2, code: account.recoveryCodes[1]!.code },
      { number: 4, code: account.recoveryCodes[3]!.code },
    ]);
    expect(unusedRecoveryCodes({})).toEqual([]);
    expect(recoveryCount(account)).toEqual({ total: 4, unused: 2 });
    expect(recoveryCount({})).toBeNull();
    expect(recoveryCount({ recoveryCodes: [] })).toBeNull();
  });

  it.each([
    ['the first unused when the page names no number', list(true, false, false), null, 1],
    ['none when every code is used', list(true, true), null, null],
    ['the number the page asks for', list(false, false, false), 3, 2],
    ['the asked one even if marked used here (the site says it is not)', list(true, true), 2, 1],
    ['none for a number beyond the list', list(false, false), 3, null],
    ['none for number 0', list(false), 0, null],
  ])('offers %s', (_name, codes, asked, index) => {
    expect(codeToOffer(codes, asked)).toBe(index);
  });

  it('marks a code used, and every earlier one when the site takes them in order', () => {
    const codes = list(false, false, false, false);
    expect(markUsed(codes, 2, false).map((c) => c.used)).toEqual([false, false, true, false]);
    expect(markUsed(codes, 2, true).map((c) => c.used)).toEqual([true, true, true, false]);
    expect(markUsed(list(false, true), 0, false).map((c) => c.used)).toEqual([true, true]);
    // The input is not changed.
    expect(codes.every((c) => !c.used)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { filterAccounts } from '../../lib/account-search';
import type { Account } from '../../lib/otp/types';
import { passwordStrength } from '../../lib/password-strength';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings';

const account = (issuer: string, name: string): Account => ({
  id: `${issuer}/${name}`,
  order: 0,
  updatedAt: 0,
  issuer,
  name,
  secret: 'JBSWY3DPEHPK3PXP',
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
});

describe('filterAccounts', () => {
  const list = [
    account('電線工業健康保険組合', '1234567'),
    account('KOSMO Web', 'taro'),
    account('GitHub', 'kosmo-dev'),
  ];
  it.each([
    ['', 3],
    ['  ', 3],
    ['kosmo', 2],
    ['ＫＯＳＭＯ', 2],
    ['健康保険', 1],
    ['123', 1],
    ['nothing', 0],
  ])('%j matches %i', (query, count) => {
    expect(filterAccounts(list, query)).toHaveLength(count);
  });
});

describe('passwordStrength', () => {
  it.each([
    ['password', 'weak'],
    ['Password12', 'fair'],
    ['Tr0ub4dor&3x', 'strong'],
    ['correct horse battery staple', 'strong'],
    ['ひらがなだけのながいぱすわーどです', 'strong'],
  ])('%j is %s', (password, strength) => {
    expect(passwordStrength(password)).toBe(strength);
  });
});

describe('parseSettings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    ['garbage', DEFAULT_SETTINGS],
    [{ autoLockMinutes: 5 }, { ...DEFAULT_SETTINGS, autoLockMinutes: 5 }],
    [{ autoLockMinutes: 0 }, { ...DEFAULT_SETTINGS, autoLockMinutes: 0 }],
    [
      { autoFill: false, submitAfterFill: true },
      { ...DEFAULT_SETTINGS, autoFill: false, submitAfterFill: true },
    ],
    [{ autoFill: 'yes' }, DEFAULT_SETTINGS],
    [{ autoLockMinutes: -1 }, DEFAULT_SETTINGS],
    [{ autoLockMinutes: 2.5 }, DEFAULT_SETTINGS],
    [{ autoLockMinutes: '5' }, DEFAULT_SETTINGS],
  ])('%j → %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

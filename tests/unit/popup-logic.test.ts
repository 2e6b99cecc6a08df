import { describe, expect, it } from 'vitest';
import { moveAccount, pinnedFirst } from '../../lib/account-order';
import { filterAccounts } from '../../lib/account-search';
import type { Account } from '../../lib/otp/types';
import { passwordStrength } from '../../lib/password-strength';
import { DEFAULT_SETTINGS, deviceNameFor, parseSettings } from '../../lib/settings';

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
    [{ clipboardSeconds: 0 }, { ...DEFAULT_SETTINGS, clipboardSeconds: 0 }],
    [{ clipboardSeconds: 120 }, { ...DEFAULT_SETTINGS, clipboardSeconds: 120 }],
    [{ clipboardSeconds: 20 }, DEFAULT_SETTINGS],
    [{ clipboardSeconds: '30' }, DEFAULT_SETTINGS],
    [{ deviceName: '  自宅のPC  ' }, { ...DEFAULT_SETTINGS, deviceName: '自宅のPC' }],
    [{ deviceName: 'x'.repeat(80) }, { ...DEFAULT_SETTINGS, deviceName: 'x'.repeat(64) }],
    [{ deviceName: 42 }, DEFAULT_SETTINGS],
  ])('%j → %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('the device name given at enrollment', () => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36';
  const edge = `${chrome} Edg/140.0`;
  it.each([
    ['', chrome, 'PC Authenticator (Chrome)'],
    ['', edge, 'PC Authenticator (Edge)'],
    ['自宅のPC', edge, '自宅のPC'],
  ])('%j on %s → %s', (deviceName, userAgent, expected) => {
    expect(deviceNameFor({ ...DEFAULT_SETTINGS, deviceName }, userAgent)).toBe(expected);
  });
});

describe('pinned accounts first', () => {
  const list = [
    { ...account('A', 'a'), id: 'a' },
    { ...account('B', 'b'), id: 'b', pinned: true },
    { ...account('C', 'c'), id: 'c' },
    { ...account('D', 'd'), id: 'd', pinned: true },
  ];
  it('keeps the stored order within pinned and unpinned', () => {
    expect(pinnedFirst(list).map((a) => a.id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it.each([
    [2, 3, ['b', 'd', 'c', 'a']],
    [3, 2, ['b', 'd', 'c', 'a']],
    [1, 0, ['d', 'b', 'a', 'c']],
    // An unpinned account stops right below the pinned ones; a pinned one right above the rest.
    [2, 0, null],
    [3, 0, ['b', 'd', 'c', 'a']],
    [0, 3, ['d', 'b', 'a', 'c']],
    [0, -1, null],
    [3, 4, null],
  ])('moving %i to %i → %j', (from, to, expected) => {
    expect(moveAccount(list, from, to)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { checkAccountData, normalizeSecret } from '../../../lib/vault/account-data';
import { sampleAccount } from './helpers';

describe('checkAccountData', () => {
  it('returns exactly the AccountData fields', () => {
    expect(checkAccountData({ ...sampleAccount(), id: 'x', order: 3 })).toEqual(sampleAccount());
  });

  it.each([
    ['type', { type: 'steam' }],
    ['secret', { secret: '' }],
    ['secret', { secret: 'JBSWY3DP====' }],
    ['secret', { secret: 'jbswy3dp' }],
    ['algorithm', { algorithm: 'sha1' }],
    ['digits', { digits: 11 }],
    ['digits', { digits: 6.5 }],
    ['period', { period: 0 }],
    ['counter', { counter: -1 }],
    ['issuer', { issuer: null }],
    ['name', { name: 7 }],
    ['sites', { sites: 'https://a.example' }],
    ['sites', { sites: [1] }],
    ['user', { user: 3 }],
    ['pending', { pending: 'yes' }],
    ['recoveryCodes', { recoveryCodes: ['abc'] }],
    ['recoveryCodes', { recoveryCodes: [{ code: 'abc', used: 'no' }] }],
  ])('rejects a bad %s without echoing the value', (field, change) => {
    const call = () => checkAccountData({ ...sampleAccount(), ...change });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^account\\.${field} `));
    expect(call).not.toThrow(/JBSWY3DP/);
  });

  it('keeps the user name, a pending mark and recovery codes, and drops empty ones', () => {
    const codes = [{ code: 'ab12cd', used: false, extra: 1 }];
    expect(
      checkAccountData({ ...sampleAccount(), user: 'tanaka', pending: true, recoveryCodes: codes }),
    ).toEqual({
      ...sampleAccount(),
      user: 'tanaka',
      pending: true,
      recoveryCodes: [{ code: 'ab12cd', used: false }],
    });
    expect(
      checkAccountData({ ...sampleAccount(), user: '', pending: false, recoveryCodes: [] }),
    ).toEqual(sampleAccount());
  });

  it.each([
    ['jbsw y3dp', 'JBSWY3DP'],
    ['JBSW-Y3DP====', 'JBSWY3DP'],
    ['\tjbswy3dp\n', 'JBSWY3DP'],
  ])('normalizeSecret(%j) → %s', (input, output) => {
    expect(normalizeSecret(input)).toBe(output);
  });
});

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
  ])('rejects a bad %s without echoing the value', (field, change) => {
    const call = () => checkAccountData({ ...sampleAccount(), ...change });
    expect(call).toThrow(TypeError);
    expect(call).toThrow(new RegExp(`^account\\.${field} `));
    expect(call).not.toThrow(/JBSWY3DP/);
  });

  it.each([
    ['jbsw y3dp', 'JBSWY3DP'],
    ['JBSW-Y3DP====', 'JBSWY3DP'],
    ['\tjbswy3dp\n', 'JBSWY3DP'],
  ])('normalizeSecret(%j) → %s', (input, output) => {
    expect(normalizeSecret(input)).toBe(output);
  });
});

import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, MAX_LABEL_LENGTH } from '../../../lib/otp/fields';
import { validateAccountData, type AccountInput } from '../../../lib/otp/account';
import type { AccountData } from '../../../lib/otp/types';
import { expectOtpError } from './expect-otp-error';

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const DEFAULTS: AccountData = {
  type: 'totp',
  issuer: '',
  name: '',
  secret: KEY,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
};

describe('validateAccountData', () => {
  it.each<[string, AccountInput, Partial<AccountData>]>([
    ['only a key: Keycloak defaults', { secret: KEY }, {}],
    [
      'a typed Keycloak key and names',
      {
        issuer: ' 電線健保 ',
        name: 'user@example.com\n',
        secret: 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp',
      },
      { issuer: '電線健保', name: 'user@example.com' },
    ],
    [
      'form text for numbers and a lower-case algorithm',
      { secret: KEY, algorithm: 'sha256', digits: '8', period: ' 60 ' },
      { algorithm: 'SHA256', digits: 8, period: 60 },
    ],
    ['full-width digits', { secret: KEY, digits: '８', period: '６０' }, { digits: 8, period: 60 }],
    ['SHA-512 spelling', { secret: KEY, algorithm: 'SHA-512' }, { algorithm: 'SHA512' }],
    [
      'blank optional fields take defaults',
      { secret: KEY, type: '', algorithm: ' ', digits: '', period: '', counter: '' },
      {},
    ],
    [
      'HOTP with a counter',
      { secret: KEY, type: 'HOTP', counter: '5' },
      { type: 'hotp', counter: 5 },
    ],
    [
      'HOTP resets the period',
      { secret: KEY, type: 'hotp', period: 60, counter: 1 },
      { type: 'hotp', counter: 1 },
    ],
    ['TOTP resets the counter', { secret: KEY, counter: 9 }, {}],
    [
      'sites are copied',
      { secret: KEY, sites: ['https://densenkenpo.portal.kosmo-web.jp'] },
      { sites: ['https://densenkenpo.portal.kosmo-web.jp'] },
    ],
    ['tabs in a name become spaces', { secret: KEY, name: 'a\tb' }, { name: 'a b' }],
  ])('%s', (_, input, expected) => {
    expect(validateAccountData(input)).toEqual({ ...DEFAULTS, ...expected });
  });

  it('accepts AccountData itself unchanged', () => {
    const account: AccountData = { ...DEFAULTS, issuer: 'A', name: 'b', type: 'hotp', counter: 3 };
    expect(validateAccountData(account)).toEqual(account);
  });

  it.each<[string, AccountInput, string, string]>([
    ['no key', {}, 'secret', 'empty'],
    ['a blank key', { secret: '   ' }, 'secret', 'empty'],
    ['a cut-short key', { secret: 'JBSW Y3DP' }, 'secret', 'too-short'],
    [
      'a typed 0 in the key',
      { secret: 'JBSWY3DPEHPK3PXP0BSWY3DPEHPK3PXP' },
      'secret',
      'confusable-char',
    ],
    ['an unknown type', { secret: KEY, type: 'steam' }, 'type', 'unknown'],
    ['MD5', { secret: KEY, algorithm: 'MD5' }, 'algorithm', 'unknown'],
    ['5 digits', { secret: KEY, digits: 5 }, 'digits', 'out-of-range'],
    ['9 digits', { secret: KEY, digits: '9' }, 'digits', 'out-of-range'],
    ['6.5 digits', { secret: KEY, digits: 6.5 }, 'digits', 'not-a-number'],
    ['NaN digits', { secret: KEY, digits: NaN }, 'digits', 'not-a-number'],
    ['period 0', { secret: KEY, period: 0 }, 'period', 'out-of-range'],
    ['period 301', { secret: KEY, period: '301' }, 'period', 'out-of-range'],
    ['period 30s', { secret: KEY, period: '30s' }, 'period', 'not-a-number'],
    ['counter -1', { secret: KEY, type: 'hotp', counter: -1 }, 'counter', 'out-of-range'],
    ['counter 2^53', { secret: KEY, type: 'hotp', counter: 2 ** 53 }, 'counter', 'out-of-range'],
    [
      'counter 1e3 as text',
      { secret: KEY, type: 'hotp', counter: '1e3' },
      'counter',
      'not-a-number',
    ],
    [
      'a long issuer',
      { secret: KEY, issuer: 'あ'.repeat(MAX_LABEL_LENGTH + 1) },
      'issuer',
      'too-long',
    ],
    ['a long name', { secret: KEY, name: 'x'.repeat(MAX_LABEL_LENGTH + 1) }, 'name', 'too-long'],
  ])('rejects %s', (_, input, field, reason) => {
    expectOtpError(() => validateAccountData(input), field as 'secret', reason);
  });

  it('accepts the longest names', () => {
    const name = '𠮷'.repeat(MAX_LABEL_LENGTH);
    expect(validateAccountData({ secret: KEY, issuer: name, name }).name).toBe(name);
  });

  it('uses wider limits for imports', () => {
    const input = { secret: 'MZXW6YTBOI', digits: 10, period: 3600 };
    expect(validateAccountData(input, IMPORT_LIMITS)).toMatchObject(input);
    expectOtpError(
      () => validateAccountData({ ...input, digits: 11 }, IMPORT_LIMITS),
      'digits',
      'out-of-range',
    );
  });
});

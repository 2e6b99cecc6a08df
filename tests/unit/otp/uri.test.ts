import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { formatOtpauthUri, parseOtpauthUri } from '../../../lib/otp/uri';
import type { AccountData } from '../../../lib/otp/types';
import { expectOtpError } from './expect-otp-error';

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** 電線健保, percent-encoded UTF-8 as Keycloak writes a Japanese realm name. */
const DENSEN = '%E9%9B%BB%E7%B7%9A%E5%81%A5%E4%BF%9D';

const totp = (over: Partial<AccountData>): AccountData => ({
  type: 'totp',
  issuer: '',
  name: '',
  secret: KEY,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  sites: [],
  ...over,
});

describe('parseOtpauthUri', () => {
  it.each<[string, string, AccountData]>([
    [
      'Keycloak, Japanese realm',
      `otpauth://totp/${DENSEN}:user%40example.com?secret=${KEY}&digits=6&algorithm=SHA1&issuer=${DENSEN}&period=30`,
      totp({ issuer: '電線健保', name: 'user@example.com' }),
    ],
    [
      'Keycloak, 8 digits, SHA256, 60 s, + for a space in the account',
      `otpauth://totp/Acme%20Corp:taro+yamada?secret=${KEY}&digits=8&algorithm=SHA256&issuer=Acme%20Corp&period=60`,
      totp({
        issuer: 'Acme Corp',
        name: 'taro yamada',
        digits: 8,
        algorithm: 'SHA256',
        period: 60,
      }),
    ],
    [
      'Keycloak HOTP with a counter',
      `otpauth://hotp/${DENSEN}:u1?secret=${KEY}&digits=6&algorithm=SHA512&issuer=${DENSEN}&counter=42`,
      totp({ type: 'hotp', issuer: '電線健保', name: 'u1', algorithm: 'SHA512', counter: 42 }),
    ],
    [
      'HOTP without a counter starts at 0',
      `otpauth://hotp/Example:alice?secret=${KEY}`,
      totp({ type: 'hotp', issuer: 'Example', name: 'alice' }),
    ],
    [
      'no issuer in the label: the parameter is used',
      `otpauth://totp/alice%40example.com?secret=${KEY}&issuer=Example`,
      totp({ issuer: 'Example', name: 'alice@example.com' }),
    ],
    [
      'conflicting issuer parameter: the label wins',
      `otpauth://totp/Example:alice?secret=${KEY}&issuer=Other`,
      totp({ issuer: 'Example', name: 'alice' }),
    ],
    [
      'encoded colon and a space after it',
      `otpauth://totp/Example%3A%20alice?secret=${KEY}`,
      totp({ issuer: 'Example', name: 'alice' }),
    ],
    ['only a secret', `otpauth://totp/?secret=${KEY}`, totp({})],
    ['no label at all', `otpauth://totp?secret=${KEY}&issuer=Example`, totp({ issuer: 'Example' })],
    [
      'upper case, lower-case key, padding, unknown parameters, whitespace',
      `  OTPAUTH://TOTP/Example:alice?SECRET=${KEY.toLowerCase()}%3D%3D&Algorithm=sha256&image=https%3A%2F%2Fx%2Fy.png\n`,
      totp({ issuer: 'Example', name: 'alice', algorithm: 'SHA256' }),
    ],
    [
      'Keycloak grouped key with spaces',
      `otpauth://totp/Example:alice?secret=JBSW%20Y3DP%20EHPK%203PXP%20JBSW%20Y3DP%20EHPK%203PXP`,
      totp({ issuer: 'Example', name: 'alice' }),
    ],
    [
      'a URI broken over two lines',
      `otpauth://totp/Example:alice?secret=JBSWY3DPEHPK\r\n3PXPJBSWY3DPEHPK3PXP&period=30`,
      totp({ issuer: 'Example', name: 'alice' }),
    ],
    [
      'a literal % and a fragment',
      `otpauth://totp/100%25%20Co:50%?secret=${KEY}#ignored`,
      totp({ issuer: '100% Co', name: '50%' }),
    ],
    [
      'an issuer parameter with a colon that starts the label',
      `otpauth://totp/A%3AB:carol?secret=${KEY}&issuer=A%3AB`,
      totp({ issuer: 'A:B', name: 'carol' }),
    ],
  ])('%s', (_, uri, expected) => {
    expect(parseOtpauthUri(uri)).toEqual(expected);
  });

  it.each([
    ['empty', '  ', 'uri', 'empty'],
    ['an http URL', 'https://densenkenpo.portal.kosmo-web.jp/', 'uri', 'not-otpauth'],
    ['garbage', 'こんにちは', 'uri', 'not-otpauth'],
    ['a bare key', KEY, 'uri', 'not-otpauth'],
    [
      'a Google Authenticator export',
      'otpauth-migration://offline?data=CjEKCkhlbGxv',
      'uri',
      'migration',
    ],
    ['no //', `otpauth:totp/x?secret=${KEY}`, 'uri', 'malformed'],
    ['bad UTF-8 in the label', `otpauth://totp/%E9%9B:x?secret=${KEY}`, 'uri', 'malformed'],
    ['unknown type', `otpauth://motp/x?secret=${KEY}`, 'type', 'unknown'],
    ['missing secret', 'otpauth://totp/Example:alice?issuer=Example', 'secret', 'missing'],
    ['empty secret', 'otpauth://totp/Example:alice?secret=&issuer=Example', 'secret', 'empty'],
    [
      'secret with a bad character',
      'otpauth://totp/x?secret=JBSWY3DPEHPK3PX!',
      'secret',
      'invalid-char',
    ],
    ['secret too short', 'otpauth://totp/x?secret=JBSWY3DP', 'secret', 'too-short'],
    ['bad algorithm', `otpauth://totp/x?secret=${KEY}&algorithm=MD5`, 'algorithm', 'unknown'],
    ['digits 9', `otpauth://totp/x?secret=${KEY}&digits=9`, 'digits', 'out-of-range'],
    ['digits 5', `otpauth://totp/x?secret=${KEY}&digits=5`, 'digits', 'out-of-range'],
    ['digits six', `otpauth://totp/x?secret=${KEY}&digits=six`, 'digits', 'not-a-number'],
    ['period 0', `otpauth://totp/x?secret=${KEY}&period=0`, 'period', 'out-of-range'],
    ['period 30.5', `otpauth://totp/x?secret=${KEY}&period=30.5`, 'period', 'not-a-number'],
    ['negative counter', `otpauth://hotp/x?secret=${KEY}&counter=-1`, 'counter', 'out-of-range'],
    ['counter abc', `otpauth://hotp/x?secret=${KEY}&counter=abc`, 'counter', 'not-a-number'],
  ])('rejects %s', (_, uri, field, reason) => {
    const err = expectOtpError(() => parseOtpauthUri(uri), field as 'uri', reason);
    expect(err.message).not.toContain('JBSWY3DP');
    expect(err.index).toBeUndefined();
  });

  it('ignores parameters of the other type', () => {
    expect(parseOtpauthUri(`otpauth://totp/x?secret=${KEY}&counter=oops`).counter).toBe(0);
    expect(parseOtpauthUri(`otpauth://hotp/x?secret=${KEY}&period=oops`).period).toBe(30);
  });

  it('accepts unusual digits and periods with IMPORT_LIMITS', () => {
    const uri = `otpauth://totp/x?secret=${KEY}&digits=10&period=600`;
    expectOtpError(() => parseOtpauthUri(uri), 'digits', 'out-of-range');
    expect(parseOtpauthUri(uri, IMPORT_LIMITS)).toMatchObject({ digits: 10, period: 600 });
  });

  it('accepts short secrets other apps export with IMPORT_LIMITS', () => {
    // A line of an Authenticator-extension export (secret "foobar", 6 bytes).
    const uri =
      'otpauth://totp/Slow%20Example:carol?secret=MZXW6YTBOI======&issuer=Slow%20Example&period=60&digits=8&algorithm=SHA512';
    expectOtpError(() => parseOtpauthUri(uri), 'secret', 'too-short');
    expect(parseOtpauthUri(uri, IMPORT_LIMITS)).toEqual({
      type: 'totp',
      issuer: 'Slow Example',
      name: 'carol',
      secret: 'MZXW6YTBOI',
      algorithm: 'SHA512',
      digits: 8,
      period: 60,
      counter: 0,
      sites: [],
    });
  });
});

describe('formatOtpauthUri', () => {
  it('writes the Keycloak shape with UTF-8 percent-encoding', () => {
    expect(formatOtpauthUri(totp({ issuer: '電線健保', name: 'user@example.com' }))).toBe(
      `otpauth://totp/${DENSEN}:user%40example.com?secret=${KEY}&issuer=${DENSEN}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('writes a counter for HOTP and no issuer when there is none', () => {
    expect(formatOtpauthUri(totp({ type: 'hotp', name: 'bob', counter: 7 }))).toBe(
      `otpauth://hotp/bob?secret=${KEY}&algorithm=SHA1&digits=6&counter=7`,
    );
  });

  it.each<[string, AccountData]>([
    ['Japanese issuer', totp({ issuer: '電線健保', name: 'user@example.com' })],
    [
      'Japanese names, SHA512, 8 digits, 60 s',
      totp({
        issuer: 'ＫＯＳＭＯ 健保',
        name: '山田 太郎',
        algorithm: 'SHA512',
        digits: 8,
        period: 60,
      }),
    ],
    ['HOTP', totp({ type: 'hotp', issuer: 'Example', name: 'a+b c', counter: 12345 })],
    ['no issuer', totp({ name: 'alice@example.com' })],
    ['nothing but a key', totp({})],
    [
      'colons, percent, ampersand, hash, question mark',
      totp({ issuer: 'A:B & C?', name: 'x:y#50%=' }),
    ],
    ['colon in the name, no issuer', totp({ name: 'x:y' })],
    ['SHA256, 7 digits', totp({ issuer: 'i', name: 'n', algorithm: 'SHA256', digits: 7 })],
  ])('round-trips: %s', (_, account) => {
    expect(parseOtpauthUri(formatOtpauthUri(account))).toEqual(account);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../lib/otp/base32';
import type { AccountData } from '../../../lib/otp/types';
import { encodeMigrationUris } from '../../../lib/otp/migration/encode';
import { migrationIncompatibility } from '../../../lib/otp/migration/convert';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import { expectOtpError } from './expect-otp-error';

const KEY = 'JBSWY3DPEHPK3PXP';
const account = (over: Partial<AccountData> = {}): AccountData => ({
  ...{ type: 'totp', issuer: 'Example', name: 'alice', secret: KEY, algorithm: 'SHA1' },
  ...{ digits: 6, period: 30, counter: 0, sites: [] },
  ...over,
});
const roundTrip = (accounts: AccountData[], batchSize?: number) =>
  encodeMigrationUris(accounts, { batchId: 123, batchSize }).map((u) => parseMigrationUri(u));

describe('encodeMigrationUris', () => {
  it.each<[string, AccountData]>([
    ['TOTP SHA1 6 digits', account()],
    ['Japanese issuer and name', account({ issuer: '電線健保', name: '山田 太郎' })],
    ['HOTP counter 0', account({ type: 'hotp', counter: 0 })],
    ['HOTP counter 42', account({ type: 'hotp', counter: 42 })],
    ['HOTP counter 2^53 − 1', account({ type: 'hotp', counter: Number.MAX_SAFE_INTEGER })],
    ['8 digits SHA256', account({ digits: 8, algorithm: 'SHA256' })],
    ['8 digits SHA512 HOTP', account({ digits: 8, algorithm: 'SHA512', type: 'hotp', counter: 7 })],
    ['no issuer', account({ issuer: '' })],
    ['no issuer, a colon in the name', account({ issuer: '', name: 'a:b' })],
    ['the issuer repeated in the name', account({ name: 'Example:alice' })],
    ['an issuer with a colon', account({ issuer: 'A:B', name: 'c' })],
    ['no name', account({ name: '' })],
    ['a 64-byte key', account({ secret: encodeBase32(new Uint8Array(64).fill(0xa5)) })],
  ])('%s survives encode → parse', (_, input) => {
    const [batch, ...rest] = roundTrip([input]);
    expect(rest).toEqual([]);
    expect(batch).toEqual({
      batchId: 123,
      batchIndex: 0,
      batchSize: 1,
      accounts: [input],
      skipped: [],
    });
  });

  it('leaves sites out', () => {
    const [batch] = roundTrip([account({ sites: ['https://example.com'] })]);
    expect(batch?.accounts[0]?.sites).toEqual([]);
  });

  it('splits 25 accounts into 3 QR codes of 10, 10 and 5', () => {
    const accounts = Array.from({ length: 25 }, (_, i) => account({ name: `user${i}` }));
    const batches = roundTrip(accounts);
    expect(batches.map((b) => [b.batchId, b.batchIndex, b.batchSize, b.accounts.length])).toEqual([
      [123, 0, 3, 10],
      [123, 1, 3, 10],
      [123, 2, 3, 5],
    ]);
    expect(batches.flatMap((b) => b.accounts)).toEqual(accounts);
  });

  it.each<[number, number, number[]]>([
    [1, 1, [1]],
    [10, 10, [10]],
    [11, 10, [10, 1]],
    [7, 3, [3, 3, 1]],
    [5, 1, [1, 1, 1, 1, 1]],
  ])('%i accounts, %i per QR code → %j', (count, per, sizes) => {
    const accounts = Array.from({ length: count }, (_, i) => account({ name: `u${i}` }));
    expect(roundTrip(accounts, per).map((b) => b.accounts.length)).toEqual(sizes);
  });

  it('writes nothing for no accounts', () => {
    expect(encodeMigrationUris([], { batchId: 1 })).toEqual([]);
  });

  it('percent-encodes the base64 as Google Authenticator does', () => {
    const [uri] = encodeMigrationUris([account()], { batchId: -1 });
    expect(uri).toMatch(/^otpauth-migration:\/\/offline\?data=[A-Za-z0-9%]+$/);
    expect(uri).toContain('%2F');
    expect(uri).toContain('%3D');
  });

  it.each<[string, Partial<AccountData>, 'digits' | 'period']>([
    ['7 digits', { digits: 7 }, 'digits'],
    ['a 60 s period', { period: 60 }, 'period'],
  ])('refuses %s, which the format cannot hold', (_, over, field) => {
    expect(migrationIncompatibility(account(over))).toBe(field);
    expectOtpError(
      () => encodeMigrationUris([account(over)], { batchId: 1 }),
      field,
      'out-of-range',
    );
  });

  it('accepts any period for HOTP (it has none)', () => {
    expect(migrationIncompatibility(account({ type: 'hotp', period: 60 }))).toBeNull();
  });

  it.each<[string, number, number]>([
    ['a fractional batch id', 1.5, 10],
    ['a batch id past int32', 2 ** 31, 10],
    ['0 accounts per QR code', 1, 0],
  ])('throws RangeError for %s', (_, batchId, batchSize) => {
    expect(() => encodeMigrationUris([account()], { batchId, batchSize })).toThrow(RangeError);
  });
});

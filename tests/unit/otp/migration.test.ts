import { BinaryWriter, WireType, base64Encode } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../lib/otp/base32';
import type { AccountData } from '../../../lib/otp/types';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import type { MigrationBatch } from '../../../lib/otp/migration/types';
import { encodePayload, type RawOtpParameters } from '../../../lib/otp/migration/payload';

const KEY = 'JBSWY3DPEHPK3PXP';
const PREFIX = 'otpauth-migration://offline?data=';
const uriOf = (bytes: Uint8Array) => PREFIX + encodeURIComponent(base64Encode(bytes));
const raw = (over: Partial<RawOtpParameters> = {}): RawOtpParameters => ({
  secret: decodeBase32(KEY),
  name: 'Example:alice',
  issuer: 'Example',
  algorithm: 1,
  digits: 1,
  type: 2,
  counter: '0',
  ...over,
});
const payload = (otpParameters: RawOtpParameters[]) =>
  encodePayload({ otpParameters, version: 1, batchIndex: 0, batchSize: 1, batchId: -5 });
const parseOne = (over: Partial<RawOtpParameters>) =>
  parseMigrationUri(uriOf(payload([raw(over)])));
const account = (over: Partial<AccountData> = {}): AccountData => ({
  ...{ type: 'totp', issuer: 'Example', name: 'alice', secret: KEY, algorithm: 'SHA1' },
  ...{ digits: 6, period: 30, counter: 0, sites: [] },
  ...over,
});

describe('parseMigrationUri: accounts', () => {
  it.each<[string, Partial<RawOtpParameters>, AccountData]>([
    ['issuer field and Issuer: name', {}, account()],
    [
      'unspecified algorithm, digits and type: SHA1, 6, TOTP',
      { algorithm: 0, digits: 0, type: 0 },
      account(),
    ],
    ['SHA256, 8 digits', { algorithm: 2, digits: 2 }, account({ algorithm: 'SHA256', digits: 8 })],
    [
      'SHA512 HOTP with a counter',
      { algorithm: 3, type: 1, counter: '42' },
      account({ algorithm: 'SHA512', type: 'hotp', counter: 42 }),
    ],
    [
      'HOTP counter 2^53 − 1',
      { type: 1, counter: `${Number.MAX_SAFE_INTEGER}` },
      account({ type: 'hotp', counter: Number.MAX_SAFE_INTEGER }),
    ],
    ['TOTP ignores a counter', { counter: '9' }, account()],
    [
      'no issuer field: split on the first colon',
      { name: 'Acme:bob:x', issuer: '' },
      account({ issuer: 'Acme', name: 'bob:x' }),
    ],
    ['no issuer anywhere', { name: 'bob', issuer: '' }, account({ issuer: '', name: 'bob' })],
    [
      'empty issuer prefix keeps the colon in the name',
      { name: ':a:b', issuer: '' },
      account({ issuer: '', name: 'a:b' }),
    ],
    [
      'the issuer field wins over another prefix',
      { name: 'Other:bob' },
      account({ name: 'Other:bob' }),
    ],
    [
      'Japanese UTF-8',
      { name: '電線健保:山田 太郎', issuer: '電線健保' },
      account({ issuer: '電線健保', name: '山田 太郎' }),
    ],
    ['a space after the colon', { name: 'Example: alice' }, account()],
  ])('%s', (_, over, expected) => {
    const batch = parseOne(over);
    expect(batch).toEqual({
      batchId: -5,
      batchIndex: 0,
      batchSize: 1,
      accounts: [expected],
      skipped: [],
    });
  });

  it.each<[string, Partial<RawOtpParameters>, MigrationBatch['skipped'][number]]>([
    ['MD5', { algorithm: 4 }, { title: 'Example (alice)', reason: 'unsupported-algorithm' }],
    [
      'an unknown algorithm',
      { algorithm: 7 },
      { title: 'Example (alice)', reason: 'unsupported-algorithm' },
    ],
    [
      'an unknown type',
      { type: 3, name: 'x' },
      { title: 'Example (x)', reason: 'unsupported-type' },
    ],
    [
      'an unknown digit count',
      { digits: 3, issuer: '' },
      { title: 'Example (alice)', reason: 'unsupported-digits' },
    ],
    [
      'an empty key',
      { secret: new Uint8Array(0), issuer: '', name: 'bob' },
      { title: 'bob', reason: 'invalid-account', error: 'error_secret_empty' },
    ],
    [
      'a counter past 2^53',
      { type: 1, counter: '9007199254740993' },
      { title: 'Example (alice)', reason: 'invalid-account', error: 'error_counter_out_of_range' },
    ],
    [
      'a negative counter',
      { type: 1, counter: '-1' },
      { title: 'Example (alice)', reason: 'invalid-account', error: 'error_counter_out_of_range' },
    ],
    [
      'a name too long',
      { name: 'n'.repeat(300), issuer: 'I' },
      { title: `I (${'n'.repeat(300)})`, reason: 'invalid-account', error: 'error_name_too_long' },
    ],
  ])('lists %s as skipped, keeping the others', (_, over, skipped) => {
    const batch = parseMigrationUri(uriOf(payload([raw(), raw(over), raw({ name: 'c' })])));
    expect(batch.accounts.map((a) => a.name)).toEqual(['alice', 'c']);
    expect(batch.skipped).toEqual([skipped]);
  });

  it('skips unknown fields and known fields with another wire type', () => {
    const w = new BinaryWriter();
    w.tag(1, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).bytes(decodeBase32(KEY));
    w.tag(2, WireType.LengthDelimited).string('Example:alice');
    w.tag(8, WireType.LengthDelimited).string('unique-id');
    w.tag(99, WireType.Varint).uint32(7).tag(100, WireType.Bit64).fixed64(1n);
    w.tag(101, WireType.Bit32).fixed32(1).tag(2, WireType.Varint).uint32(5);
    w.tag(102, WireType.StartGroup).tag(1, WireType.Varint).uint32(1).tag(102, WireType.EndGroup);
    w.join().tag(6, WireType.LengthDelimited).string('future').tag(3, WireType.Bit32).fixed32(9);
    expect(parseMigrationUri(uriOf(w.finish())).accounts).toEqual([account({ issuer: 'Example' })]);
  });
});

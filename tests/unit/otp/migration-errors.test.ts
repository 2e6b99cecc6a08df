import { BinaryWriter, WireType, base64Encode } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../lib/otp/base32';
import type { AccountData } from '../../../lib/otp/types';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import { encodePayload, type RawOtpParameters } from '../../../lib/otp/migration/payload';
import { expectOtpError } from './expect-otp-error';

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
const account = (over: Partial<AccountData> = {}): AccountData => ({
  ...{ type: 'totp', issuer: 'Example', name: 'alice', secret: KEY, algorithm: 'SHA1' },
  ...{ digits: 6, period: 30, counter: 0, sites: [] },
  ...over,
});

describe('parseMigrationUri: the text around the payload', () => {
  const bytes = payload([raw()]);
  const b64 = base64Encode(bytes);
  it.each<[string, string]>([
    ['percent-encoded', uriOf(bytes)],
    ['raw + / =', PREFIX + b64],
    ['spaces where + was form-decoded', PREFIX + b64.replace(/\+/g, ' ')],
    ['URL-safe base64 without padding', PREFIX + base64Encode(bytes, 'url')],
    [
      'upper-case scheme, spaces and line breaks around',
      `\n  OTPAUTH-MIGRATION://offline?data=${b64}\r\n`,
    ],
    ['a line break inside (a wrapped paste)', PREFIX + b64.slice(0, 20) + '\n' + b64.slice(20)],
    [
      'other parameters and a fragment',
      `otpauth-migration://offline?x=1&DATA=${encodeURIComponent(b64)}#y`,
    ],
  ])('%s', (_, text) => {
    expect(parseMigrationUri(text).accounts).toEqual([account()]);
  });
  it('uses a sample whose base64 has a + and a / (so the cases above cover them)', () => {
    expect(b64).toContain('+');
    expect(b64).toContain('/');
  });
});

describe('parseMigrationUri: errors', () => {
  const single = (over: Partial<Parameters<typeof encodePayload>[0]>) =>
    uriOf(
      encodePayload({
        otpParameters: [raw()],
        version: 1,
        batchSize: 1,
        batchIndex: 0,
        batchId: 1,
        ...over,
      }),
    );
  const group = new BinaryWriter().tag(1, WireType.EndGroup).finish();
  it.each<[string, string, string]>([
    ['empty text', '', 'empty'],
    ['white space', ' \n\t', 'empty'],
    ['an otpauth:// URI', `otpauth://totp/a?secret=${KEY}`, 'not-migration'],
    ['a prefix before the scheme', `QR-Code:${single({})}`, 'not-migration'],
    ['plain text', 'Lorem ipsum', 'not-migration'],
    ['no query', 'otpauth-migration://offline', 'bad-base64'],
    ['no data parameter', 'otpauth-migration://offline?version=1', 'bad-base64'],
    ['empty data', `${PREFIX}`, 'bad-base64'],
    ['only padding', `${PREFIX}%3D%3D`, 'bad-base64'],
    ['a character outside base64', `${PREFIX}ab!d`, 'bad-base64'],
    ['non-ASCII', `${PREFIX}%E3%81%82`, 'bad-base64'],
    ['a lone base64 character', `${PREFIX}AAAAA`, 'bad-base64'],
    ['bytes that are not protobuf', `${PREFIX}XXXX`, 'bad-protobuf'],
    ['a truncated payload', PREFIX + base64Encode(payload([raw()]).slice(0, 20)), 'bad-protobuf'],
    ['an end-group tag', uriOf(group), 'bad-protobuf'],
    ['batch index past the size', single({ batchIndex: 2, batchSize: 2 }), 'bad-protobuf'],
    ['negative batch index', single({ batchIndex: -1, batchSize: 2 }), 'bad-protobuf'],
    ['negative batch size', single({ batchSize: -3 }), 'bad-protobuf'],
    ['too many batches', single({ batchSize: 1001 }), 'bad-protobuf'],
    ['no accounts', uriOf(payload([])), 'no-accounts'],
  ])('%s', (_, text, reason) => {
    expectOtpError(() => parseMigrationUri(text), 'migration', reason);
  });

  it('a missing batch size means a single QR code', () => {
    const w = new BinaryWriter().tag(1, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).bytes(decodeBase32(KEY)).join();
    expect(parseMigrationUri(uriOf(w.finish()))).toMatchObject({
      batchId: 0,
      batchIndex: 0,
      batchSize: 1,
    });
  });
});

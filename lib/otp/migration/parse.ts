import { base64Decode } from '@bufbuild/protobuf/wire';
import { OtpError } from '../errors';
import type { AccountData } from '../types';
import { toAccount } from './convert';
import { decodePayload, type RawPayload } from './payload';
import type { MigrationBatch, SkippedAccount } from './types';

/** Most QR codes one export may have (Google Authenticator puts about 10 accounts in each). */
export const MAX_MIGRATION_BATCHES = 1000;

const SCHEME = /^otpauth-migration:\/\//i;

/**
 * Reads a Google Authenticator export QR text, `otpauth-migration://offline?data=…`: the
 * `data` parameter is standard base64 (percent-encoded or not; a `+` stays a plus, and a space
 * that was a `+` before form-decoding becomes one again; URL-safe base64 and missing padding are
 * accepted) of a protobuf `MigrationPayload`, read with `@bufbuild/protobuf`'s wire reader.
 *
 * Every account is checked with `validateAccountData(…, IMPORT_LIMITS)`; one that cannot be
 * imported (MD5, unknown type or digit count, empty key…) is listed in `skipped`, never dropped.
 * Throws {@link OtpError} `migration`: `empty`, `not-migration` (another text, including one
 * with a prefix such as `QR-Code:`), `bad-base64` (no or broken `data`), `bad-protobuf` (not a
 * payload, or impossible batch numbers), `no-accounts`.
 * @see https://github.com/google/google-authenticator-android/issues/118
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function parseMigrationUri(text: string): MigrationBatch {
  const uri = text.replace(/[\r\n\t]/g, '').trim();
  if (uri === '') throw new OtpError('migration', 'empty');
  if (!SCHEME.test(uri)) throw new OtpError('migration', 'not-migration');
  const payload = readPayload(readData(uri));
  if (payload.otpParameters.length === 0) throw new OtpError('migration', 'no-accounts');

  const batchSize = payload.batchSize === 0 ? 1 : payload.batchSize;
  const { batchIndex, batchId } = payload;
  if (
    batchSize < 0 ||
    batchSize > MAX_MIGRATION_BATCHES ||
    batchIndex < 0 ||
    batchIndex >= batchSize
  ) {
    throw new OtpError('migration', 'bad-protobuf');
  }
  const accounts: AccountData[] = [];
  const skipped: SkippedAccount[] = [];
  for (const params of payload.otpParameters) {
    const result = toAccount(params);
    if ('reason' in result) skipped.push(result);
    else accounts.push(result);
  }
  return { batchId, batchIndex, batchSize, accounts, skipped };
}

/**
 * The bytes of the first `data` query parameter. `%XX` is decoded byte by byte (base64 is
 * ASCII, so anything else fails as base64), never `+` as a space.
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 */
function readData(uri: string): Uint8Array {
  const query = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1).split('#')[0] : '';
  const pair = (query ?? '')
    .split('&')
    .find((p) => p.slice(0, p.indexOf('=') + 1).toLowerCase() === 'data=');
  const value = (pair ?? '')
    .slice('data='.length)
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/ /g, '+');
  if (value.replace(/[\s=]/g, '') === '') throw new OtpError('migration', 'bad-base64');
  try {
    return base64Decode(value);
  } catch (cause) {
    throw new OtpError('migration', 'bad-base64', { cause });
  }
}

function readPayload(bytes: Uint8Array): RawPayload {
  try {
    return decodePayload(bytes);
  } catch (cause) {
    throw new OtpError('migration', 'bad-protobuf', { cause });
  }
}

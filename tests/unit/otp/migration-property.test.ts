import { BinaryWriter, WireType, base64Encode } from '@bufbuild/protobuf/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { OtpError } from '../../../lib/otp/errors';
import { encodeBase32 } from '../../../lib/otp/base32';
import { validateAccountData } from '../../../lib/otp/account';
import type { AccountData } from '../../../lib/otp/types';
import { encodeMigrationUris } from '../../../lib/otp/migration/encode';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import type { MigrationBatch } from '../../../lib/otp/migration/types';
import { encodePayload, type RawOtpParameters } from '../../../lib/otp/migration/payload';

const RUNS = { numRuns: 10_000 };
const PREFIX = 'otpauth-migration://offline?data=';

/** Parses, and accepts only a result or an `OtpError` of the `migration` field. */
function parseOrOtpError(text: string): MigrationBatch | OtpError {
  try {
    return parseMigrationUri(text);
  } catch (err) {
    expect(err).toBeInstanceOf(OtpError);
    expect((err as OtpError).field).toBe('migration');
    return err as OtpError;
  }
}

/** A parse result is consistent: batch numbers in range, every account valid as imported. */
function expectConsistent(result: MigrationBatch | OtpError): void {
  if (result instanceof OtpError) return;
  expect(result.batchIndex).toBeGreaterThanOrEqual(0);
  expect(result.batchIndex).toBeLessThan(result.batchSize);
  for (const a of result.accounts) expect(validateAccountData(a, IMPORT_LIMITS)).toEqual(a);
}

const text = fc.string({ unit: 'binary', maxLength: 40 });
const japanese = fc.string({
  unit: fc.constantFrom(...'電線健保山田太郎あいうー：: @'),
  maxLength: 20,
});
const label = fc.oneof(text, japanese);

/** Any `AccountData` the app could hold and export: validated, key from whole bytes. */
const validAccount: fc.Arbitrary<AccountData> = fc
  .record({
    type: fc.constantFrom('totp', 'hotp'),
    issuer: label,
    name: label,
    secret: fc.uint8Array({ minLength: 1, maxLength: 64 }).map(encodeBase32),
    algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512'),
    digits: fc.constantFrom(6, 8),
    counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
  })
  .map((input) => validateAccountData(input, IMPORT_LIMITS));

const rawParams: fc.Arbitrary<RawOtpParameters> = fc.record({
  secret: fc.uint8Array({ maxLength: 40 }),
  name: label,
  issuer: label,
  algorithm: fc.integer({ min: -2, max: 6 }),
  digits: fc.integer({ min: -1, max: 4 }),
  type: fc.integer({ min: -1, max: 4 }),
  counter: fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.nat(10)).map(String),
});

/** Unknown fields, as another app version might add: any number, any wire type but groups. */
const unknownField = fc
  .tuple(
    fc.integer({ min: 6, max: 2 ** 29 - 1 }),
    fc.constantFrom(0, 1, 2, 5),
    fc.uint8Array({ maxLength: 8 }),
  )
  .map(([field, wire, bytes]) => {
    const w = new BinaryWriter().tag(field, wire);
    if (wire === WireType.Varint) w.uint32(bytes.length);
    else if (wire === WireType.Bit64) w.fixed64(BigInt(bytes.length));
    else if (wire === WireType.Bit32) w.fixed32(bytes.length);
    else w.bytes(bytes);
    return w.finish();
  });

describe('parseMigrationUri properties', () => {
  it('throws nothing but OtpError on any text, with or without the prefix', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          text.map((t) => PREFIX + t),
        ),
        (t) => {
          expectConsistent(parseOrOtpError(t));
        },
      ),
      RUNS,
    );
  });

  it('throws nothing but OtpError on any bytes behind the prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, encode) => {
        const b64 = base64Encode(bytes);
        expectConsistent(parseOrOtpError(PREFIX + (encode ? encodeURIComponent(b64) : b64)));
      }),
      RUNS,
    );
  });

  it('lists every account of any well-formed payload as imported or skipped', () => {
    const payload = fc.record({
      params: fc.array(rawParams, { maxLength: 12 }),
      extra: fc.array(unknownField, { maxLength: 3 }),
      batchSize: fc.integer({ min: -2, max: 12 }),
      batchIndex: fc.integer({ min: -1, max: 12 }),
      batchId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    });
    fc.assert(
      fc.property(payload, ({ params, extra, ...batch }) => {
        const bytes = encodePayload({ otpParameters: params, version: 1, ...batch });
        const result = parseOrOtpError(PREFIX + base64Encode(Buffer.concat([bytes, ...extra])));
        expectConsistent(result);
        if (result instanceof OtpError) return;
        expect(result.accounts.length + result.skipped.length).toBe(params.length);
        expect(result.batchId).toBe(batch.batchId);
      }),
      RUNS,
    );
  });

  it('encode → parse gives back any valid accounts, batch by batch', () => {
    const options = fc.record({
      batchId: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      batchSize: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(validAccount, { maxLength: 14 }), options, (accounts, opts) => {
        const batches = encodeMigrationUris(accounts, opts).map((u) => parseMigrationUri(u));
        expect(batches.length).toBe(Math.ceil(accounts.length / opts.batchSize));
        batches.forEach((b, i) => {
          expect([b.batchId, b.batchIndex, b.batchSize, b.skipped]).toEqual([
            opts.batchId,
            i,
            batches.length,
            [],
          ]);
        });
        expect(batches.flatMap((b) => b.accounts)).toEqual(accounts);
      }),
      RUNS,
    );
  });
});

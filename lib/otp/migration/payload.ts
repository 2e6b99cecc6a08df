import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

/**
 * One `OtpParameters` message as written, before interpretation. Enum fields keep their raw
 * codes: `algorithm` (0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5), `digits`
 * (0 unspecified, 1 six, 2 eight), `type` (0 unspecified, 1 HOTP, 2 TOTP).
 * @see https://github.com/dim13/otpauth/blob/master/migration/migration.proto
 */
export interface RawOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  /** The int64 `counter` as decimal text (it may be negative or beyond 2^53). */
  counter: string;
}

/** The `MigrationPayload` message behind `otpauth-migration://offline?data=`. */
export interface RawPayload {
  otpParameters: RawOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

/** Field numbers of the int32 fields of `MigrationPayload`. */
const PAYLOAD_INTS = new Map<number, 'version' | 'batchSize' | 'batchIndex' | 'batchId'>([
  [2, 'version'],
  [3, 'batchSize'],
  [4, 'batchIndex'],
  [5, 'batchId'],
]);

/** Field numbers of the enum fields of `OtpParameters`. */
const PARAMETER_ENUMS = new Map<number, 'algorithm' | 'digits' | 'type'>([
  [4, 'algorithm'],
  [5, 'digits'],
  [6, 'type'],
]);

/**
 * Reads a `MigrationPayload` with the `@bufbuild/protobuf` wire reader. Missing fields keep
 * their proto3 defaults (0, empty); unknown fields, and known fields with an unexpected wire
 * type, are skipped; a repeated scalar field keeps its last value. Throws the reader's own
 * `Error` for bytes that are not a protobuf message (the caller turns it into an `OtpError`).
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function decodePayload(bytes: Uint8Array): RawPayload {
  const payload: RawPayload = {
    otpParameters: [],
    version: 0,
    batchSize: 0,
    batchIndex: 0,
    batchId: 0,
  };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    const int = PAYLOAD_INTS.get(field);
    if (field === 1 && wire === WireType.LengthDelimited) {
      payload.otpParameters.push(decodeParameters(reader.bytes()));
    } else if (int !== undefined && wire === WireType.Varint) {
      payload[int] = reader.int32();
    } else {
      reader.skip(wire, field);
    }
  }
  return payload;
}

/** Reads one `OtpParameters` message (see {@link decodePayload}). */
function decodeParameters(bytes: Uint8Array): RawOtpParameters {
  const params: RawOtpParameters = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: '0',
  };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    const enumField = PARAMETER_ENUMS.get(field);
    const delimited = wire === WireType.LengthDelimited;
    if (field === 1 && delimited) params.secret = reader.bytes();
    else if (field === 2 && delimited) params.name = reader.string();
    else if (field === 3 && delimited) params.issuer = reader.string();
    else if (enumField !== undefined && wire === WireType.Varint)
      params[enumField] = reader.int32();
    else if (field === 7 && wire === WireType.Varint) params.counter = String(reader.int64());
    else reader.skip(wire, field);
  }
  return params;
}

/**
 * Writes a `MigrationPayload` as Google Authenticator does: empty strings and a zero counter
 * left out, enums and batch fields always written.
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function encodePayload(payload: RawPayload): Uint8Array {
  const writer = new BinaryWriter();
  for (const params of payload.otpParameters) {
    writer.tag(1, WireType.LengthDelimited).fork();
    writer.tag(1, WireType.LengthDelimited).bytes(params.secret);
    if (params.name !== '') writer.tag(2, WireType.LengthDelimited).string(params.name);
    if (params.issuer !== '') writer.tag(3, WireType.LengthDelimited).string(params.issuer);
    writer.tag(4, WireType.Varint).int32(params.algorithm);
    writer.tag(5, WireType.Varint).int32(params.digits);
    writer.tag(6, WireType.Varint).int32(params.type);
    if (params.counter !== '0') writer.tag(7, WireType.Varint).int64(params.counter);
    writer.join();
  }
  for (const [field, key] of PAYLOAD_INTS) writer.tag(field, WireType.Varint).int32(payload[key]);
  return writer.finish();
}

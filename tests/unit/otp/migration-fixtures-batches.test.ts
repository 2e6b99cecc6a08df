import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { decodeBase32 } from '../../../lib/otp/base32';
import { generateCode } from '../../../lib/otp/code';
import { parseOtpauthUri } from '../../../lib/otp/uri';
import { encodeMigrationUris } from '../../../lib/otp/migration/encode';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import { expectOtpError } from './expect-otp-error';

/**
 * Rejected samples, dim13's vectors, batch fields, key bytes, codes and re-encoding of the Google Authenticator export samples in
 * `../shared/fixtures/google` (read in place, never copied: GPL-3.0 / ISC). The accounts
 * themselves are checked in migration-fixtures.test.ts.
 */
const DIR = fileURLToPath(new URL('../../../../shared/fixtures/google/', import.meta.url));
const present = existsSync(join(DIR, 'MANIFEST.md'));
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const uris = (file: string): string[] =>
  read(file)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
const parseAll = (file: string) => uris(file).map((u) => parseMigrationUri(u));
const SAMPLES = [
  'example_export.txt',
  'example_export_only_totp.txt',
  'example_export.png.decoded.txt',
  'test_plus_problem_export.txt',
  'dim13_test_vectors.txt',
];
const REJECTED: Record<string, string> = {
  'test_export_wrong_content.txt': 'not-migration',
  'test_export_wrong_data.txt': 'bad-protobuf',
  'test_export_wrong_prefix.txt': 'not-migration',
};

describe.skipIf(!present)('Google Authenticator fixtures: batches and re-encoding', () => {
  it('knows every *.txt sample (the accounts test covers the same list)', () => {
    const samples = readdirSync(DIR).filter(
      (f) => f.endsWith('.txt') && f !== 'url_list_output.txt',
    );
    expect(samples.sort()).toEqual([...SAMPLES, ...Object.keys(REJECTED)].sort());
  });

  it.each(Object.entries(REJECTED))('%s is rejected as %s', (file, reason) => {
    for (const uri of uris(file)) expectOtpError(() => parseMigrationUri(uri), 'migration', reason);
  });

  it('reads the batch fields: negative 10-byte batch ids, and the photo payload', () => {
    for (const b of parseAll('example_export.txt')) {
      expect([b.batchIndex, b.batchSize, b.batchId < 0]).toEqual([0, 1, true]);
    }
    const [photo] = parseAll('example_export.png.decoded.txt');
    const id = Number(/batch_id (\d+)/.exec(read('MANIFEST.md'))?.[1]);
    expect(photo && [photo.batchIndex, photo.batchSize, photo.batchId]).toEqual([0, 1, id]);
  });

  it('keeps the secret bytes of the photo payload (hex in MANIFEST.md)', () => {
    const hex = [...read('MANIFEST.md').matchAll(/\| ([0-9a-f]{20}) \|$/gm)].map((m) => m[1]);
    expect(hex).toHaveLength(3);
    const secrets = parseAll('example_export.png.decoded.txt').flatMap((b) => b.accounts);
    expect(secrets.map((a) => Buffer.from(decodeBase32(a.secret)).toString('hex'))).toEqual(hex);
  });

  it('gives the accounts dim13 expects (defaults for missing fields, raw + / =)', () => {
    const text = read('dim13_test_vectors.txt');
    const url = /^# expected: (\S+)$/m.exec(text)?.[1] ?? '';
    const [, name = '', issuer = '', secret] =
      /name (\S+), issuer (\S+), type TOTP, secret (\S+)/.exec(text) ?? [];
    expect(name.startsWith(`${issuer}:`)).toBe(true);
    const second = { issuer, name: name.slice(issuer.length + 1), secret, type: 'totp' };
    const accounts = parseAll('dim13_test_vectors.txt').flatMap((b) => b.accounts);
    expect(accounts).toEqual([
      parseOtpauthUri(url, IMPORT_LIMITS),
      expect.objectContaining(second),
    ]);
  });

  it('gives the TOTP code dim13 expects', () => {
    const text = read('dim13_test_vectors.txt');
    const [, unix, code] = /unix (\d+)\): (\d+)/.exec(text) ?? [];
    const [account] = parseAll('dim13_test_vectors.txt')[0]?.accounts ?? [];
    expect(account && generateCode(account, Number(unix) * 1000)).toBe(code);
  });

  it("writes the photo's accounts back byte for byte as Google Authenticator did", () => {
    const [photo] = parseAll('example_export.png.decoded.txt');
    const original = uris('example_export.png.decoded.txt')[0];
    expect(photo && encodeMigrationUris(photo.accounts, { batchId: photo.batchId })).toEqual([
      original,
    ]);
  });

  it.each(SAMPLES)('%s survives encode → parse unchanged', (file) => {
    const accounts = parseAll(file).flatMap((b) => b.accounts);
    const again = encodeMigrationUris(accounts, { batchId: 7 }).map((u) => parseMigrationUri(u));
    expect(again.flatMap((b) => b.accounts)).toEqual(accounts);
  });
});

if (!present) {
  describe('Google Authenticator fixtures: batches and re-encoding', () => {
    it('skipped: ../shared/fixtures/google is absent (see ../shared/fixtures/README.md)', ({
      skip,
    }) => skip());
  });
}

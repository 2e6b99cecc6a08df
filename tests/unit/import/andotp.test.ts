import { describe, expect, it } from 'vitest';
import { andOtpImporter } from '../../../lib/import/andotp';
import { AEGIS_ANDOTP_2FAS_IMPORTERS } from './importer-groups';
import { andOtpLabel, parseAndOtpFile } from '../../../lib/import/andotp';
import type { ImportInput } from '../../../lib/import/types';
import {
  ANDOTP_ENTRIES,
  andOtpNew,
  andOtpOld,
  jsonBytes,
  random,
  utf8,
} from './aegis-andotp-2fas-builders';
import {
  ABSENT,
  AEGIS_DIR,
  aegisPresent,
  backupError,
  expectedImport,
  firstHalf,
  manifestCount,
  rawExpected,
  readBytes,
  type RawExpected,
} from './aegis-andotp-2fas-fixtures';

const input = (bytes: Uint8Array, name = 'otp_accounts.json'): ImportInput => ({ name, bytes });
const formatsClaiming = (i: ImportInput) =>
  AEGIS_ANDOTP_2FAS_IMPORTERS.filter((imp) => imp.detect(i)).map((imp) => imp.format);

/**
 * MANIFEST adjustment for `andotp_encrypted_old.bin`: its labels are `Deno - Deno:Mason` with no
 * issuer field (expected_entries.json keeps them raw: issuer null, that whole name). Aegis
 * splits on ` - ` and keeps `Deno:Mason` as the name; this importer also drops the repeated
 * `Deno:`, giving issuer `Deno`, name `Mason` (the shared vectors' values).
 */
function splitOldLabel(e: RawExpected): RawExpected {
  const [issuer = '', rest = ''] = e.name.split(/ - (.*)/s);
  expect(e.issuer).toBeNull();
  expect(rest.startsWith(`${issuer}:`)).toBe(true);
  return { ...e, issuer, name: rest.slice(issuer.length + 1) };
}

const FIXTURES = [
  // Secrets padded with `======`; the Steam entry has no period.
  { file: 'andotp_plain.json', password: undefined, adjust: (e: RawExpected) => e },
  { file: 'andotp_encrypted.bin', password: 'test', adjust: (e: RawExpected) => e },
  { file: 'andotp_encrypted_old.bin', password: 'test', adjust: splitOldLabel },
];
const ENCRYPTED = FIXTURES.filter((f) => f.password !== undefined);

describe.skipIf(!aegisPresent)('andOTP fixtures (../shared/fixtures/aegis)', () => {
  it.each(FIXTURES)('$file imports exactly its expected entries', async (fixture) => {
    const { file, password, adjust } = fixture;
    const result = await andOtpImporter.read(input(readBytes(AEGIS_DIR, file), file), password);
    const expected = expectedImport(rawExpected(file).map(adjust));
    expect(result).toEqual({ format: 'andotp', ...expected });
    expect(result.accounts.length + result.skipped.length).toBe(manifestCount(file));
    expect(result.accounts[0]).toMatchObject({ issuer: 'Deno', name: 'Mason' });
  });

  it('lists the Steam entries as skipped (the old file has none)', async () => {
    for (const { file, password } of FIXTURES) {
      const { skipped } = await andOtpImporter.read(input(readBytes(AEGIS_DIR, file)), password);
      expect(skipped).toEqual(
        file.endsWith('_old.bin')
          ? []
          : [{ title: 'Boeing (Sophia)', reason: 'import_skipped_unsupported_type' }],
      );
    }
  });

  it('recognises the files as andOTP only (an old-layout file by its .aes name)', () => {
    const claims = (file: string, name = file) =>
      formatsClaiming(input(readBytes(AEGIS_DIR, file), name));
    expect(claims('andotp_plain.json')).toEqual(['andotp']);
    expect(claims('andotp_encrypted.bin')).toEqual(['andotp']);
    // Old layout: random bytes only, so the content alone proves nothing.
    expect(claims('andotp_encrypted_old.bin')).toEqual([]);
    expect(claims('andotp_encrypted_old.bin', 'otp_accounts.json.aes')).toEqual(['andotp']);
  });

  it.each(ENCRYPTED)('$file: a wrong password is rejected', async ({ file }) => {
    const bytes = readBytes(AEGIS_DIR, file);
    for (const password of ['wrong', 'Test']) {
      const err = await backupError(andOtpImporter.read(input(bytes, file), password));
      expect([err.code, err.format]).toEqual(['wrong-password', 'andotp']);
    }
  });

  it.each(ENCRYPTED)('$file: no password asks for one', async ({ file }) => {
    const err = await backupError(andOtpImporter.read(input(readBytes(AEGIS_DIR, file), file)));
    expect(err.code).toBe('password-required');
  });

  it.each(FIXTURES)('$file cut in half is rejected as a whole', async ({ file, password }) => {
    const half = firstHalf(readBytes(AEGIS_DIR, file));
    const err = await backupError(andOtpImporter.read(input(half, file), password ?? 'test'));
    expect(err.code).toBe(password === undefined ? 'corrupt' : 'wrong-password');
  });
});

if (!aegisPresent) {
  describe('andOTP fixtures (../shared/fixtures/aegis)', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

const SAMPLE = {
  format: 'andotp',
  accounts: [
    {
      type: 'totp',
      issuer: 'Example',
      name: 'alice@example.com',
      secret: 'JBSWY3DPEHPK3PXP',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      sites: [],
    },
    {
      type: 'hotp',
      issuer: 'Counter Inc',
      name: 'bob',
      secret: 'GEZDGNBVGY3TQOJQ',
      algorithm: 'SHA256',
      digits: 8,
      period: 30,
      counter: 42,
      sites: [],
    },
  ],
  skipped: [{ title: 'Steam (gamer)', reason: 'import_skipped_unsupported_type' }],
};

describe('andOTP plain backups', () => {
  it('reads entries and lists Steam as skipped', async () => {
    expect(await andOtpImporter.read(input(jsonBytes(ANDOTP_ENTRIES)))).toEqual(SAMPLE);
    expect(andOtpImporter.detect(input(jsonBytes(ANDOTP_ENTRIES)))).toBe(true);
  });

  it('reads an empty backup as no entries', async () => {
    expect(await andOtpImporter.read(input(utf8('[]')))).toEqual({
      format: 'andotp',
      accounts: [],
      skipped: [],
    });
  });

  it.each([
    ['A - A:b', { issuer: 'A', name: 'b' }],
    ['Air Canada - Benjamin', { issuer: 'Air Canada', name: 'Benjamin' }],
    ['A - B - c', { issuer: 'A', name: 'B - c' }],
    ['Issuer:name', { issuer: 'Issuer', name: 'name' }],
    ['just a name', { name: 'just a name' }],
  ])('splits an old label %j without an issuer field', (label, expected) => {
    expect(andOtpLabel(undefined, label)).toEqual(expected);
  });

  it('keeps the label whole when there is an issuer field', () => {
    expect(andOtpLabel('X', 'A - A:b')).toEqual({ issuer: 'X', name: 'A - A:b' });
  });

  it.each([
    ['MOTP', { type: 'MOTP' }, 'import_skipped_unsupported_type'],
    ['MD5', { algorithm: 'MD5' }, 'import_skipped_unsupported_algorithm'],
    ['11 digits', { digits: 11 }, 'import_skipped_unsupported_digits'],
    ['no secret', { secret: undefined }, 'import_skipped_invalid_account'],
    ['no type', { type: undefined }, 'import_skipped_invalid_account'],
    ['a list as label', { label: ['x'] }, 'import_skipped_invalid_account'],
  ])('lists an entry with %s as skipped', async (_what, change, reason) => {
    const bad = { ...(ANDOTP_ENTRIES[0] as object), ...change };
    const { accounts, skipped } = await andOtpImporter.read(input(jsonBytes([bad])));
    expect(accounts).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toBe(reason);
  });

  it('accepts lower-case types and padded secrets', async () => {
    const entry = { ...(ANDOTP_ENTRIES[0] as object), type: 'totp', secret: 'JBSWY3DPEHPK3PXP==' };
    const { accounts } = await andOtpImporter.read(input(jsonBytes([entry])));
    expect(accounts).toEqual([SAMPLE.accounts[0]]);
  });

  it.each([
    ['a JSON object', '{"secret": "JBSWY3DPEHPK3PXP"}'],
    ['broken JSON', '[{"secret": "JBSWY3DP'],
    ['plain text', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
  ])('rejects %s as corrupt', async (_what, text) => {
    expect((await backupError(andOtpImporter.read(input(utf8(text)), 'pw'))).code).toBe('corrupt');
  });

  it('does not claim other JSON arrays', () => {
    for (const value of [[], [1], [{ secret: 'A' }], [{ secret: 'A', type: 'T', otp: {} }]]) {
      expect(andOtpImporter.detect(input(jsonBytes(value)))).toBe(false);
    }
  });
});

describe('andOTP encrypted backups', () => {
  const plain = jsonBytes(ANDOTP_ENTRIES);

  it.each([1, 1000, 140_000])('reads the current layout (%i iterations)', async (iterations) => {
    const bytes = await andOtpNew(plain, 'pässword', iterations);
    expect(await andOtpImporter.read(input(bytes, 'otp.json.aes'), 'pässword')).toEqual(SAMPLE);
    const err = await backupError(andOtpImporter.read(input(bytes), 'password'));
    expect(err.code).toBe('wrong-password');
  });

  it('reads the old layout', async () => {
    const bytes = await andOtpOld(plain, 'pw');
    expect(await andOtpImporter.read(input(bytes), 'pw')).toEqual(SAMPLE);
    expect((await backupError(andOtpImporter.read(input(bytes), 'px'))).code).toBe(
      'wrong-password',
    );
  });

  it('never derives a key from an implausible iteration count', async () => {
    const bytes = await andOtpOld(plain, 'pw');
    bytes.set([0xff, 0xff, 0xff, 0xff]); // 4,294,967,295 iterations, were it the new layout
    expect(parseAndOtpFile(bytes)).toMatchObject({ kind: 'encrypted', newLayout: undefined });
    const started = performance.now();
    expect((await backupError(andOtpImporter.read(input(bytes), 'pw'))).code).toBe(
      'wrong-password',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports decrypted data that is not a JSON array as corrupt', async () => {
    for (const text of ['{"a": 1}', 'not json']) {
      const bytes = await andOtpNew(utf8(text), 'pw', 10);
      expect((await backupError(andOtpImporter.read(input(bytes), 'pw'))).code).toBe('corrupt');
    }
  });

  it('rejects binary data too short to hold a nonce and a tag', async () => {
    const bytes = new Uint8Array(27).fill(0xff);
    expect((await backupError(andOtpImporter.read(input(bytes), 'pw'))).code).toBe('corrupt');
    expect(andOtpImporter.detect(input(bytes, 'x.json.aes'))).toBe(false);
  });

  it('claims binary data by the .aes name or a plausible iteration count only', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random(100)]);
    const ico = new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16, ...random(100)]);
    expect(andOtpImporter.detect(input(png, 'qr.png'))).toBe(false);
    expect(andOtpImporter.detect(input(ico, 'favicon.ico'))).toBe(false);
    expect(andOtpImporter.detect(input(await andOtpNew(plain, 'pw', 150_000), 'x.bin'))).toBe(true);
    const old = await andOtpOld(plain, 'pw');
    expect(andOtpImporter.detect(input(old, 'otp_accounts_2024.json.aes'))).toBe(true);
  });
});

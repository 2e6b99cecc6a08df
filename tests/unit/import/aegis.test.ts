import { describe, expect, it } from 'vitest';
import { aegisImporter } from '../../../lib/import/aegis';
import { AEGIS_ANDOTP_2FAS_IMPORTERS } from './importer-groups';
import { parseAegisFile } from '../../../lib/import/aegis';
import type { ImportInput } from '../../../lib/import/types';
import {
  AEGIS_ENTRIES,
  aegisDb,
  aegisEncrypted,
  aegisPlain,
  jsonBytes,
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
} from './aegis-andotp-2fas-fixtures';

const input = (bytes: Uint8Array, name = 'aegis-export.json'): ImportInput => ({ name, bytes });
const formatsClaiming = (i: ImportInput) =>
  AEGIS_ANDOTP_2FAS_IMPORTERS.filter((imp) => imp.detect(i)).map((imp) => imp.format);

/** Aegis files of the fixture folder; MANIFEST: no test adjustment for any of them. */
const FIXTURES = [
  { file: 'aegis_plain.json', password: undefined },
  { file: 'aegis_encrypted.json', password: 'test' },
  // db.version 2 with the old `group` name field (ignored: groups are not imported).
  { file: 'aegis_plain_grouped_v2.json', password: undefined },
];
const ENCRYPTED = FIXTURES.filter((f) => f.password !== undefined);

describe.skipIf(!aegisPresent)('Aegis fixtures (../shared/fixtures/aegis)', () => {
  it.each(FIXTURES)('$file imports exactly its expected entries', async ({ file, password }) => {
    const bytes = readBytes(AEGIS_DIR, file);
    const result = await aegisImporter.read(input(bytes, file), password);
    expect(result).toEqual({ format: 'aegis', ...expectedImport(rawExpected(file)) });
    // Steam is listed, never dropped: every entry the MANIFEST counts is accounted for.
    expect(result.accounts.length + result.skipped.length).toBe(manifestCount(file));
    expect(result.skipped).toEqual([
      { title: 'Boeing (Sophia)', reason: 'import_skipped_unsupported_type' },
    ]);
  });

  it.each(FIXTURES)('$file is recognised as Aegis only', ({ file }) => {
    expect(formatsClaiming(input(readBytes(AEGIS_DIR, file), file))).toEqual(['aegis']);
  });

  it.each(ENCRYPTED)('$file: a wrong password is rejected', async ({ file }) => {
    const bytes = readBytes(AEGIS_DIR, file);
    for (const password of ['wrong', 'Test', 'test ']) {
      const err = await backupError(aegisImporter.read(input(bytes, file), password));
      expect([err.code, err.format]).toEqual(['wrong-password', 'aegis']);
    }
  });

  it.each(ENCRYPTED)('$file: no password asks for one', async ({ file }) => {
    const bytes = readBytes(AEGIS_DIR, file);
    for (const password of [undefined, '']) {
      const err = await backupError(aegisImporter.read(input(bytes, file), password));
      expect(err.code).toBe('password-required');
    }
  });

  it.each(FIXTURES)('$file cut in half is rejected as a whole', async ({ file, password }) => {
    const half = firstHalf(readBytes(AEGIS_DIR, file));
    const err = await backupError(aegisImporter.read(input(half, file), password ?? 'test'));
    expect(err.code).toBe('corrupt');
  });
});

if (!aegisPresent) {
  describe('Aegis fixtures (../shared/fixtures/aegis)', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

const SAMPLE = {
  format: 'aegis',
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

const entry = (type: unknown, info: Record<string, unknown>, more: object = {}) => ({
  type,
  name: 'n',
  issuer: 'I',
  info: { secret: 'JBSWY3DPEHPK3PXP', ...info },
  ...more,
});

describe('Aegis plain vaults', () => {
  it.each([1, 2, 3])('reads db.version %i', async (version) => {
    expect(await aegisImporter.read(input(aegisPlain(aegisDb(version))))).toEqual(SAMPLE);
  });

  it.each([
    ['steam', entry('steam', { digits: 5, period: 30 }), 'import_skipped_unsupported_type'],
    ['yandex', entry('yandex', { pin: '1234', length: 16 }), 'import_skipped_unsupported_type'],
    ['motp', entry('motp', { pin: '1234' }), 'import_skipped_unsupported_type'],
    ['a future type', entry('future', {}), 'import_skipped_unsupported_type'],
    ['MD5', entry('totp', { algo: 'MD5' }), 'import_skipped_unsupported_algorithm'],
    ['12 digits', entry('totp', { digits: 12 }), 'import_skipped_unsupported_digits'],
    ['digits as an object', entry('totp', { digits: {} }), 'import_skipped_invalid_account'],
    ['an empty secret', entry('hotp', { secret: '' }), 'import_skipped_invalid_account'],
    ['a non-Base32 secret', entry('totp', { secret: 'AB1!' }), 'import_skipped_invalid_account'],
    ['a negative counter', entry('hotp', { counter: -1 }), 'import_skipped_invalid_account'],
    ['a period of 0', entry('totp', { period: 0 }), 'import_skipped_invalid_account'],
    ['no type', entry(undefined, {}), 'import_skipped_invalid_account'],
  ])('lists an entry with %s as skipped', async (_what, bad, reason) => {
    const db = aegisDb(3, [bad, ...AEGIS_ENTRIES]);
    const result = await aegisImporter.read(input(aegisPlain(db)));
    expect(result.accounts).toEqual(SAMPLE.accounts);
    expect(result.skipped).toEqual([{ title: 'I (n)', reason }, ...SAMPLE.skipped]);
  });

  it('lists an entry whose name is not text as invalid, titled by its issuer', async () => {
    const db = aegisDb(3, [entry('totp', {}, { name: 7 })]);
    expect((await aegisImporter.read(input(aegisPlain(db)))).skipped).toEqual([
      { title: 'I', reason: 'import_skipped_invalid_account' },
    ]);
  });

  it('names an entry with neither issuer nor name by its position', async () => {
    const db = aegisDb(3, [...AEGIS_ENTRIES, 'not an entry', { type: 'steam', info: {} }]);
    const { skipped } = await aegisImporter.read(input(aegisPlain(db)));
    expect(skipped.slice(1)).toEqual([
      { title: '#4', reason: 'import_skipped_invalid_account' },
      { title: '#5', reason: 'import_skipped_unsupported_type' },
    ]);
  });

  it('keeps HOTP counters up to 2^53 − 1 and reads numeric text', async () => {
    const db = aegisDb(3, [
      entry('hotp', { counter: Number.MAX_SAFE_INTEGER, digits: '7', algo: 'sha512' }),
    ]);
    const [account] = (await aegisImporter.read(input(aegisPlain(db)))).accounts;
    expect(account).toMatchObject({ counter: Number.MAX_SAFE_INTEGER, digits: 7 });
    expect(account?.algorithm).toBe('SHA512');
  });

  it.each([
    ['file version 2', { version: 2, header: { slots: null, params: null }, db: aegisDb() }],
    ['db.version 4', { version: 1, header: { slots: null, params: null }, db: aegisDb(4) }],
  ])('refuses a newer format (%s)', async (_what, file) => {
    const err = await backupError(aegisImporter.read(input(jsonBytes(file))));
    expect([err.code, err.format]).toEqual(['unsupported-version', 'aegis']);
  });

  it.each([
    ['no file version', { header: { slots: null }, db: aegisDb() }],
    ['db.version 0', { version: 1, header: { slots: null }, db: aegisDb(0) }],
    ['no entries', { version: 1, header: { slots: null }, db: { version: 1 } }],
    [
      'entries as an object',
      { version: 1, header: { slots: null }, db: { version: 1, entries: {} } },
    ],
    ['a string db without slots', { version: 1, header: { slots: null }, db: 'AAAA' }],
    ['slots as an object', { version: 1, header: { slots: {}, params: null }, db: 'AAAA' }],
  ])('rejects a broken file (%s) as corrupt', async (_what, file) => {
    expect((await backupError(aegisImporter.read(input(jsonBytes(file))))).code).toBe('corrupt');
  });

  it('does not claim other JSON or text', () => {
    for (const text of ['[]', '{}', '{"header":{},"db":{}}', 'otpauth://totp/a?secret=AA', '']) {
      expect(aegisImporter.detect(input(utf8(text)))).toBe(false);
    }
  });
});

describe('Aegis encrypted vaults', () => {
  it('opens a vault with its password and rejects others', async () => {
    const bytes = await aegisEncrypted(aegisDb(), ['correct horse']);
    expect(aegisImporter.detect(input(bytes))).toBe(true);
    expect(await aegisImporter.read(input(bytes), 'correct horse')).toEqual(SAMPLE);
    const err = await backupError(aegisImporter.read(input(bytes), 'correct horse '));
    expect(err.code).toBe('wrong-password');
  });

  it('reads non-ASCII passwords as UTF-8', async () => {
    const bytes = await aegisEncrypted(aegisDb(), ['電線健保パスワード']);
    expect(await aegisImporter.read(input(bytes), '電線健保パスワード')).toEqual(SAMPLE);
  });

  it('tries every password slot and ignores raw-key and biometric slots', async () => {
    const other = { type: 0, uuid: 'x', key: '00'.repeat(32), key_params: {} };
    const bytes = await aegisEncrypted(aegisDb(), ['first', 'backup password'], {
      extraSlots: [other, { ...other, type: 2 }],
    });
    expect(await aegisImporter.read(input(bytes), 'first')).toEqual(SAMPLE);
    expect(await aegisImporter.read(input(bytes), 'backup password')).toEqual(SAMPLE);
  });

  it('refuses a vault that only biometrics can open', async () => {
    const bytes = await aegisEncrypted(aegisDb(), [], {
      extraSlots: [{ type: 2, uuid: 'x', key: '00'.repeat(32) }],
    });
    const err = await backupError(aegisImporter.read(input(bytes), 'anything'));
    expect(err.code).toBe('unsupported-format');
  });

  it('reports a damaged db under the right password as corrupt', async () => {
    const bytes = await aegisEncrypted(aegisDb(), ['pw']);
    const file = JSON.parse(new TextDecoder().decode(bytes)) as { db: string };
    const flipped = (file.db[0] === 'A' ? 'B' : 'A') + file.db.slice(1);
    const damaged = jsonBytes({ ...file, db: flipped });
    expect((await backupError(aegisImporter.read(input(damaged), 'pw'))).code).toBe('corrupt');
    const notJson = await aegisEncrypted(undefined, ['pw'], { dbBytes: utf8('{"entries": [') });
    expect((await backupError(aegisImporter.read(input(notJson), 'pw'))).code).toBe('corrupt');
  });

  it.each([
    ['N not a power of two', { n: 1000 }],
    ['N above 2^20', { n: 2 ** 21 }],
    ['r of 0', { r: 0 }],
    ['p of 17', { p: 17 }],
    ['128·N·r above 256 MiB', { n: 2 ** 20, r: 8 }],
    ['a 16-byte sealed key', { key: '00'.repeat(16) }],
    ['a short nonce', { key_params: { nonce: '00', tag: '00'.repeat(16) } }],
    ['a non-hex salt', { salt: 'zz' }],
  ])('rejects a slot with %s before deriving any key', async (_what, change) => {
    const bytes = await aegisEncrypted(aegisDb(), ['pw']);
    const file = JSON.parse(new TextDecoder().decode(bytes)) as {
      header: { slots: Record<string, unknown>[] };
    };
    file.header.slots = file.header.slots.map((s) => ({ ...s, ...change }));
    const started = performance.now();
    expect(() => parseAegisFile(jsonBytes(file))).toThrow(/corrupt/);
    expect((await backupError(aegisImporter.read(input(jsonBytes(file)), 'pw'))).code).toBe(
      'corrupt',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

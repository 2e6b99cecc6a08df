import { describe, expect, it } from 'vitest';
import { twoFasImporter } from '../../../lib/import/twofas';
import { AEGIS_ANDOTP_2FAS_IMPORTERS } from './importer-groups';
import type { ImportInput, ImportedEntries } from '../../../lib/import/types';
import { parseTwoFasFile, readTwoFasServices, twoFasLabel } from '../../../lib/import/twofas';
import {
  decryptTwoFasServices,
  openTwoFasSealed,
  parseTwoFasSealed,
} from '../../../lib/import/twofas-crypto';
import type { AccountData } from '../../../lib/otp/types';
import { TWOFAS_SERVICES, jsonBytes, twoFas, utf8 } from './aegis-andotp-2fas-builders';
import {
  ABSENT,
  AEGIS_DIR,
  TWOFAS_DIR,
  aegisPresent,
  backupError,
  csvRows,
  expectedImport,
  firstHalf,
  fixedWidthRows,
  manifestCount,
  manifestTable,
  rawExpected,
  readBytes,
  readText,
  twoFasPresent,
} from './aegis-andotp-2fas-fixtures';

const input = (bytes: Uint8Array, name = 'backup.2fas'): ImportInput => ({ name, bytes });
const formatsClaiming = (i: ImportInput) =>
  AEGIS_ANDOTP_2FAS_IMPORTERS.filter((imp) => imp.detect(i)).map((imp) => imp.format);

/**
 * The 2FAS files of the Aegis fixtures (password `test`). MANIFEST adjustments, all already in
 * expected_entries.json and completed with this app's defaults by `expectedImport`: schema 1
 * stores no OTP parameters (SHA1/6/30); schema 2 has no token type, so its HOTP vectors are
 * TOTP with period 30.
 */
const AEGIS_2FAS = [
  { file: '2fas_authenticator.json', password: undefined },
  { file: '2fas_authenticator_plain.2fas', password: undefined },
  { file: '2fas_authenticator_encrypted.2fas', password: 'test' },
  { file: '2fas_authenticator_plain_v3.2fas', password: undefined },
  { file: '2fas_authenticator_encrypted_v3.2fas', password: 'test' },
  { file: '2fas_authenticator_plain_v4.2fas', password: undefined },
  { file: '2fas_authenticator_encrypted_v4.2fas', password: 'test' },
].map((f) => ({ ...f, dir: AEGIS_DIR }));

/** The 2fas-backup-decryptor samples (password `example.com`). */
const DECRYPTOR_2FAS = [
  { file: 'encrypted_test.2fas', password: 'example.com' },
  { file: 'encrypted_test_initial_b18370c.2fas', password: 'example.com' },
].map((f) => ({ ...f, dir: TWOFAS_DIR }));

const ENCRYPTED = [
  ...(aegisPresent ? AEGIS_2FAS : []),
  ...(twoFasPresent ? DECRYPTOR_2FAS : []),
].filter((f) => f.password !== undefined);
const ALL = [...(aegisPresent ? AEGIS_2FAS : []), ...(twoFasPresent ? DECRYPTOR_2FAS : [])];

describe.skipIf(!aegisPresent)('2FAS fixtures (../shared/fixtures/aegis)', () => {
  it.each(AEGIS_2FAS)('$file imports exactly its expected entries', async ({ file, password }) => {
    const result = await twoFasImporter.read(input(readBytes(AEGIS_DIR, file), file), password);
    expect(result).toEqual({ format: '2fas', ...expectedImport(rawExpected(file)) });
    expect(result.accounts.length + result.skipped.length).toBe(manifestCount(file));
    // Only schema 4 has Steam (tokenType STEAM): listed as skipped.
    expect(result.skipped).toEqual(
      file.includes('_v4')
        ? [{ title: 'Boeing (Sophia)', reason: 'import_skipped_unsupported_type' }]
        : [],
    );
  });
});

/** An expected 2FAS entry from a row of flattened keys (the decryptor's CSV / pretty table). */
function rowEntry(r: Record<string, string>): AccountData | { title: string; reason: string } {
  if (r['otp.tokenType'] === 'STEAM') {
    return { title: `${r.name} (${r['otp.account']})`, reason: 'import_skipped_unsupported_type' };
  }
  const hotp = r['otp.tokenType'] === 'HOTP';
  return {
    type: hotp ? 'hotp' : 'totp',
    issuer: r.name ?? '',
    name: r['otp.account'] ?? '',
    secret: r.secret ?? '',
    algorithm: r['otp.algorithm'] as AccountData['algorithm'],
    digits: Number(r['otp.digits']),
    period: hotp ? 30 : Number(r['otp.period']),
    counter: hotp ? Number(r['otp.counter']) : 0,
    sites: [],
  };
}

function fromRows(rows: Record<string, string>[]): ImportedEntries {
  const entries = rows.map(rowEntry);
  return {
    format: '2fas',
    accounts: entries.filter((e): e is AccountData => 'secret' in e),
    skipped: entries.filter((e) => !('secret' in e)) as ImportedEntries['skipped'],
  };
}

describe.skipIf(!twoFasPresent)('2FAS fixtures (../shared/fixtures/2fas)', () => {
  const bytes = () => readBytes(TWOFAS_DIR, 'encrypted_test.2fas');

  it.each([
    ['csv_test.csv', () => csvRows(readText(TWOFAS_DIR, 'csv_test.csv'))],
    ['pretty_test.txt', () => fixedWidthRows(readText(TWOFAS_DIR, 'pretty_test.txt'))],
  ])('encrypted_test.2fas imports exactly the entries of %s', async (_source, rows) => {
    const expected = fromRows(rows());
    expect(expected.accounts).toHaveLength(4);
    expect(expected.skipped).toEqual([
      { title: 'Boeing (Sophia)', reason: 'import_skipped_unsupported_type' },
    ]);
    expect(await twoFasImporter.read(input(bytes()), 'example.com')).toEqual(expected);
  });

  it('encrypted_test.2fas decrypts to the bytes of plaintext_test.json', async () => {
    const file = parseTwoFasFile(bytes());
    if (file.kind !== 'encrypted') throw new Error('expected an encrypted file');
    const plain = await decryptTwoFasServices(file.services, file.reference, 'example.com');
    expect(plain).toEqual(readBytes(TWOFAS_DIR, 'plaintext_test.json'));
    const services = JSON.parse(readText(TWOFAS_DIR, 'plaintext_test.json')) as unknown;
    expect(readTwoFasServices(services)).toEqual(
      await twoFasImporter.read(input(bytes()), 'example.com'),
    );
  });

  it("its reference decrypts to 2FAS's password-check constant (MANIFEST)", async () => {
    const constant = /`([A-Za-z0-9]{200,})`/.exec(readText(TWOFAS_DIR, 'MANIFEST.md'))?.[1];
    expect(constant).toBeDefined();
    const { reference } = JSON.parse(readText(TWOFAS_DIR, 'encrypted_test.2fas')) as {
      reference: string;
    };
    const opened = await openTwoFasSealed('example.com', parseTwoFasSealed(reference));
    expect(new TextDecoder().decode(opened)).toBe(constant);
  });

  it('encrypted_test_initial_b18370c.2fas imports the entry of its MANIFEST table', async () => {
    const [row] = manifestTable(TWOFAS_DIR, 'Expected entries: encrypted_test_initial');
    if (!row) throw new Error('MANIFEST table missing');
    const file = 'encrypted_test_initial_b18370c.2fas';
    const result = await twoFasImporter.read(input(readBytes(TWOFAS_DIR, file)), 'example.com');
    expect([row['otp.label'], row['otp.account']]).toEqual(['""', '""']);
    expect(result).toEqual({
      format: '2fas',
      // No otp.issuer and an empty account: the service name is the issuer.
      accounts: [
        {
          type: row.tokenType?.toLowerCase(),
          issuer: row.name,
          name: '',
          secret: row.secret?.split(' ')[0],
          algorithm: row.algorithm,
          digits: Number(row.digits),
          period: Number(row.period),
          counter: 0,
          sites: [],
        },
      ],
      skipped: [],
    });
  });
});

describe.skipIf(ALL.length === 0)('2FAS fixtures: rejections', () => {
  it.each(ALL)('$file is recognised as 2FAS only', ({ dir, file }) => {
    expect(formatsClaiming(input(readBytes(dir, file), file))).toEqual(['2fas']);
  });

  it.each(ENCRYPTED)('$file: a wrong password is rejected', async ({ dir, file, password }) => {
    const bytes = readBytes(dir, file);
    for (const wrong of ['wrong', `${password} `, password.toUpperCase()]) {
      const err = await backupError(twoFasImporter.read(input(bytes, file), wrong));
      expect([err.code, err.format]).toEqual(['wrong-password', '2fas']);
    }
  });

  it.each(ENCRYPTED)('$file: no password asks for one', async ({ dir, file }) => {
    const err = await backupError(twoFasImporter.read(input(readBytes(dir, file), file)));
    expect(err.code).toBe('password-required');
  });

  it.each(ALL)('$file cut in half is rejected as a whole', async ({ dir, file, password }) => {
    const half = firstHalf(readBytes(dir, file));
    const err = await backupError(twoFasImporter.read(input(half, file), password ?? 'test'));
    expect(err.code).toBe('corrupt');
  });
});

if (!aegisPresent || !twoFasPresent) {
  describe('2FAS fixtures', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

const SAMPLE = {
  format: '2fas',
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

describe('2FAS plain backups', () => {
  it.each([3, 4])('reads schema %i with token types', async (schemaVersion) => {
    const bytes = await twoFas(TWOFAS_SERVICES, { schemaVersion });
    expect(await twoFasImporter.read(input(bytes))).toEqual(SAMPLE);
  });

  it.each([1, 2])('reads every service of schema %i as TOTP', async (schemaVersion) => {
    const services = TWOFAS_SERVICES.slice(0, 2).map((s) => {
      const { otp, ...rest } = s as { otp: Record<string, unknown> };
      const params = Object.entries(otp).filter(([key]) => key !== 'tokenType');
      return { ...rest, otp: Object.fromEntries(params) };
    });
    const { accounts, skipped } = await twoFasImporter.read(
      input(await twoFas(services, { schemaVersion })),
    );
    expect(skipped).toEqual([]);
    expect(accounts.map((a) => [a.type, a.period, a.counter])).toEqual([
      ['totp', 30, 0],
      ['totp', 30, 0],
    ]);
  });

  it('takes the service name as issuer, falling back to otp.issuer', () => {
    expect(twoFasLabel({ name: 'My Bank', otp: { issuer: 'Bank', account: 'joe' } })).toEqual({
      issuer: 'My Bank',
      name: 'joe',
    });
    expect(twoFasLabel({ name: ' ', otp: { issuer: 'Bank', account: 'joe' } })).toEqual({
      issuer: 'Bank',
      name: 'joe',
    });
  });

  it('takes the account from the label when otp.account is empty', () => {
    const otp = { issuer: 'Bank', account: '', label: 'Bank:joe' };
    expect(twoFasLabel({ name: 'Bank', otp })).toEqual({ issuer: 'Bank', name: 'joe' });
    expect(twoFasLabel({ name: 'B', otp: { label: 'x:y' } })).toEqual({ issuer: 'B', name: 'x:y' });
    expect(twoFasLabel({ name: 'B', otp: {} })).toEqual({ issuer: 'B' });
  });

  it.each([
    ['tokenType YANDEX', { tokenType: 'YANDEX' }, 'import_skipped_unsupported_type'],
    ['MD5', { algorithm: 'MD5' }, 'import_skipped_unsupported_algorithm'],
    ['0 digits', { digits: 0 }, 'import_skipped_unsupported_digits'],
    ['tokenType 3', { tokenType: 3 }, 'import_skipped_invalid_account'],
    ['period as a list', { period: [30] }, 'import_skipped_invalid_account'],
  ])('lists a service with %s as skipped', async (_what, change, reason) => {
    const service = TWOFAS_SERVICES[0] as { otp: object };
    const bad = { ...service, otp: { ...service.otp, ...change } };
    const result = await twoFasImporter.read(input(await twoFas([bad, ...TWOFAS_SERVICES])));
    expect(result.accounts).toEqual(SAMPLE.accounts);
    expect(result.skipped).toEqual([
      { title: 'Example (alice@example.com)', reason },
      ...SAMPLE.skipped,
    ]);
  });

  it('lists services that are not objects, or have no secret, as invalid', async () => {
    const services = [null, 'x', { name: 'No key', otp: { account: 'a' } }, { otp: 5 }];
    const { accounts, skipped } = await twoFasImporter.read(input(await twoFas(services)));
    expect(accounts).toEqual([]);
    expect(skipped).toEqual([
      { title: '#1', reason: 'import_skipped_invalid_account' },
      { title: '#2', reason: 'import_skipped_invalid_account' },
      { title: 'No key (a)', reason: 'import_skipped_invalid_account' },
      { title: '#4', reason: 'import_skipped_invalid_account' },
    ]);
  });

  it('refuses a newer schema', async () => {
    const err = await backupError(
      twoFasImporter.read(input(await twoFas(TWOFAS_SERVICES, { schemaVersion: 5 }))),
    );
    expect([err.code, err.format]).toEqual(['unsupported-version', '2fas']);
  });

  it.each([
    ['schemaVersion 0', { schemaVersion: 0, services: [] }],
    ['schemaVersion 1.5', { schemaVersion: 1.5, services: [] }],
    ['services as an object', { schemaVersion: 4, services: {}, servicesEncrypted: '' }],
    ['servicesEncrypted as a number', { schemaVersion: 4, services: [], servicesEncrypted: 1 }],
    ['a reference without servicesEncrypted', { schemaVersion: 4, services: [], reference: 'A' }],
    [
      'an empty servicesEncrypted with a reference',
      { schemaVersion: 4, services: [], servicesEncrypted: '', reference: 'A:A:A' },
    ],
    ['two-part servicesEncrypted', { schemaVersion: 4, servicesEncrypted: 'AAAA:AAAA' }],
  ])('rejects %s as corrupt', async (_what, file) => {
    expect((await backupError(twoFasImporter.read(input(jsonBytes(file)), 'pw'))).code).toBe(
      'corrupt',
    );
  });

  it('does not claim other JSON', () => {
    for (const value of [[], {}, { services: [] }, { schemaVersion: '4', services: [] }]) {
      expect(twoFasImporter.detect(input(jsonBytes(value)))).toBe(false);
    }
  });
});

describe('2FAS encrypted backups', () => {
  it.each([true, false])('reads one (with reference: %s)', async (reference) => {
    const bytes = await twoFas(TWOFAS_SERVICES, { password: 'pw', reference });
    expect(await twoFasImporter.read(input(bytes), 'pw')).toEqual(SAMPLE);
    expect((await backupError(twoFasImporter.read(input(bytes), 'pW'))).code).toBe(
      'wrong-password',
    );
  });

  it('reports damaged services as corrupt when the reference proves the password', async () => {
    const bytes = await twoFas(TWOFAS_SERVICES, { password: 'pw' });
    const file = JSON.parse(new TextDecoder().decode(bytes)) as { servicesEncrypted: string };
    const s = file.servicesEncrypted;
    const damaged = jsonBytes({
      ...file,
      servicesEncrypted: (s[0] === 'A' ? 'B' : 'A') + s.slice(1),
    });
    expect((await backupError(twoFasImporter.read(input(damaged), 'pw'))).code).toBe('corrupt');
  });

  it('reports decrypted services that are not JSON as corrupt', async () => {
    const bytes = await twoFas([], { password: 'pw', plainBytes: utf8('[{"name": "x"') });
    expect((await backupError(twoFasImporter.read(input(bytes), 'pw'))).code).toBe('corrupt');
  });

  it.each([
    ['an IV of 16 bytes', `AAAAAAAAAAAAAAAAAAAAAA==:AAAA:${btoa('x'.repeat(16))}`],
    ['no salt', `AAAAAAAAAAAAAAAAAAAAAA==::${btoa('x'.repeat(12))}`],
    ['a short ciphertext', `AAAA:AAAA:${btoa('x'.repeat(12))}`],
    ['non-base64', `AAAAAAAAAAAAAAAAAAAAAA==:AA*A:${btoa('x'.repeat(12))}`],
  ])('rejects a sealed field with %s', (_what, text) => {
    expect(() => parseTwoFasSealed(text)).toThrow(/corrupt/);
  });
});

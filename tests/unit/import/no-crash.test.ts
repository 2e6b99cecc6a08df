import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAuthenticatorExtBackup } from '../../../lib/import/authenticator-ext';
import {
  bitwardenCsvImporter,
  bitwardenJsonImporter,
  readBitwardenCsv,
  readBitwardenJson,
} from '../../../lib/import/bitwarden';
import { CsvSyntaxError, parseCsv } from '../../../lib/import/csv';
import { readImportFile } from '../../../lib/import/registry';
import { OTHER_IMPORTERS } from './importer-groups';
import { otpauthTextImporter, readOtpauthText } from '../../../lib/import/otpauth-text';
import {
  parseBackupEnvelope,
  pcBackupImporter,
  readBackupPayload,
} from '../../../lib/backup/pc-backup';
import { BackupError, type ImportedEntries } from '../../../lib/import/types';
import { openSslEncrypt } from './other-fixtures';

/**
 * Property tests: on arbitrary input the parsers throw nothing but BackupError (no TypeError
 * from a missing field, no RangeError from a bad length…). Argon2 is never reached: the
 * generated files fail before it, so 10,000 runs each stay fast.
 */
const RUNS = 10_000;
const TIMEOUT = 120_000;

/** Calls `fn`; a BackupError is an accepted outcome, anything else fails the property. */
function onlyBackupError<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BackupError) return undefined;
    throw err;
  }
}

async function onlyBackupErrorAsync(fn: () => Promise<ImportedEntries>): Promise<void> {
  try {
    const result = await fn();
    expect(Array.isArray(result.accounts) && Array.isArray(result.skipped)).toBe(true);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = fc.jsonValue({ maxDepth: 2 });
/** Usually `valid`, sometimes `junk`: deep paths are reached often, odd values still appear. */
function mostly<T, U>(valid: fc.Arbitrary<T>, junk: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: junk, weight: 1 });
}

const validSecret = fc.constantFrom(
  'JBSWY3DPEHPK3PXP',
  'jbsw y3dp ehpk 3pxp',
  'GEZDGNBV',
  'abcd1234',
);
const base32ish = fc.oneof(validSecret, fc.stringMatching(/^[A-Za-z2-7 =\-01]{0,40}$/));

/** Pieces of otpauth text, so generated lines reach deep into the URI parser. */
const uriPiece = fc.oneof(
  fc.constantFrom(
    'otpauth://',
    'otpauth-migration://offline?data=',
    'CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC',
    '?',
    '&',
    '=',
    ':',
    '%',
    '%E0%A4',
    '+',
    '#',
    '\n',
    '\r',
    '\uFEFF',
  ),
  base32ish,
  fc.string({ maxLength: 8 }),
);
const param = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'SECRET'),
      fc.string({ maxLength: 4 }),
    ),
    fc.oneof(
      base32ish,
      fc.constantFrom('SHA1', 'sha256', 'SHA512', 'MD5', '6', '8', '0', '12', '30', '-1', 'x'),
      fc.integer().map(String),
      fc.string({ maxLength: 6 }),
    ),
  )
  .map(([k, v]) => `${k}=${v}`);
const otpauthLine = fc
  .tuple(
    mostly(fc.constantFrom('otpauth://', 'OTPAUTH://'), fc.constantFrom('otpauth:/', 'otpauth:')),
    mostly(fc.constantFrom('totp', 'hotp', 'TOTP'), fc.constantFrom('steam', '', 'x')),
    fc.oneof(
      fc.constantFrom('/Issuer:name', '/name', '/%E2%9C%93:a%40b', '/', ''),
      fc.string({ maxLength: 6 }),
    ),
    mostly(
      validSecret.map((v) => `secret=${v}`),
      param,
    ),
    fc.array(param, { maxLength: 4 }),
  )
  .map(
    ([scheme, type, label, secret, params]) =>
      `${scheme}${type}${label}?${[secret, ...params].join('&')}`,
  );
const otpauthText = fc
  .array(
    fc.oneof(
      otpauthLine,
      fc.array(uriPiece, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.constantFrom('', '# comment', '// comment', '  '),
    ),
    { maxLength: 6 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));

describe('no crash on arbitrary input', () => {
  it(
    'otpauth text: readOtpauthText never throws',
    () => {
      fc.assert(
        fc.property(fc.oneof(otpauthText, fc.string({ unit: 'binary' })), (text) => {
          const read = readOtpauthText(text);
          expect(read.accounts.length + read.skipped.length).toBeLessThanOrEqual(
            text.split(/\r\n|\n|\r/).length * 20,
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'otpauth text importer: only BackupError on arbitrary bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(otpauthText.map(utf8), fc.uint8Array({ maxLength: 200 })),
          async (bytes) => {
            const input = { name: 'x.txt', bytes };
            if (otpauthTextImporter.detect(input)) {
              await onlyBackupErrorAsync(() => otpauthTextImporter.read(input));
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  const csvText = fc
    .array(
      fc.oneof(
        fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', 'a', ' '),
        fc.string({ maxLength: 4 }),
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(''));

  it(
    'CSV: parseCsv throws only CsvSyntaxError',
    () => {
      fc.assert(
        fc.property(fc.oneof(csvText, fc.string({ unit: 'binary' })), (text) => {
          try {
            const records = parseCsv(text);
            expect(records.every((r) => r.length >= 1)).toBe(true);
          } catch (err) {
            if (!(err instanceof CsvSyntaxError)) throw err;
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'Bitwarden CSV: only BackupError',
    () => {
      const header = fc.constantFrom(
        'name,login_username,login_totp\n',
        'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n',
        '"login_totp","name"\n',
      );
      const cell = fc.oneof(otpauthText, base32ish, fc.constantFrom('steam://AAAA', '"', '"a,b"'));
      const row = fc.array(cell, { maxLength: 12 }).map((cells) => cells.join(','));
      const body = fc
        .array(fc.oneof(row, csvText), { maxLength: 6 })
        .map((rows) => rows.join('\n'));
      fc.assert(
        fc.property(header, body, (h, b) => {
          onlyBackupError(() => readBitwardenCsv(h + b));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'Bitwarden JSON: only BackupError',
    async () => {
      const login = fc.record(
        {
          username: fc.oneof(fc.string(), json),
          totp: mostly(
            fc.oneof(otpauthLine, validSecret, fc.constant('steam://JBSWY3DP')),
            fc.oneof(otpauthText, base32ish, json),
          ),
        },
        { requiredKeys: [] },
      );
      const item = fc.oneof(
        fc.record(
          { name: fc.oneof(fc.string(), json), login: fc.oneof(login, json) },
          { requiredKeys: [] },
        ),
        json,
      );
      const root = fc.record(
        {
          encrypted: fc.oneof(fc.boolean(), json),
          passwordProtected: fc.oneof(fc.boolean(), json),
          items: fc.oneof(fc.array(item, { maxLength: 5 }), json),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(root, json), async (value) => {
          const input = { name: 'b.json', bytes: utf8(JSON.stringify(value) ?? '') };
          if (bitwardenJsonImporter.detect(input)) {
            await onlyBackupErrorAsync(() => bitwardenJsonImporter.read(input));
          }
          if (bitwardenCsvImporter.detect(input)) {
            await onlyBackupErrorAsync(() => bitwardenCsvImporter.read(input));
          }
          if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
            onlyBackupError(() => readBitwardenJson(value as Record<string, unknown>));
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  describe('Authenticator extension records', () => {
    /** Valid CryptoJS ciphertexts under "pw", so decryption paths are reached too. */
    let blobs: string[] = [];
    beforeAll(async () => {
      blobs = await Promise.all([
        openSslEncrypt('JBSWY3DPEHPK3PXP', 'pw'),
        openSslEncrypt('', 'pw'),
        openSslEncrypt('{"secret": 5, "type": []}', 'pw'),
        openSslEncrypt('{"secret": "abcd1234", "type": "hhex", "counter": "x"}', 'pw'),
        openSslEncrypt(new Uint8Array([0xff, 0xfe]), 'pw'),
        openSslEncrypt('JBSWY3DPEHPK3PXP', 'other'),
      ]);
    });

    it(
      'only BackupError',
      async () => {
        const blob = fc.nat({ max: 5 }).map((i) => blobs[i] ?? '');
        const text = mostly(fc.string({ maxLength: 12 }), fc.oneof(blob, json));
        const record = fc.record(
          {
            dataType: mostly(fc.constantFrom('OTPStorage', 'EncOTPStorage', 'Key', 'Group'), json),
            encrypted: mostly(fc.boolean(), json),
            type: mostly(fc.constantFrom('totp', 'hotp', 'hex', 'hhex', 'steam', 'battle'), json),
            secret: mostly(
              fc.oneof(validSecret, blob, fc.stringMatching(/^(blz-|stm-)?[0-9a-f]{0,12}$/)),
              fc.oneof(base32ish, json),
            ),
            issuer: text,
            account: text,
            index: mostly(fc.integer({ min: -2, max: 5 }), fc.oneof(fc.double(), json)),
            counter: mostly(fc.nat(), json),
            period: mostly(fc.integer({ min: -1, max: 120 }), fc.oneof(fc.double(), json)),
            digits: mostly(fc.integer({ min: 5, max: 11 }), json),
            algorithm: mostly(fc.constantFrom('SHA1', 'SHA256', 'GOST3411_2012_256', 'md5'), json),
            keyId: mostly(fc.constant('k'), json),
            data: mostly(blob, json),
            id: mostly(fc.constant('k'), json),
            salt: text,
            hash: text,
          },
          { requiredKeys: ['secret'] },
        );
        const root = fc.record(
          {
            records: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(record, json), {
              maxKeys: 5,
            }),
            key: fc.oneof(fc.record({ enc: text, hash: text }, { requiredKeys: [] }), json),
            enc: text,
          },
          { requiredKeys: ['records'] },
        );
        await fc.assert(
          fc.asyncProperty(root, fc.constantFrom(undefined, 'pw', 'other'), async (r, password) => {
            const value: Record<string, unknown> = { ...r.records };
            if ('key' in r) value.key = r.key;
            if ('enc' in r) value.enc = r.enc;
            const parsed = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
            await onlyBackupErrorAsync(() => readAuthenticatorExtBackup(parsed, password, crypto));
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  });

  it(
    'pc-authenticator backup header (parsing layer, before Argon2): only BackupError',
    () => {
      const b64 = (min: number, max: number) =>
        fc
          .uint8Array({ minLength: min, maxLength: max })
          .map((b) => Buffer.from(b).toString('base64'));
      const kdf = fc.record(
        {
          algorithm: fc.oneof(fc.constant('argon2id'), json),
          memoryKiB: fc.oneof(fc.integer(), fc.double(), json),
          iterations: fc.oneof(fc.integer({ min: -1, max: 100 }), json),
          parallelism: fc.oneof(fc.integer({ min: -1, max: 20 }), json),
          salt: fc.oneof(b64(0, 70), json),
        },
        { requiredKeys: [] },
      );
      const file = fc.record(
        {
          format: fc.oneof(fc.constant('pc-authenticator-backup'), json),
          version: fc.oneof(fc.constant(1), fc.integer(), json),
          createdAt: fc.oneof(fc.constant('2026-01-01T00:00:00.000Z'), fc.string(), json),
          kdf: fc.oneof(kdf, json),
          cipher: fc.oneof(
            fc.record(
              {
                algorithm: fc.oneof(fc.constant('AES-256-GCM'), json),
                iv: fc.oneof(b64(0, 20), json),
              },
              { requiredKeys: [] },
            ),
            json,
          ),
          data: fc.oneof(b64(0, 40), fc.string(), json),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(
          fc.oneof(
            file.map((f) => JSON.stringify(f)),
            fc.string(),
            json.map((j) => JSON.stringify(j)),
          ),
          (text) => {
            const envelope = onlyBackupError(() => parseBackupEnvelope(text));
            if (envelope) {
              expect(envelope.iv).toHaveLength(12);
              expect(envelope.data.length).toBeGreaterThanOrEqual(16);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'pc-authenticator backup payload (after decryption): only BackupError',
    () => {
      const entry = fc.record(
        {
          issuer: fc.oneof(fc.string(), json),
          name: fc.oneof(fc.string(), json),
          secret: fc.oneof(base32ish, json),
          type: fc.oneof(fc.constantFrom('totp', 'hotp', 'steam'), json),
          algorithm: fc.oneof(fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'MD5'), json),
          digits: fc.oneof(fc.integer({ min: -2, max: 12 }), json),
          period: fc.oneof(fc.integer(), fc.double(), json),
          counter: fc.oneof(fc.integer(), fc.double(), json),
          sites: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), json),
          order: fc.oneof(fc.integer(), fc.double(), json),
          deviceName: fc.oneof(fc.string(), json),
        },
        { requiredKeys: [] },
      );
      const payload = fc.oneof(
        fc.record({ accounts: fc.oneof(fc.array(fc.oneof(entry, json), { maxLength: 6 }), json) }),
        json,
      );
      fc.assert(
        fc.property(
          fc.oneof(
            payload.map((p) => utf8(JSON.stringify(p))),
            fc.uint8Array({ maxLength: 64 }),
          ),
          (bytes) => {
            onlyBackupError(() => readBackupPayload(bytes));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'readImportFile with every importer here: only BackupError on arbitrary bytes',
    async () => {
      const importers = [pcBackupImporter(crypto), ...OTHER_IMPORTERS.slice(1)];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 100 }),
            json.map((j) => utf8(JSON.stringify(j))),
            otpauthText.map(utf8),
          ),
          fc.constantFrom(undefined, 'pw'),
          async (bytes, password) => {
            await onlyBackupErrorAsync(() =>
              readImportFile({ name: 'f', bytes }, password, importers),
            );
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

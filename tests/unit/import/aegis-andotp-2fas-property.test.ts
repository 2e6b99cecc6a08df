import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { aegisImporter, parseAegisFile } from '../../../lib/import/aegis';
import { andOtpImporter, parseAndOtpFile } from '../../../lib/import/andotp';
import { parseTwoFasFile, twoFasImporter } from '../../../lib/import/twofas';
import {
  BackupError,
  type ImportInput,
  type ImportedEntries,
  type Importer,
} from '../../../lib/import/types';
import { AEGIS_ANDOTP_2FAS_IMPORTERS } from './importer-groups';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { validateAccountData } from '../../../lib/otp/account';
import {
  AEGIS_ENTRIES,
  ANDOTP_ENTRIES,
  TWOFAS_SERVICES,
  aegisDb,
  aegisEncrypted,
  aegisPlain,
  andOtpNew,
  andOtpOld,
  jsonBytes,
  twoFas,
  utf8,
} from './aegis-andotp-2fas-builders';
import {
  AEGIS_DIR,
  TWOFAS_DIR,
  aegisPresent,
  readBytes,
  twoFasPresent,
} from './aegis-andotp-2fas-fixtures';

/**
 * Whatever the input, the Aegis / andOTP / 2FAS importers either return a well-formed list that
 * accounts for every entry, or throw a `BackupError`; never another error, never a partial
 * list. Key derivation is kept out of the 10,000-run properties: arbitrary and mutated
 * encrypted files go through the parsing layer (`parseAegisFile`, `parseAndOtpFile`,
 * `parseTwoFasFile`) or are synthetic files with tiny KDF costs.
 */

const RUNS = { numRuns: 10_000 };
const REASONS = [
  'import_skipped_unsupported_type',
  'import_skipped_unsupported_algorithm',
  'import_skipped_unsupported_digits',
  'import_skipped_invalid_account',
];

const input = (bytes: Uint8Array, name = 'backup'): ImportInput => ({ name, bytes });

/** The result, or the BackupError; any other error fails the property. */
async function outcome(promise: Promise<ImportedEntries>): Promise<ImportedEntries | BackupError> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
}

/** Same for the synchronous parsing layer. */
function parseOutcome<T>(parse: () => T): T | BackupError {
  try {
    return parse();
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
}

/** Every account is valid as imported; every skipped entry has a title and a known reason. */
function expectWellFormed(result: ImportedEntries, importer: Importer): void {
  expect(result.format).toBe(importer.format);
  for (const account of result.accounts) {
    expect(validateAccountData(account, IMPORT_LIMITS)).toEqual(account);
  }
  for (const { title, reason } of result.skipped) {
    expect(typeof title).toBe('string');
    expect(REASONS).toContain(reason);
  }
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
/** Mostly `arb`, sometimes any JSON value (wrong kinds). */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: anyJson });
const text = fc.string({ unit: 'binary', maxLength: 30 });
const label = maybe(
  fc.oneof({ weight: 9, arbitrary: text }, fc.string({ minLength: 257, maxLength: 260 })),
);
const secret = maybe(
  fc.oneof(
    fc.stringMatching(/^[A-Za-z2-7 ]{0,40}=*$/),
    fc.stringMatching(/^[A-Z2-7]{16,32}$/),
    text,
  ),
);
const algorithm = maybe(fc.constantFrom('SHA1', 'SHA256', 'SHA512', 'MD5', 'sha1', ''));
const digits = maybe(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom('6', '８', '')));
const period = maybe(fc.oneof(fc.integer({ min: -1, max: 100_000 }), fc.double()));
const counter = maybe(fc.oneof(fc.integer(), fc.constant(2 ** 60), fc.constant(-1)));
/** A list element: mostly shaped like an entry, sometimes anything. */
const element = <T>(arb: fc.Arbitrary<T>) =>
  fc.array(fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: anyJson }), {
    maxLength: 6,
  });

const aegisEntries = element(
  fc.record(
    {
      type: maybe(fc.constantFrom('totp', 'hotp', 'steam', 'yandex', 'motp', 'TOTP')),
      name: label,
      issuer: label,
      info: maybe(
        fc.record({ secret, algo: algorithm, digits, period, counter }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ),
);

const andOtpEntries = element(
  fc.record(
    {
      secret,
      issuer: label,
      label,
      type: maybe(fc.constantFrom('TOTP', 'HOTP', 'STEAM', 'totp', 'MOTP')),
      algorithm,
      digits,
      period,
      counter,
    },
    { requiredKeys: [] },
  ),
);

const twoFasServices = element(
  fc.record(
    {
      name: label,
      secret,
      otp: maybe(
        fc.record(
          {
            label,
            account: label,
            issuer: label,
            tokenType: maybe(fc.constantFrom('TOTP', 'HOTP', 'STEAM')),
            algorithm,
            digits,
            period,
            counter,
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('Aegis / andOTP / 2FAS importers on arbitrary input', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    text.map(utf8),
    anyJson.map((v) => jsonBytes(v)),
  );

  it.each(AEGIS_ANDOTP_2FAS_IMPORTERS.map((i) => [i.format, i] as const))(
    '%s: any bytes give a list or a BackupError (no password)',
    async (_format, importer) => {
      await fc.assert(
        fc.asyncProperty(bytes, fc.constantFrom('x.json', 'x.aes', 'x.2fas'), async (b, name) => {
          expect(typeof importer.detect(input(b, name))).toBe('boolean');
          const result = await outcome(importer.read(input(b, name)));
          if (!(result instanceof BackupError)) expectWellFormed(result, importer);
        }),
        RUNS,
      );
    },
  );

  it('no two importers claim the same input', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const claims = AEGIS_ANDOTP_2FAS_IMPORTERS.filter((i) => i.detect(input(b, 'x.aes')));
        expect(claims.length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });
});

describe('every entry of a well-formed file is imported or listed as skipped', () => {
  const cases: [string, Importer, fc.Arbitrary<[unknown[], Uint8Array]>][] = [
    [
      'Aegis',
      aegisImporter,
      fc
        .tuple(aegisEntries, fc.constantFrom(1, 2, 3))
        .map(([entries, v]) => [entries, aegisPlain(aegisDb(v, entries))]),
    ],
    ['andOTP', andOtpImporter, andOtpEntries.map((entries) => [entries, jsonBytes(entries)])],
    [
      '2FAS',
      twoFasImporter,
      fc
        .tuple(twoFasServices, fc.constantFrom(1, 2, 3, 4))
        .map(([services, schemaVersion]) => [
          services,
          jsonBytes({ services, schemaVersion, groups: [] }),
        ]),
    ],
  ];

  it.each(cases)('%s', async (_name, importer, file) => {
    await fc.assert(
      fc.asyncProperty(file, async ([entries, bytes]) => {
        expect(importer.detect(input(bytes))).toBe(
          importer !== andOtpImporter || isAndOtpFirst(entries[0]),
        );
        const result = await importer.read(input(bytes));
        expectWellFormed(result, importer);
        expect(result.accounts.length + result.skipped.length).toBe(entries.length);
      }),
      RUNS,
    );
  });
});

/** What andOTP's `detect` looks at: the first element's shape. */
function isAndOtpFirst(first: unknown): boolean {
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return false;
  const e = first as Record<string, unknown>;
  return typeof e.secret === 'string' && typeof e.type === 'string' && 'label' in e;
}

/** Byte edits and an optional cut, applied to a copy. */
const byteMutation = fc.record({
  edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 4,
  }),
  cut: fc.option(fc.nat(), { freq: 4 }),
});
type ByteMutation = typeof byteMutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies a byte mutation, leaving the first `keep` bytes as they are. */
function mutateBytes(bytes: Uint8Array, { edits, cut }: ByteMutation, keep = 0): Uint8Array {
  const out = bytes.slice();
  for (const [at, value] of edits) out[keep + (at % (out.length - keep))] = value;
  return cut === null ? out : out.slice(0, cut % (out.length + 1));
}

/** A JSON file with the value at one of `paths` replaced by any JSON or an edited string. */
function fieldMutation(paths: (string | number)[][]) {
  return fc.record({
    path: fc.constantFrom(...paths),
    change: fc.oneof(
      anyJson.map((value) => ({ set: value })),
      fc.record({ at: fc.nat(), char: fc.constantFrom(...'A/+=:0fz') }),
    ),
  });
}
type FieldMutation = ReturnType<typeof fieldMutation> extends fc.Arbitrary<infer T> ? T : never;

function mutateField(bytes: Uint8Array, { path, change }: FieldMutation): Uint8Array {
  const root = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  const old = node[last];
  if ('set' in change) {
    node[last] = change.set;
  } else {
    // Edit one character of a string field (or of the old value as JSON text).
    const s = typeof old === 'string' ? old : JSON.stringify(old ?? '');
    const i = s.length === 0 ? 0 : change.at % s.length;
    node[last] = s.slice(0, i) + change.char + s.slice(i + 1);
  }
  return jsonBytes(root);
}

const AEGIS_PATHS = [
  ['version'],
  ['db'],
  ['header', 'params', 'nonce'],
  ['header', 'params', 'tag'],
  ['header', 'slots', 0, 'type'],
  ['header', 'slots', 0, 'key'],
  ['header', 'slots', 0, 'key_params', 'nonce'],
  ['header', 'slots', 0, 'key_params', 'tag'],
  ['header', 'slots', 0, 'n'],
  ['header', 'slots', 0, 'r'],
  ['header', 'slots', 0, 'p'],
  ['header', 'slots', 0, 'salt'],
  ['header', 'slots', 0, 'uuid'],
];
const TWOFAS_PATHS = [
  ['schemaVersion'],
  ['servicesEncrypted'],
  ['reference'],
  ['services'],
  ['updatedAt'],
];

describe('mutated encrypted files: the parsing layer (no key derivation)', () => {
  const files: { name: string; bytes: () => Uint8Array; parse: (b: Uint8Array) => unknown }[] = [];
  const synthetic: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    synthetic.aegis = await aegisEncrypted(aegisDb(), ['pw']);
    synthetic.andotpNew = await andOtpNew(jsonBytes(ANDOTP_ENTRIES), 'pw', 10);
    synthetic.andotpOld = await andOtpOld(jsonBytes(ANDOTP_ENTRIES), 'pw');
    synthetic.twofas = await twoFas(TWOFAS_SERVICES, { password: 'pw' });
  });
  files.push(
    { name: 'synthetic Aegis', bytes: () => synthetic.aegis!, parse: parseAegisFile },
    { name: 'synthetic andOTP', bytes: () => synthetic.andotpNew!, parse: parseAndOtpFile },
    { name: 'synthetic old andOTP', bytes: () => synthetic.andotpOld!, parse: parseAndOtpFile },
    { name: 'synthetic 2FAS', bytes: () => synthetic.twofas!, parse: parseTwoFasFile },
  );
  if (aegisPresent) {
    const fixture = (file: string) => () => readBytes(AEGIS_DIR, file);
    files.push(
      {
        name: 'aegis_encrypted.json',
        bytes: fixture('aegis_encrypted.json'),
        parse: parseAegisFile,
      },
      {
        name: 'andotp_encrypted.bin',
        bytes: fixture('andotp_encrypted.bin'),
        parse: parseAndOtpFile,
      },
      {
        name: 'andotp_encrypted_old.bin',
        bytes: fixture('andotp_encrypted_old.bin'),
        parse: parseAndOtpFile,
      },
      {
        name: '2fas_authenticator_encrypted_v4.2fas',
        bytes: fixture('2fas_authenticator_encrypted_v4.2fas'),
        parse: parseTwoFasFile,
      },
    );
  }
  if (twoFasPresent) {
    files.push({
      name: 'encrypted_test.2fas',
      bytes: () => readBytes(TWOFAS_DIR, 'encrypted_test.2fas'),
      parse: parseTwoFasFile,
    });
  }

  it.each(files.map((f) => [f.name, f] as const))(
    '%s with edited or cut bytes parses or throws a BackupError',
    (_name, { bytes, parse }) => {
      const original = bytes();
      fc.assert(
        fc.property(byteMutation, (m) => {
          parseOutcome(() => parse(mutateBytes(original, m)));
        }),
        RUNS,
      );
    },
  );

  it.each(files.filter((f) => f.parse !== parseAndOtpFile).map((f) => [f.name, f] as const))(
    '%s with an edited JSON field parses or throws a BackupError',
    (_name, { bytes, parse }) => {
      const original = bytes();
      const paths = parse === parseAegisFile ? AEGIS_PATHS : TWOFAS_PATHS;
      fc.assert(
        fc.property(fieldMutation(paths), (m) => {
          parseOutcome(() => parse(mutateField(original, m)));
        }),
        RUNS,
      );
    },
  );
});

describe('mutated synthetic encrypted files, decrypted with the right password', () => {
  /**
   * Cheap KDFs (scrypt N = 16, PBKDF2 10 iterations) keep 10,000 decryptions fast; 2FAS's
   * PBKDF2 is fixed at 10,000 iterations (~5 ms), so it gets fewer runs. The andOTP iteration
   * count (first 4 bytes) is left alone: edits there would ask for up to a million PBKDF2
   * iterations per run (the parsing-layer properties above cover those bytes).
   */
  const cases = [
    {
      name: 'Aegis',
      importer: aegisImporter,
      make: () => aegisEncrypted(aegisDb(3, AEGIS_ENTRIES), ['pw']),
      fields: AEGIS_PATHS,
      runs: 10_000,
    },
    {
      name: 'andOTP',
      importer: andOtpImporter,
      make: () => andOtpNew(jsonBytes(ANDOTP_ENTRIES), 'pw', 10),
      fields: undefined,
      keep: 4,
      runs: 10_000,
    },
    {
      name: 'old andOTP',
      importer: andOtpImporter,
      make: () => andOtpOld(jsonBytes(ANDOTP_ENTRIES), 'pw'),
      fields: undefined,
      runs: 10_000,
    },
    {
      name: '2FAS',
      importer: twoFasImporter,
      make: () => twoFas(TWOFAS_SERVICES, { password: 'pw' }),
      fields: TWOFAS_PATHS,
      runs: 300,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: the full list or a BackupError, never a partial or altered list',
    async (_name, { importer, make, fields, keep, runs }) => {
      const original = await make();
      const expected = await importer.read(input(original), 'pw');
      expect(expected.accounts).toHaveLength(2);
      const mutation = fields
        ? fc.oneof(
            byteMutation.map((m) => (b: Uint8Array) => mutateBytes(b, m)),
            fieldMutation(fields).map((m) => (b: Uint8Array) => mutateField(b, m)),
          )
        : byteMutation.map((m) => (b: Uint8Array) => mutateBytes(b, m, keep));
      await fc.assert(
        fc.asyncProperty(mutation, async (mutate) => {
          const result = await outcome(importer.read(input(mutate(original)), 'pw'));
          if (!(result instanceof BackupError)) expect(result).toEqual(expected);
        }),
        { numRuns: runs },
      );
    },
  );

  it.each([
    ['Aegis', aegisImporter, () => aegisPlain()],
    ['andOTP', andOtpImporter, () => jsonBytes(ANDOTP_ENTRIES)],
    ['2FAS', twoFasImporter, () => twoFas(TWOFAS_SERVICES)],
    ['encrypted Aegis', aegisImporter, () => aegisEncrypted(aegisDb(), ['pw'])],
    ['encrypted andOTP', andOtpImporter, () => andOtpNew(jsonBytes(ANDOTP_ENTRIES), 'pw', 10)],
    ['encrypted 2FAS', twoFasImporter, () => twoFas(TWOFAS_SERVICES, { password: 'pw' })],
  ] as const)('%s: every strict prefix is rejected', async (_name, importer, make) => {
    const full = await make();
    // A JSON file may end in a newline: only cuts before its last non-space byte are broken.
    let end = full.length;
    while (end > 0 && [0x20, 0x0a, 0x0d, 0x09].includes(full[end - 1] ?? 0)) end -= 1;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: end - 1 }), async (cut) => {
        const result = await outcome(importer.read(input(full.slice(0, cut)), 'pw'));
        expect(result).toBeInstanceOf(BackupError);
      }),
      { numRuns: Math.min(10_000, end * 4) },
    );
  });
});

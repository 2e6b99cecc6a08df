import { describe, expect, it } from 'vitest';
import {
  PC_BACKUP_FORMAT,
  createBackup,
  parseBackupEnvelope,
  pcBackupImporter,
  readBackup,
  readBackupPayload,
} from '../../../lib/backup/pc-backup';
import { bytesToBase64, decodeBase64Strict } from '../../../lib/crypto/base64';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { validateAccountData } from '../../../lib/otp/account';
import type { AccountData } from '../../../lib/otp/types';
import { SKIP, backupError, jsonInput, textInput } from '../import/other-fixtures';

const PASSWORD = 'correct horse battery staple';
/** A cheap Argon2id cost for tests; one test below uses the real default. */
const CHEAP = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const NOW = Date.UTC(2026, 2, 14, 9, 26, 53, 589);
const options = { now: NOW, crypto, kdfCost: CHEAP };

/** Keycloak recovery codes kept with the first account, one of them used. */
const RECOVERY = [
  { code: 'K7QX2MZP4RTA', used: true },
  { code: 'WN3BH8CJ5LDE', used: false },
];

const ACCOUNTS: AccountData[] = [
  {
    ...validateAccountData(
      {
        issuer: 'KOSMO Web',
        name: 'tanaka@example.ac.jp',
        secret: 'JBSWY3DPEHPK3PXP',
        sites: ['https://densenkenpo.portal.kosmo-web.jp', 'https://sso.example.ac.jp'],
      },
      IMPORT_LIMITS,
    ),
    recoveryCodes: RECOVERY,
  },
  {
    ...validateAccountData(
      {
        type: 'hotp',
        issuer: 'Issuu',
        name: 'James',
        secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
        algorithm: 'SHA256',
        digits: 8,
        counter: 10300,
      },
      IMPORT_LIMITS,
    ),
    deviceName: 'Chrome on Windows',
  },
  validateAccountData(
    {
      issuer: '日本語の発行者 ✓',
      name: 'ユーザー:名前 "quoted"',
      secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
      algorithm: 'SHA512',
      digits: 10,
      period: 60,
    },
    IMPORT_LIMITS,
  ),
  {
    ...validateAccountData({ name: 'no issuer', secret: 'MFRGGZDF' }, IMPORT_LIMITS),
    pinned: true,
  },
  validateAccountData({ issuer: 'Zeta', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' }, IMPORT_LIMITS),
];

describe('pc-authenticator backup: round trip', () => {
  it('gives back every field of every account, in the same order', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, options);
    const read = await readBackup(text, PASSWORD, { crypto });
    expect(read).toEqual({ format: PC_BACKUP_FORMAT, accounts: ACCOUNTS, skipped: [] });
  });

  it('keeps an order that is not alphabetical, and an empty list', async () => {
    const reversed = [...ACCOUNTS].reverse();
    const read = await readBackup(await createBackup(reversed, PASSWORD, options), PASSWORD, {
      crypto,
    });
    expect(read.accounts).toEqual(reversed);
    const empty = await readBackup(await createBackup([], PASSWORD, options), PASSWORD, { crypto });
    expect(empty).toEqual({ format: PC_BACKUP_FORMAT, accounts: [], skipped: [] });
  });

  it('writes the documented file, with nothing about the accounts in plaintext', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, options);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'createdAt', 'kdf', 'cipher', 'data']);
    expect(file).toMatchObject({
      format: 'pc-authenticator-backup',
      version: 1,
      createdAt: '2026-03-14T09:26:53.589Z',
      kdf: { algorithm: 'argon2id', ...CHEAP },
      cipher: { algorithm: 'AES-256-GCM' },
    });
    const envelope = parseBackupEnvelope(text);
    expect(envelope.iv).toHaveLength(12);
    expect(decodeBase64Strict((file.kdf as { salt: string }).salt)).toHaveLength(16);
    for (const a of ACCOUNTS) {
      const codes = (a.recoveryCodes ?? []).map((c) => c.code);
      for (const value of [a.secret, a.issuer, a.name, ...a.sites, ...codes]) {
        if (value.length > 3) expect(text).not.toContain(value);
      }
    }
  });

  it('uses a fresh salt and IV every time', async () => {
    const a = parseBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, options));
    const b = parseBackupEnvelope(await createBackup(ACCOUNTS, PASSWORD, options));
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(bytesToBase64(a.iv)).not.toBe(bytesToBase64(b.iv));
  });

  it('uses the vault default Argon2id cost (64 MiB, 3 passes, 1 lane) unless told otherwise', async () => {
    const text = await createBackup(ACCOUNTS.slice(0, 1), PASSWORD, { now: NOW, crypto });
    expect(JSON.parse(text).kdf).toMatchObject({
      algorithm: 'argon2id',
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 1,
    });
    expect((await readBackup(text, PASSWORD, { crypto })).accounts).toEqual(ACCOUNTS.slice(0, 1));
  });

  it('takes any backup password (not the vault one), compared after NFC', async () => {
    const nfd = 'Pa\u0301ssword-バックアップ';
    const text = await createBackup(ACCOUNTS, nfd, options);
    expect((await readBackup(text, nfd.normalize('NFC'), { crypto })).accounts).toEqual(ACCOUNTS);
  });

  it('refuses to write with an empty password', async () => {
    await expect(createBackup(ACCOUNTS, '', options)).rejects.toThrow(TypeError);
  });
});

describe('pc-authenticator backup: rejected files return nothing', () => {
  it.each([
    ['another password', 'correct horse battery stapler'],
    ['a different case', PASSWORD.toUpperCase()],
    ['a trailing space', `${PASSWORD} `],
    ['a prefix', PASSWORD.slice(0, -1)],
  ])('wrong password (%s) → wrong-password', async (_label, password) => {
    const text = await createBackup(ACCOUNTS, PASSWORD, options);
    const err = await backupError(() => readBackup(text, password, { crypto }));
    expect(err.code).toBe('wrong-password');
    expect(err.message).not.toContain(PASSWORD);
  });

  it('an empty password → password-required', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, options);
    expect((await backupError(() => readBackup(text, '', { crypto }))).code).toBe(
      'password-required',
    );
  });

  it.each([0.02, 0.25, 0.5, 0.75, 0.98, 0.999])(
    'a copy truncated to %f of its length → corrupt',
    async (fraction) => {
      const text = await createBackup(ACCOUNTS, PASSWORD, options);
      const cut = text.slice(0, Math.min(Math.floor(text.length * fraction), text.length - 3));
      expect((await backupError(() => readBackup(cut, PASSWORD, { crypto }))).code).toBe('corrupt');
    },
  );

  type Edit = (file: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  const flipByte =
    (at: (length: number) => number): Edit =>
    (file) => {
      const bytes = decodeBase64Strict(file.data);
      const i = at(bytes.length);
      bytes[i] = (bytes[i] ?? 0) ^ 0x01;
      file.data = bytesToBase64(bytes);
    };
  const flipIv: Edit = (file) => {
    const iv = decodeBase64Strict(file.cipher.iv);
    iv[0] = (iv[0] ?? 0) ^ 0x80;
    file.cipher.iv = bytesToBase64(iv);
  };
  const flipSalt: Edit = (file) => {
    const salt = decodeBase64Strict(file.kdf.salt);
    salt[3] = (salt[3] ?? 0) ^ 0x10;
    file.kdf.salt = bytesToBase64(salt);
  };
  it.each<[string, Edit, string]>([
    ['first ciphertext byte flipped', flipByte(() => 0), 'wrong-password'],
    ['middle ciphertext byte flipped', flipByte((n) => n >> 1), 'wrong-password'],
    ['tag byte flipped', flipByte((n) => n - 1), 'wrong-password'],
    [
      'ciphertext shortened by one byte',
      (f) => (f.data = bytesToBase64(decodeBase64Strict(f.data).slice(0, -1))),
      'wrong-password',
    ],
    ['IV changed', flipIv, 'wrong-password'],
    ['salt changed', flipSalt, 'wrong-password'],
    ['iterations changed', (f) => (f.kdf.iterations = 2), 'wrong-password'],
    ['version raised', (f) => (f.version = 2), 'unsupported-version'],
    ['version as text', (f) => (f.version = '1'), 'corrupt'],
    ['format renamed', (f) => (f.format = 'aegis'), 'unsupported-format'],
    ['another KDF', (f) => (f.kdf.algorithm = 'scrypt'), 'unsupported-version'],
    ['another cipher', (f) => (f.cipher.algorithm = 'AES-256-CBC'), 'unsupported-version'],
    ['memory cost absurd', (f) => (f.kdf.memoryKiB = 2 ** 40), 'corrupt'],
    [
      'Argon2id 1 GiB × 64 passes',
      (f) => Object.assign(f.kdf, { memoryKiB: 1_048_576, iterations: 64 }),
      'too-costly',
    ],
    ['Argon2id 512 MiB', (f) => (f.kdf.memoryKiB = 524_288), 'too-costly'],
    ['Argon2id 17 passes', (f) => (f.kdf.iterations = 17), 'too-costly'],
    [
      'Argon2id 256 MiB × 5 passes (total work)',
      (f) => Object.assign(f.kdf, { memoryKiB: 262_144, iterations: 5 }),
      'too-costly',
    ],
    ['IV of 16 bytes', (f) => (f.cipher.iv = bytesToBase64(new Uint8Array(16))), 'corrupt'],
    ['data not base64', (f) => (f.data = '%%%'), 'corrupt'],
    ['data shorter than a tag', (f) => (f.data = bytesToBase64(new Uint8Array(15))), 'corrupt'],
    ['createdAt missing', (f) => delete f.createdAt, 'corrupt'],
    ['cipher missing', (f) => delete f.cipher, 'corrupt'],
  ])('%s → %s', async (_label, edit, code) => {
    const file = JSON.parse(await createBackup(ACCOUNTS, PASSWORD, options));
    edit(file);
    const err = await backupError(() => readBackup(JSON.stringify(file), PASSWORD, { crypto }));
    expect(err.code).toBe(code);
  });

  it.each([
    ['not JSON', 'hello'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['an empty text', ''],
  ])('%s → corrupt', async (_label, text) => {
    expect((await backupError(() => readBackup(text, PASSWORD, { crypto }))).code).toBe('corrupt');
  });
});

describe('pc-authenticator backup: payload', () => {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const entry = (fields: Record<string, unknown>) => ({
    issuer: 'A',
    name: 'a',
    secret: 'JBSWY3DPEHPK3PXP',
    type: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: [],
    ...fields,
  });

  it('sorts by order (ties keep file order) and lists unusable entries as skipped', () => {
    const read = readBackupPayload(
      encode({
        accounts: [
          entry({ issuer: 'Third', order: 2 }),
          entry({ issuer: 'First', order: 0 }),
          entry({ issuer: 'Bad digits', digits: 42, order: 1 }),
          entry({ issuer: 'Second', order: 1 }),
          entry({ issuer: 'Steam', type: 'steam', order: 3 }),
          entry({ issuer: 'MD5', algorithm: 'MD5', order: 4 }),
          entry({ issuer: 'No sites', sites: 'x', order: 5 }),
          entry({ issuer: 'Odd pin', pinned: 'yes', order: 6 }),
          'not an object',
        ],
      }),
    );
    expect(read.accounts.map((a) => a.issuer)).toEqual(['First', 'Second', 'Third']);
    expect(read.skipped).toEqual([
      { title: 'Bad digits (a)', reason: SKIP.digits },
      { title: 'Steam (a)', reason: SKIP.type },
      { title: 'MD5 (a)', reason: SKIP.algorithm },
      { title: 'No sites (a)', reason: SKIP.invalid },
      { title: 'Odd pin (a)', reason: SKIP.invalid },
      { title: '#9', reason: SKIP.invalid },
    ]);
  });

  const GOOD = 'https://densenkenpo.portal.kosmo-web.jp';
  const many = Array.from({ length: 60 }, (_, i) => `https://s${i}.example.jp`);
  it.each([
    ['a javascript: URL', { sites: ['javascript:alert(1)', GOOD] }, { sites: [GOOD] }],
    [
      'an http site',
      { sites: ['http://densenkenpo.portal.kosmo-web.jp', GOOD] },
      { sites: [GOOD] },
    ],
    ['a path or a repeat', { sites: [`${GOOD}/login`, GOOD, GOOD] }, { sites: [GOOD] }],
    ['a 100 000-character site', { sites: [`https://${'a'.repeat(100_000)}.jp`] }, { sites: [] }],
    ['more than 50 sites', { sites: many }, { sites: many.slice(0, 50) }],
    ['a 300-character device name', { deviceName: 'x'.repeat(300) }, { deviceName: undefined }],
    [
      'a device name with spaces',
      { deviceName: '  Chrome on Windows ' },
      { deviceName: 'Chrome on Windows' },
    ],
  ])('cleans %s, still importing the account', (_label, fields, expected) => {
    const read = readBackupPayload(encode({ accounts: [entry(fields)] }));
    expect(read.skipped).toEqual([]);
    expect(read.accounts).toHaveLength(1);
    const { sites, deviceName } = read.accounts[0]!;
    expect({ sites, deviceName }).toEqual({ sites: [], deviceName: undefined, ...expected });
  });

  it('reads recovery codes back; a list that is not one is dropped, not the account', () => {
    const read = (recoveryCodes: unknown) =>
      readBackupPayload(encode({ accounts: [entry({ recoveryCodes })] })).accounts[0]
        ?.recoveryCodes;
    expect(read(RECOVERY)).toEqual(RECOVERY);
    expect(read(undefined)).toBeUndefined();
    expect(read([])).toBeUndefined();
    expect(read('K7QX2MZP4RTA')).toBeUndefined();
    expect(read([{ code: 'K7QX2MZP4RTA' }])).toBeUndefined();
    expect(read([{ code: 'K7QX-2MZP-4RTA', used: false }])).toBeUndefined();
    expect(read([{ code: '<script>', used: false }])).toBeUndefined();
    const tooMany = Array.from({ length: 51 }, (_, i) => ({
      code: `CODE${1000 + i}`,
      used: false,
    }));
    expect(read(tooMany)).toBeUndefined();
  });

  it.each([
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00])],
    ['not JSON', new TextEncoder().encode('{')],
    ['no accounts array', encode({ accounts: {} })],
    ['an array', encode([])],
  ])('%s → corrupt', (_label, bytes) => {
    expect(() => readBackupPayload(bytes)).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });
});

describe('pc-authenticator backup: importer', () => {
  const importer = pcBackupImporter(crypto);

  it('detects its files by the format field only', async () => {
    const text = await createBackup(ACCOUNTS, PASSWORD, options);
    expect(importer.detect(textInput(text, 'backup.pcauth.json'))).toBe(true);
    expect(importer.detect(jsonInput({ format: 'pc-authenticator-backup', version: 9 }))).toBe(
      true,
    );
    expect(importer.detect(jsonInput({ format: 'other' }))).toBe(false);
    expect(importer.detect(textInput('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'))).toBe(false);
  });

  it('reads with the password, asks for one without', async () => {
    const input = textInput(await createBackup(ACCOUNTS, PASSWORD, options));
    expect((await importer.read(input, PASSWORD)).accounts).toEqual(ACCOUNTS);
    expect((await backupError(() => importer.read(input))).code).toBe('password-required');
    expect((await backupError(() => importer.read(input, 'nope'))).code).toBe('wrong-password');
  });

  it('reports a newer version before asking for a password', async () => {
    const file = JSON.parse(await createBackup(ACCOUNTS, PASSWORD, options));
    file.version = 2;
    const err = await backupError(() => importer.read(jsonInput(file)));
    expect(err.code).toBe('unsupported-version');
  });
});

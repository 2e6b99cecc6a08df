import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToBase64NoPad } from '../../../lib/crypto/base64';
import {
  AUTHENTICATOR_EXT_FORMAT,
  authenticatorExtImporter,
  hexSecretToBase32,
  isAuthenticatorExtBackup,
  readAuthenticatorExtBackup,
} from '../../../lib/import/authenticator-ext';
import { readImportFile } from '../../../lib/import/registry';
import { OTHER_IMPORTERS } from './importer-groups';
import { openSslDecryptText } from '../../../lib/crypto/openssl-aes';
import type { ImportedEntries } from '../../../lib/import/types';
import type { AccountData } from '../../../lib/otp/types';
import {
  ABSENT,
  EXT_DIR,
  EXT_PASSWORD,
  EXT_SYNTHETIC_DIR,
  SKIP,
  account,
  backupError,
  fileInput,
  jsonInput,
  openSslEncrypt,
  present,
  truncated,
} from './other-fixtures';

const importer = authenticatorExtImporter(crypto);

const TOTP = account({ issuer: 'Example', name: 'alice@example.test', secret: 'JBSWY3DPEHPK3PXP' });
const HOTP = account({
  type: 'hotp',
  issuer: 'Counter Example',
  name: 'bob',
  secret: 'KRUGS4ZANFZSAYJA',
  counter: 7,
  digits: 8,
  algorithm: 'SHA256',
});

describe('CryptoJS / OpenSSL passphrase AES', () => {
  // Made with `openssl enc -aes-256-cbc -md md5 -S <salt> -k <passphrase>` (OpenSSL 3), framed
  // as "Salted__" ‖ salt ‖ ciphertext: an independent implementation of the same format.
  it.each([
    [
      'U2FsdGVkX18BAgMEBQYHCBS1Xqok3CXpQd6F1EAYQNcVdvP9vKjv7NHKLLWdlIXk',
      'pass phrase ✓',
      'JBSWY3DPEHPK3PXP',
    ],
    ['U2FsdGVkX1+hoqOkpaanqPsC8cLHyDVLIRswB2tVeXU=', 'x', ''],
    [
      'U2FsdGVkX18AAAAAAAAAAMMwOBvBzEQM75MtMHR/bUYRvXRbgFVUmAENbZSzG8j2YsYxtKjULRP9yJD8L3nb7Q==',
      'fixture-password',
      '{"k":"ünï"}{"k":"ünï"}{"k":"ünï"}',
    ],
  ])('decrypts OpenSSL vector %#', async (data, passphrase, plaintext) => {
    expect(await openSslDecryptText(crypto, data, passphrase)).toBe(plaintext);
  });

  it.each([
    [
      'a wrong passphrase',
      'U2FsdGVkX18BAgMEBQYHCBS1Xqok3CXpQd6F1EAYQNcVdvP9vKjv7NHKLLWdlIXk',
      'pass phrase',
    ],
    ['no Salted__ header', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x'],
    ['a partial block', 'U2FsdGVkX18BAgMEBQYHCBS1Xqok3CXpQd6F1EAYQNcVdvP9vKjv7NHKLLWdlIX', 'x'],
    ['not base64', 'U2FsdGVkX1*', 'x'],
  ])('gives nothing for %s', async (_label, data, passphrase) => {
    expect(await openSslDecryptText(crypto, data, passphrase)).toBeUndefined();
  });

  it('reads back what the test helper writes', async () => {
    const data = await openSslEncrypt('秘密', 'p');
    expect(await openSslDecryptText(crypto, data, 'p')).toBe('秘密');
  });
});

describe('Authenticator extension: plain records', () => {
  const read = (root: Record<string, unknown>) =>
    readAuthenticatorExtBackup(root, undefined, crypto);

  it('maps every type, skipping Steam, Battle.net, GOST and unknown ones', async () => {
    const result = await read({
      h1: {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'A',
        account: 'a',
        index: 0,
        period: 60,
      },
      h2: {
        type: 'hotp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'B',
        account: 'b',
        index: 1,
        counter: 5,
      },
      h3: { type: 'hex', secret: 'abcd1234', issuer: 'C', index: 2 },
      h4: {
        type: 'hhex',
        secret: '2c52e8fcfac34091da63ef7b118f1cc50b925a42',
        issuer: 'D',
        index: 3,
      },
      h5: { type: 'steam', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Steam', account: 's', index: 4 },
      h6: { type: 'battle', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Battle.net', index: 5 },
      h7: {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Gost',
        algorithm: 'GOST3411_2012_256',
        index: 6,
      },
      h8: { type: 'quantum', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Q', index: 7 },
      h9: { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Zero period', period: 0, index: 8 },
      h10: { type: 'totp', issuer: 'No secret', index: 9 },
      h12: { type: 'hex', secret: 'JBSWY3DPEHPK3PXP', issuer: 'Hex in name only', index: 11 },
      h11: {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 42,
        account: 'bad issuer',
        index: 10,
      },
    });
    expect(result).toEqual<ImportedEntries>({
      format: AUTHENTICATOR_EXT_FORMAT,
      accounts: [
        account({ issuer: 'A', name: 'a', secret: 'JBSWY3DPEHPK3PXP', period: 60 }),
        account({ type: 'hotp', issuer: 'B', name: 'b', secret: 'JBSWY3DPEHPK3PXP', counter: 5 }),
        account({ issuer: 'C', secret: 'VPGRENA' }),
        account({ type: 'hotp', issuer: 'D', secret: 'FRJOR7H2YNAJDWTD555RDDY4YUFZEWSC' }),
        account({ issuer: 'Zero period', secret: 'JBSWY3DPEHPK3PXP' }),
      ],
      skipped: [
        { title: 'Steam (s)', reason: SKIP.type },
        { title: 'Battle.net', reason: SKIP.type },
        { title: 'Gost', reason: SKIP.algorithm },
        { title: 'Q', reason: SKIP.type },
        { title: 'No secret', reason: SKIP.invalid },
        { title: 'bad issuer', reason: SKIP.invalid },
        { title: 'Hex in name only', reason: SKIP.invalid },
      ],
    });
  });

  it('orders by index, keeping file order for equal ones, and ignores Key/Group records', async () => {
    const result = await read({
      z: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Third', index: 2 },
      k: { dataType: 'Key', id: 'k', salt: 'x', hash: 'y', version: 3 },
      y: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'First', index: 0 },
      g: { dataType: 'Group', name: 'work' },
      x: { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Second', index: 0 },
    });
    expect(result.accounts.map((a) => a.issuer)).toEqual(['First', 'Second', 'Third']);
    expect(result.skipped).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['odd hex ending in 0 drops it', 'abcd0', 'VPGQ'],
    ['odd hex otherwise gains a 0', 'abc', 'VPAA'],
    ['spaces are ignored', 'ab cd 12 34', 'VPGRENA'],
    ['not hex gives no key', 'JBSWY3DP', ''],
  ])('hex keys: %s', (_label, hex, base32) => {
    expect(hexSecretToBase32(hex)).toBe(base32);
  });

  it('needs a password only when something is encrypted', async () => {
    const plain = { a: { secret: 'JBSWY3DPEHPK3PXP', keyId: 'k1', encrypted: false } };
    expect((await read(plain)).accounts).toHaveLength(1);
    const enc = { a: { secret: 'U2FsdGVkX1+hoqOkpaanqPsC8cLHyDVLIRswB2tVeXU=', encrypted: true } };
    expect((await backupError(() => read(enc))).code).toBe('password-required');
  });
});

/**
 * The 14 storage records of upstream's disabled `src/test/test.ts.disabled` (MIT), read as an
 * unencrypted backup. Upstream only checks that each record loads; these are the accounts its
 * repair rules (hex detection, `blz-`/`stm-` prefixes, defaults) give.
 */
const LEGACY_EXPECTED: Record<string, { accounts: AccountData[]; skipped?: string[] }> = {
  'Missing fields': { accounts: [account({ secret: 'ABCD2345' })] },
  'Bad hash in key': { accounts: [account({ name: 'test', secret: 'ABCD2345' })] },
  'Bad hash': { accounts: [account({ name: 'test', secret: 'ABCD2345' })] },
  'Bad type for HEX': { accounts: [account({ name: 'test', secret: 'VPGRENA' })] },
  'Unicode in issuer': {
    accounts: [account({ issuer: '✓ à la mode', name: 'test', secret: 'ABCD2345' })],
  },
  'Battle migrate': { accounts: [], skipped: ['test'] },
  'Steam migrate': { accounts: [], skipped: ['test'] },
  'Missing field with HEX secret': { accounts: [account({ secret: 'VPGRENA' })] },
  'Mess index': {
    accounts: [
      account({ name: 'test', secret: 'ABCD2345' }),
      account({ name: 'test', secret: 'ABCD2346' }),
    ],
  },
  'Base32 with padding': {
    accounts: [account({ name: 'test', secret: 'DKCE3SQPHJRJQGBGI322QA7Z5E' })],
  },
  'Incorrect but valid hash': { accounts: [account({ name: 'test', secret: 'ABCD2345' })] },
  'HOTP with HEX secret': {
    accounts: [account({ type: 'hotp', name: 'test', secret: 'FRJOR7H2YNAJDWTD555RDDY4YUFZEWSC' })],
  },
  'Amazon 2FA': {
    accounts: [
      account({ name: 'test', secret: 'QLGNXJ2KLSOACXOEKJ47X6VA6ZPGT5HE2GBO5NPXTLD7FJAKD4JQ' }),
    ],
  },
  'Secret contains spaces': { accounts: [account({ name: 'test', secret: 'P5S7K2INZ3MJOQFG' })] },
};

const extPresent = present(EXT_DIR);
const legacyCases = extPresent
  ? (JSON.parse(readFileSync(join(EXT_DIR, 'upstream_legacy_storage_test_cases.json'), 'utf8')) as {
      name: string;
      data: Record<string, unknown>;
    }[])
  : [];

describe.skipIf(!extPresent)('Authenticator extension: upstream legacy storage cases', () => {
  it('has an expectation for every case', () => {
    expect(legacyCases.map((c) => c.name).sort()).toEqual(Object.keys(LEGACY_EXPECTED).sort());
  });

  it.each(legacyCases.map((c) => [c.name, c.data] as const))('%s', async (name, data) => {
    const expected = LEGACY_EXPECTED[name];
    const input = jsonInput(data, `${name}.json`);
    const result = await readImportFile(input, undefined, OTHER_IMPORTERS);
    expect(result).toEqual({
      format: AUTHENTICATOR_EXT_FORMAT,
      accounts: expected?.accounts,
      skipped: (expected?.skipped ?? []).map((title) => ({ title, reason: SKIP.type })),
    });
  });
});

const FIXTURES: [file: string, encrypted: boolean, expected: ImportedEntries][] = [
  [
    'firefox-v8-encrypted.json',
    true,
    { format: AUTHENTICATOR_EXT_FORMAT, accounts: [TOTP, HOTP], skipped: [] },
  ],
  [
    'firefox-v7-v2-encrypted.json',
    true,
    { format: AUTHENTICATOR_EXT_FORMAT, accounts: [TOTP, HOTP], skipped: [] },
  ],
  [
    'firefox-v7-v2-encrypted-root-key.json',
    true,
    { format: AUTHENTICATOR_EXT_FORMAT, accounts: [TOTP], skipped: [] },
  ],
  [
    'firefox-legacy-v1-encrypted.json',
    true,
    { format: AUTHENTICATOR_EXT_FORMAT, accounts: [TOTP], skipped: [] },
  ],
  [
    'firefox-special-unencrypted.json',
    false,
    {
      format: AUTHENTICATOR_EXT_FORMAT,
      accounts: [TOTP, HOTP],
      skipped: [
        { title: 'Steam (fixture)', reason: SKIP.type },
        { title: 'Battle.net (US-0000-0000-0000)', reason: SKIP.type },
      ],
    },
  ],
];
const ENCRYPTED = FIXTURES.filter(([, encrypted]) => encrypted).map(([file]) => file);

describe.skipIf(!extPresent)('Authenticator extension fixtures (third-party synthetic)', () => {
  it.each(FIXTURES)(
    '%s imports exactly its expected entries',
    async (file, encrypted, expected) => {
      const input = fileInput(EXT_SYNTHETIC_DIR, file);
      const password = encrypted ? EXT_PASSWORD : undefined;
      expect(await readImportFile(input, password, OTHER_IMPORTERS)).toEqual(expected);
    },
  );

  it.each(ENCRYPTED)('%s: wrong passwords are rejected', async (file) => {
    const input = fileInput(EXT_SYNTHETIC_DIR, file);
    for (const password of ['hunter2', 'Fixture-password', `${EXT_PASSWORD} `]) {
      const err = await backupError(() => importer.read(input, password));
      expect(err).toMatchObject({ code: 'wrong-password', format: AUTHENTICATOR_EXT_FORMAT });
      expect(err.message).not.toContain(password);
    }
  });

  it.each(ENCRYPTED)('%s: no password → password-required', async (file) => {
    const input = fileInput(EXT_SYNTHETIC_DIR, file);
    for (const password of [undefined, '']) {
      expect((await backupError(() => importer.read(input, password))).code).toBe(
        'password-required',
      );
    }
  });

  it.each(
    FIXTURES.map(([file]) => file).flatMap((file) =>
      [0.2, 0.5, 0.95].map((f) => [file, f] as const),
    ),
  )('%s truncated to %f is rejected', async (file, fraction) => {
    const input = truncated(fileInput(EXT_SYNTHETIC_DIR, file), fraction);
    const err = await backupError(() => readImportFile(input, EXT_PASSWORD, OTHER_IMPORTERS));
    expect(err.code).toBe('unsupported-format');
    expect((await backupError(() => importer.read(input, EXT_PASSWORD))).code).toBe('corrupt');
  });

  it('v8: an entry whose Key is missing leaves the file corrupt; one bad blob is listed', async () => {
    const file = JSON.parse(
      readFileSync(join(EXT_SYNTHETIC_DIR, 'firefox-v8-encrypted.json'), 'utf8'),
    ) as Record<string, Record<string, unknown>>;
    const keyless = { ...file };
    delete keyless['11111111-1111-4111-8111-111111111111'];
    expect((await backupError(() => importer.read(jsonInput(keyless), EXT_PASSWORD))).code).toBe(
      'corrupt',
    );
    const damaged = structuredClone(file);
    const second = damaged['bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'];
    if (second) second.data = await openSslEncrypt('not json', 'another passphrase');
    expect(await importer.read(jsonInput(damaged), EXT_PASSWORD)).toEqual({
      format: AUTHENTICATOR_EXT_FORMAT,
      accounts: [TOTP],
      skipped: [{ title: '#2', reason: SKIP.invalid }],
    });
  });

  it('the fixtures are recognised as this format only', () => {
    for (const [file] of FIXTURES) {
      const input = fileInput(EXT_SYNTHETIC_DIR, file);
      expect(OTHER_IMPORTERS.filter((i) => i.detect(input)).map((i) => i.format)).toEqual([
        AUTHENTICATOR_EXT_FORMAT,
      ]);
    }
  });
});

describe('Authenticator extension: v1 direct encryption (built here)', () => {
  it('opens secrets with the password; one that does not open is listed', async () => {
    const root = {
      a: {
        encrypted: true,
        secret: await openSslEncrypt('JBSWY3DPEHPK3PXP', 'pw'),
        issuer: 'A',
        index: 0,
      },
      b: {
        encrypted: true,
        secret: await openSslEncrypt('JBSWY3DPEHPK3PXP', 'other'),
        issuer: 'B',
        index: 1,
      },
      c: { encrypted: false, secret: 'KRUGS4ZANFZSAYJA', issuer: 'C', index: 2 },
    };
    expect(await importer.read(jsonInput(root), 'pw')).toEqual({
      format: AUTHENTICATOR_EXT_FORMAT,
      accounts: [
        account({ issuer: 'A', secret: 'JBSWY3DPEHPK3PXP' }),
        account({ issuer: 'C', secret: 'KRUGS4ZANFZSAYJA' }),
      ],
      skipped: [{ title: 'B', reason: SKIP.invalid }],
    });
    expect((await backupError(() => importer.read(jsonInput(root), 'nope'))).code).toBe(
      'wrong-password',
    );
  });

  it('detects record objects, not other JSON', () => {
    expect(isAuthenticatorExtBackup({ h: { secret: 'x' } })).toBe(true);
    expect(isAuthenticatorExtBackup({ h: { dataType: 'EncOTPStorage', data: '' } })).toBe(true);
    expect(isAuthenticatorExtBackup({ h: { secret: 'x' }, version: 1 })).toBe(false);
    expect(isAuthenticatorExtBackup({ encrypted: false, items: [] })).toBe(false);
    expect(isAuthenticatorExtBackup({ services: [{ secret: 'x' }] })).toBe(false);
    expect(isAuthenticatorExtBackup([{ secret: 'x' }])).toBe(false);
    expect(isAuthenticatorExtBackup({ k: { dataType: 'Key' } })).toBe(false);
  });

  it('writes the v8 passphrase as unpadded base64', () => {
    expect(bytesToBase64NoPad(new Uint8Array([1, 2, 3, 4]))).toBe('AQIDBA');
  });
});

if (!extPresent) {
  describe('Authenticator extension fixtures', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

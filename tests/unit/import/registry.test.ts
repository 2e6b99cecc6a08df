import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORTERS, importers, readImportFile } from '../../../lib/import/registry';
import { OTHER_IMPORTERS } from './importer-groups';
import { createBackup } from '../../../lib/backup/pc-backup';
import type { ImportInput, Importer } from '../../../lib/import/types';
import { IMPORT_LIMITS } from '../../../lib/otp/fields';
import { validateAccountData } from '../../../lib/otp/account';
import {
  ABSENT,
  AEGIS_DIR,
  EXT_SYNTHETIC_DIR,
  GOOGLE_DIR,
  backupError,
  fileInput,
  present,
  textInput,
} from './other-fixtures';

const fake = (format: string, detect: (input: ImportInput) => boolean): Importer => ({
  format,
  password: 'if-encrypted',
  detect,
  read: async (_input, password) => ({
    format,
    accounts: [],
    skipped: password ? [{ title: password, reason: 'import_skipped_invalid_account' }] : [],
  }),
});

describe('readImportFile', () => {
  it('uses the first importer that recognises the file and passes the password on', async () => {
    const importers = [
      fake('never', () => false),
      fake('throws', () => {
        throw new Error('broken detector');
      }),
      fake('first', () => true),
      fake('second', () => true),
    ];
    const read = await readImportFile(textInput('x'), 'pw', importers);
    expect(read.format).toBe('first');
    expect(read.skipped[0]?.title).toBe('pw');
  });

  it('hands a typed password only to an importer that may need one', async () => {
    const plain: Importer = { ...fake('plain', () => true), password: 'never' };
    const read = await readImportFile(textInput('x'), 'pw', [plain]);
    expect(read.skipped).toEqual([]);
  });

  it('says for every registered format whether it needs a password', () => {
    expect(Object.fromEntries(IMPORTERS.map((i) => [i.format, i.password]))).toEqual({
      'pc-authenticator': 'always',
      'authenticator-extension': 'if-encrypted',
      'bitwarden-json': 'never',
      'bitwarden-csv': 'never',
      aegis: 'if-encrypted',
      '2fas': 'if-encrypted',
      andotp: 'if-encrypted',
      'otpauth-text': 'never',
    });
  });

  it.each([
    ['an empty list', [] as Importer[]],
    ['no importer that recognises it', [fake('never', () => false)]],
  ])('throws unsupported-format with %s', async (_label, importers) => {
    expect(
      (await backupError(() => readImportFile(textInput('x'), undefined, importers))).code,
    ).toBe('unsupported-format');
  });

  it('IMPORTERS is the one ordered list, most specific first, the URI list last', () => {
    expect(IMPORTERS.map((i) => i.format)).toEqual([
      'pc-authenticator',
      'authenticator-extension',
      'bitwarden-json',
      'bitwarden-csv',
      'aegis',
      '2fas',
      'andotp',
      'otpauth-text',
    ]);
    expect(importers(crypto).map((i) => i.format)).toEqual(IMPORTERS.map((i) => i.format));
  });

  it('reads our own backup through the list', async () => {
    const accounts = [
      validateAccountData({ issuer: 'A', secret: 'JBSWY3DPEHPK3PXP' }, IMPORT_LIMITS),
    ];
    const text = await createBackup(accounts, 'pw', {
      now: 0,
      crypto,
      kdfCost: { memoryKiB: 64, iterations: 1 },
    });
    const read = await readImportFile(textInput(text, 'b.json'), 'pw', OTHER_IMPORTERS);
    expect(read).toEqual({ format: 'pc-authenticator', accounts, skipped: [] });
  });

  it.each([
    ['empty', new Uint8Array()],
    ['binary', new Uint8Array([0, 159, 146, 150, 255])],
    ['a JSON number', new TextEncoder().encode('42')],
    ['an unrelated JSON object', new TextEncoder().encode('{"hello": "world"}')],
    ['prose', new TextEncoder().encode('Dear diary, my otpauth secret is safe.')],
  ])('%s input is not recognised', async (_label, bytes) => {
    const err = await backupError(() =>
      readImportFile({ name: 'x', bytes }, undefined, OTHER_IMPORTERS),
    );
    expect(err.code).toBe('unsupported-format');
  });
});

/**
 * Which of these importers claims each fixture file. Files of other apps (Aegis, andOTP, 2FAS,
 * …) must be claimed by none, so the merged list's order cannot send them here.
 */
const CLAIMS: Record<string, string> = {
  'aegis/plain.txt': 'otpauth-text',
  'aegis/ente_auth.txt': 'otpauth-text',
  'aegis/bitwarden.json': 'bitwarden-json',
  'aegis/bitwarden.csv': 'bitwarden-csv',
  'google/dim13_test_vectors.txt': 'otpauth-text',
  'google/example_export.png.decoded.txt': 'otpauth-text',
  'google/example_export.txt': 'otpauth-text',
  'google/example_export_only_totp.txt': 'otpauth-text',
  'google/test_export_wrong_data.txt': 'otpauth-text',
  'google/test_plus_problem_export.txt': 'otpauth-text',
  'google/url_list_output.txt': 'otpauth-text',
  'third_party_synthetic/firefox-legacy-v1-encrypted.json': 'authenticator-extension',
  'third_party_synthetic/firefox-special-unencrypted.json': 'authenticator-extension',
  'third_party_synthetic/firefox-standard-unencrypted.txt': 'otpauth-text',
  'third_party_synthetic/firefox-v7-v2-encrypted-root-key.json': 'authenticator-extension',
  'third_party_synthetic/firefox-v7-v2-encrypted.json': 'authenticator-extension',
  'third_party_synthetic/firefox-v8-encrypted.json': 'authenticator-extension',
};

const DIRS = [AEGIS_DIR, GOOGLE_DIR, join(AEGIS_DIR, '..', '2fas'), EXT_SYNTHETIC_DIR];
const allPresent = DIRS.slice(0, 3).every(present);

describe.skipIf(!allPresent)('detection over every fixture file', () => {
  const files = allPresent
    ? DIRS.flatMap((dir) =>
        readdirSync(dir, { withFileTypes: true })
          .filter((f) => f.isFile())
          .map((f) => [dir, f.name] as const),
      )
    : [];
  it.each(files)('%s/%s', (dir, file) => {
    const key = `${dir.split('/').at(-1)}/${file}`;
    const claims = OTHER_IMPORTERS.filter((i) => i.detect(fileInput(dir, file))).map(
      (i) => i.format,
    );
    expect(claims).toEqual(CLAIMS[key] ? [CLAIMS[key]] : []);
  });
});

if (!allPresent) {
  describe('detection over every fixture file', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

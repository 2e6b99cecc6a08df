import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../lib/import/registry';
import { OTHER_IMPORTERS } from './importer-groups';
import {
  OTPAUTH_TEXT_FORMAT,
  otpauthTextImporter,
  readOtpauthText,
} from '../../../lib/import/otpauth-text';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';
import {
  ABSENT,
  AEGIS_DIR,
  EXT_DIR,
  EXT_SYNTHETIC_DIR,
  GOOGLE_DIR,
  SKIP,
  account,
  aegisExpected,
  backupError,
  fileInput,
  present,
  skippedSteam,
  textInput,
} from './other-fixtures';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('otpauth:// text lists', () => {
  type Skip = [title: string, reason: keyof typeof SKIP];
  it.each<[string, string, number, Skip[]]>([
    ['one URI', `otpauth://totp/A:a?secret=${SECRET}`, 1, []],
    [
      'CRLF, blank lines and comments',
      `# export\r\n\r\n// note\r\notpauth://totp/A:a?secret=${SECRET}\r\n\r\n`,
      1,
      [],
    ],
    [
      'CR only',
      `otpauth://totp/A:a?secret=${SECRET}\rotpauth://hotp/B:b?secret=${SECRET}&counter=3`,
      2,
      [],
    ],
    ['a BOM and indentation', `\uFEFF  otpauth://totp/A:a?secret=${SECRET}  \n`, 1, []],
    [
      'a line that is not a URI',
      `otpauth://totp/A:a?secret=${SECRET}\nhello world\n`,
      1,
      [['#2', 'invalid']],
    ],
    ['Steam', `otpauth://steam/Valve:me?secret=${SECRET}`, 0, [['Valve (me)', 'type']]],
    ['MD5', `otpauth://totp/A:a?secret=${SECRET}&algorithm=MD5`, 0, [['A (a)', 'algorithm']]],
    ['12 digits', `otpauth://totp/A:a?secret=${SECRET}&digits=12`, 0, [['A (a)', 'digits']]],
    ['a broken key', 'otpauth://totp/Bank:me?secret=0OO0', 0, [['Bank (me)', 'invalid']]],
    ['no key', 'otpauth://totp/Bank:me?issuer=Bank', 0, [['Bank (me)', 'invalid']]],
    [
      'issuer only in the parameter',
      'otpauth://totp/me?issuer=Bank&secret=!!',
      0,
      [['Bank (me)', 'invalid']],
    ],
    ['a broken label', 'otpauth://totp/%E0%A4%A?secret=!!', 0, [['#1', 'invalid']]],
    ['a broken Google export', 'otpauth-migration://offline?data=XXXX', 0, [['#1', 'invalid']]],
  ])('%s', (_label, text, count, skipped) => {
    const read = readOtpauthText(text);
    expect(read.format).toBe(OTPAUTH_TEXT_FORMAT);
    expect(read.accounts).toHaveLength(count);
    expect(read.skipped).toEqual(
      skipped.map(([title, reason]) => ({ title, reason: SKIP[reason] })),
    );
    for (const s of read.skipped) expect(s.title).not.toContain(SECRET);
  });

  it('detects text with at least one URI line, not JSON or CSV holding URIs', () => {
    expect(otpauthTextImporter.detect(textInput(`x\notpauth://totp/a?secret=${SECRET}`))).toBe(
      true,
    );
    expect(otpauthTextImporter.detect(textInput(`OTPAUTH-MIGRATION://offline?data=AA`))).toBe(true);
    expect(
      otpauthTextImporter.detect(textInput(`{"totp": "otpauth://totp/a?secret=${SECRET}"}`)),
    ).toBe(false);
    expect(
      otpauthTextImporter.detect(textInput(`name,login_totp\nA,otpauth://totp/a?secret=${SECRET}`)),
    ).toBe(false);
    expect(otpauthTextImporter.detect({ name: 'x', bytes: new Uint8Array([0xff, 0x6f]) })).toBe(
      false,
    );
  });
});

const AEGIS_TEXTS = ['plain.txt', 'ente_auth.txt'];

describe.skipIf(!present(AEGIS_DIR))('otpauth text fixtures (Aegis test resources)', () => {
  it.each(AEGIS_TEXTS)('%s imports exactly its expected entries, Steam skipped', async (file) => {
    const expected = aegisExpected(file);
    const read = await readImportFile(fileInput(AEGIS_DIR, file), undefined, OTHER_IMPORTERS);
    expect(read.format).toBe(OTPAUTH_TEXT_FORMAT);
    expect(read.accounts).toEqual(expected.accounts);
    expect(read.skipped).toEqual(
      expected.steam.map((s) => skippedSteam(s.issuer ?? '', s.name ?? '')),
    );
  });
});

describe.skipIf(!present(EXT_DIR))(
  'otpauth text fixture (Authenticator extension authenticator.txt)',
  () => {
    it('firefox-standard-unencrypted.txt imports its 3 entries', async () => {
      const input = fileInput(EXT_SYNTHETIC_DIR, 'firefox-standard-unencrypted.txt');
      const read = await readImportFile(input, undefined, OTHER_IMPORTERS);
      expect(read).toEqual({
        format: OTPAUTH_TEXT_FORMAT,
        accounts: [
          account({ issuer: 'Example', name: 'alice@example.test', secret: 'JBSWY3DPEHPK3PXP' }),
          account({
            issuer: 'Slow Example',
            name: 'carol',
            secret: 'MZXW6YTBOI',
            period: 60,
            digits: 8,
            algorithm: 'SHA512',
          }),
          account({
            type: 'hotp',
            issuer: 'Counter Example',
            name: 'bob',
            secret: 'KRUGS4ZANFZSAYJA',
            counter: 7,
            digits: 8,
            algorithm: 'SHA256',
          }),
        ],
        skipped: [],
      });
    });
  },
);

/** Google export texts: accounts equal to decoding each migration line on its own. */
const GOOGLE_TEXTS: [string, number][] = [
  ['example_export.txt', 6],
  ['example_export_only_totp.txt', 5],
  ['example_export.png.decoded.txt', 3],
  ['test_plus_problem_export.txt', 4],
  ['dim13_test_vectors.txt', 2],
  ['url_list_output.txt', 6],
];

describe.skipIf(!present(GOOGLE_DIR))(
  'otpauth text fixtures (Google Authenticator exports)',
  () => {
    it.each(GOOGLE_TEXTS)('%s imports %i accounts', async (file, count) => {
      const read = await readImportFile(fileInput(GOOGLE_DIR, file), undefined, OTHER_IMPORTERS);
      expect(read.format).toBe(OTPAUTH_TEXT_FORMAT);
      expect(read.accounts).toHaveLength(count);
      expect(read.skipped).toEqual([]);
      const lines = readFileSync(join(GOOGLE_DIR, file), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.startsWith('otpauth-migration:'));
      if (lines.length > 0) {
        expect(read.accounts).toEqual(lines.flatMap((l) => parseMigrationUri(l).accounts));
      }
    });

    it('test_export_wrong_data.txt: the broken export line is listed, nothing imported', async () => {
      const input = fileInput(GOOGLE_DIR, 'test_export_wrong_data.txt');
      const read = await readImportFile(input, undefined, OTHER_IMPORTERS);
      expect(read).toEqual({
        format: OTPAUTH_TEXT_FORMAT,
        accounts: [],
        skipped: [{ title: '#1', reason: SKIP.invalid }],
      });
    });

    it.each(['test_export_wrong_content.txt', 'test_export_wrong_prefix.txt'])(
      '%s is not recognised (unsupported-format)',
      async (file) => {
        const err = await backupError(() =>
          readImportFile(fileInput(GOOGLE_DIR, file), undefined, OTHER_IMPORTERS),
        );
        expect(err.code).toBe('unsupported-format');
      },
    );
  },
);

describe.skipIf(!present(AEGIS_DIR))('otpauth text fixtures: truncated copies', () => {
  // Plain text has no integrity check: a list cut at a line break is a shorter list, and a
  // URI cut inside its key can still be a valid (shorter) key. What can be checked: the cut
  // never throws anything but a BackupError and never yields an account the full file lacks
  // except from the one cut line.
  it.each([0.1, 0.33, 0.5, 0.66, 0.9])('plain.txt cut at %f', async (fraction) => {
    const input = fileInput(AEGIS_DIR, 'plain.txt');
    const full = readOtpauthText(new TextDecoder().decode(input.bytes));
    const cut = new TextDecoder().decode(
      input.bytes.slice(0, Math.floor(input.bytes.length * fraction)),
    );
    const read = readOtpauthText(cut);
    const whole = cut.split('\n').length - 1;
    expect(read.accounts.slice(0, whole)).toEqual(full.accounts.slice(0, whole));
    expect(read.accounts.length + read.skipped.length).toBeLessThanOrEqual(whole + 1);
  });
});

if (!present(AEGIS_DIR) || !present(GOOGLE_DIR) || !present(EXT_DIR)) {
  describe('otpauth text fixtures', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

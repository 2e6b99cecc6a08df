import { describe, expect, it } from 'vitest';
import {
  BITWARDEN_CSV_FORMAT,
  BITWARDEN_JSON_FORMAT,
  bitwardenCsvImporter,
  bitwardenJsonImporter,
  readBitwardenCsv,
  readBitwardenJson,
} from '../../../lib/import/bitwarden';
import { CsvSyntaxError, parseCsv } from '../../../lib/import/csv';
import { readImportFile } from '../../../lib/import/registry';
import { OTHER_IMPORTERS } from './importer-groups';
import {
  ABSENT,
  AEGIS_DIR,
  SKIP,
  account,
  aegisExpected,
  backupError,
  fileInput,
  jsonInput,
  present,
  textInput,
  truncated,
} from './other-fixtures';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('RFC 4180 CSV', () => {
  it.each<[string, string, string[][]]>([
    [
      'simple',
      'a,b,c\r\n1,2,3\r\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty fields', ',,\n', [['', '', '']]],
    ['quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['quoted line breaks', '"line 1\r\nline 2\nline 3",x', [['line 1\r\nline 2\nline 3', 'x']]],
    ['doubled quotes', '"say ""hi""",""', [['say "hi"', '']]],
    ['empty quoted last field', 'a,""', [['a', '']]],
    ['a quote inside an unquoted field', 'a"b,c', [['a"b', 'c']]],
    ['a blank line in the middle', 'a\n\nb', [['a'], [''], ['b']]],
    [
      'CR line ends',
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['empty text', '', []],
    ['unicode', '発行者,"名前, です"', [['発行者', '名前, です']]],
  ])('%s', (_label, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it.each([
    ['an unterminated quote', 'a,"b\nc'],
    ['text after a closing quote', '"a"b,c'],
    ['a lone quote', '"'],
  ])('rejects %s', (_label, text) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
  });
});

describe('Bitwarden JSON', () => {
  const item = (name: string, login: Record<string, unknown> | null) => ({
    id: name,
    type: 1,
    name,
    login,
  });

  it('reads URIs, bare keys, Steam and ignores items without a TOTP', () => {
    const read = readBitwardenJson({
      encrypted: false,
      folders: [],
      items: [
        item('GitHub', { username: 'octo', totp: `otpauth://totp/GitHub:octo?secret=${SECRET}` }),
        item('Bare key', { username: 'me@example.com', totp: ' jbsw y3dp ehpk 3pxp ' }),
        item('No label', { username: 'user', totp: `otpauth://totp/?secret=${SECRET}&digits=8` }),
        item('Password only', { username: 'x', password: 'y', totp: null }),
        item('Secure note', null),
        item('Steam', { username: 'gamer', totp: 'steam://ABCDEFGHIJKLMNOP' }),
        item('Broken', { totp: 'not base32 !' }),
        item('Odd totp', { totp: 42 }),
      ],
    });
    expect(read).toEqual({
      format: BITWARDEN_JSON_FORMAT,
      accounts: [
        account({ issuer: 'GitHub', name: 'octo', secret: SECRET }),
        account({ issuer: 'Bare key', name: 'me@example.com', secret: SECRET }),
        account({ issuer: 'No label', name: 'user', secret: SECRET, digits: 8 }),
      ],
      skipped: [
        { title: 'Steam (gamer)', reason: SKIP.type },
        { title: 'Broken', reason: SKIP.invalid },
        { title: 'Odd totp', reason: SKIP.invalid },
      ],
    });
  });

  it.each([
    ['account-encrypted', { encrypted: true, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', items: [] }],
    [
      'password-protected',
      { encrypted: true, passwordProtected: true, salt: 's', kdfType: 0, data: '2.a|b|c' },
    ],
  ])('a %s export is recognised and refused (unsupported-version)', async (_label, root) => {
    expect(bitwardenJsonImporter.detect(jsonInput(root))).toBe(true);
    const err = await backupError(() => bitwardenJsonImporter.read(jsonInput(root), 'pw'));
    expect(err).toMatchObject({ code: 'unsupported-version', format: BITWARDEN_JSON_FORMAT });
  });

  it('does not claim other JSON', () => {
    expect(bitwardenJsonImporter.detect(jsonInput({ items: [] }))).toBe(false);
    expect(bitwardenJsonImporter.detect(jsonInput([{ encrypted: false, items: [] }]))).toBe(false);
    expect(bitwardenJsonImporter.detect(textInput('{"encrypted": false, "items": ['))).toBe(false);
  });
});

describe('Bitwarden CSV', () => {
  const HEADER =
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';

  it('reads quoted fields with commas, quotes and line breaks', () => {
    const csv = [
      HEADER,
      `,1,login,"Bank, Inc.","notes with ""quotes""\nand a line break",,0,https://bank.example,"me,too",pw,"otpauth://totp/Bank%2C%20Inc.:me?secret=${SECRET}&period=60"`,
      `,,login,Plain,,,0,,user,,${SECRET.toLowerCase()}`,
      ',,login,No TOTP,,,0,,user,pw,',
      ',,note,A note,"multi\r\nline",,0,,,,',
      `,,login,Steam,,,0,,gamer,,steam://${SECRET}`,
      ',,login,Cut short,,',
      '',
    ].join('\r\n');
    expect(readBitwardenCsv(csv)).toEqual({
      format: BITWARDEN_CSV_FORMAT,
      accounts: [
        account({ issuer: 'Bank, Inc.', name: 'me', secret: SECRET, period: 60 }),
        account({ issuer: 'Plain', name: 'user', secret: SECRET }),
      ],
      skipped: [
        { title: 'Steam (gamer)', reason: SKIP.type },
        { title: 'Cut short', reason: SKIP.invalid },
      ],
    });
  });

  it('rejects broken CSV as corrupt', async () => {
    const input = textInput(`${HEADER}\n,,login,"unterminated,,,,,,,,,`);
    expect(bitwardenCsvImporter.detect(input)).toBe(true);
    const err = await backupError(() => bitwardenCsvImporter.read(input));
    expect(err).toMatchObject({ code: 'corrupt', format: BITWARDEN_CSV_FORMAT });
  });

  it('detects by the header', () => {
    expect(bitwardenCsvImporter.detect(textInput(`"name","login_totp"\nA,${SECRET}`))).toBe(true);
    expect(bitwardenCsvImporter.detect(textInput(`name,secret\nA,${SECRET}`))).toBe(false);
  });
});

const FILES: [string, string, string][] = [
  ['bitwarden.json', BITWARDEN_JSON_FORMAT, 'Test Steam'],
  ['bitwarden.csv', BITWARDEN_CSV_FORMAT, 'Test 4'],
];

describe.skipIf(!present(AEGIS_DIR))('Bitwarden fixtures (Aegis test resources)', () => {
  it.each(FILES)('%s imports exactly its expected entries', async (file, format, steamTitle) => {
    const read = await readImportFile(fileInput(AEGIS_DIR, file), undefined, OTHER_IMPORTERS);
    expect(read).toEqual({
      format,
      accounts: aegisExpected(file).accounts,
      skipped: [{ title: steamTitle, reason: SKIP.type }],
    });
  });

  it.each([0.1, 0.5, 0.9, 0.99])('bitwarden.json truncated to %f is rejected', async (fraction) => {
    const input = truncated(fileInput(AEGIS_DIR, 'bitwarden.json'), fraction);
    const err = await backupError(() => readImportFile(input, undefined, OTHER_IMPORTERS));
    expect(err.code).toBe('unsupported-format');
    // Read as Bitwarden JSON on purpose, it is corrupt.
    const direct = await backupError(() => bitwardenJsonImporter.read(input));
    expect(direct.code).toBe('corrupt');
  });

  // CSV has no end marker: a cut in the last column shortens the last key (undetectable), a
  // cut elsewhere in a row leaves it with too few fields (skipped), a cut at a line break is
  // a shorter file. Never more than the file's own rows, never an error other than BackupError.
  it.each([0.3, 0.5, 0.7, 0.95])('bitwarden.csv truncated to %f', async (fraction) => {
    const full = aegisExpected('bitwarden.csv').accounts;
    const input = truncated(fileInput(AEGIS_DIR, 'bitwarden.csv'), fraction);
    const read = await bitwardenCsvImporter.read(input);
    const lines = new TextDecoder().decode(input.bytes).split('\n').length;
    expect(read.accounts.length + read.skipped.length).toBeLessThanOrEqual(lines - 1);
    expect(read.accounts.slice(0, lines - 2)).toEqual(full.slice(0, lines - 2));
  });
});

if (!present(AEGIS_DIR)) {
  describe('Bitwarden fixtures', () => {
    it(ABSENT, ({ skip }) => skip());
  });
}

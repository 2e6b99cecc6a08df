import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, parseAlgorithm } from '../../../lib/otp/fields';
import { parseOtpauthUri } from '../../../lib/otp/uri';
import type { AccountData } from '../../../lib/otp/types';
import { parseMigrationUri } from '../../../lib/otp/migration/parse';

/**
 * Google Authenticator export samples, read in place from `../shared/fixtures/google` beside the
 * checkout (GPL-3.0 / ISC: never copied into this repository). See its MANIFEST.md. Each
 * sample's accounts are compared with every expected output the MANIFEST names for it; dim13's
 * vectors, the rejected samples, batch fields and re-encoding are in migration-fixtures-batches.test.ts.
 */
const DIR = fileURLToPath(new URL('../../../../shared/fixtures/google/', import.meta.url));
const present = existsSync(join(DIR, 'MANIFEST.md'));
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const lines = (file: string): string[] =>
  read(file)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
const uris = (file: string): string[] => lines(file).filter((l) => !l.startsWith('#'));

type Row = Pick<AccountData, 'issuer' | 'name' | 'secret' | 'type' | 'algorithm' | 'digits'> & {
  counter: number;
};
const rowOf = ({ issuer, name, secret, type, algorithm, digits, counter }: AccountData): Row => ({
  ...{ issuer, name, secret, type, algorithm, digits, counter },
});

/**
 * How this app shows an exported name: the issuer once, then the account. scito's tool keeps
 * Google's raw name (`Test1:test1@example1.com` beside issuer `Test1`, or `encoding: ¿äÄéÉ?
 * (demo)` with no issuer); read as an `otpauth://` label, the text before the colon is the issuer.
 */
function label(issuer: string, name: string): { issuer: string; name: string } {
  if (issuer !== '' && name.startsWith(`${issuer}:`))
    return { issuer, name: name.slice(issuer.length + 1) };
  const colon = name.indexOf(':');
  if (issuer !== '' || colon < 0) return { issuer, name };
  return { issuer: name.slice(0, colon).trim(), name: name.slice(colon + 1).trim() };
}

/** A row of scito's outputs (JSON, CSV, KeePass CSV): SHA1 and six digits for all (MANIFEST). */
const scitoRow = (r: Record<string, string | number | null | undefined>): Row => ({
  ...label(String(r.issuer ?? ''), String(r.name)),
  secret: String(r.secret),
  type: r.type === 'hotp' ? 'hotp' : 'totp',
  algorithm: 'SHA1',
  digits: 6,
  counter:
    r.counter === null || r.counter === undefined || r.counter === '' ? 0 : Number(r.counter),
});

function csv(file: string): Record<string, string>[] {
  const [head = '', ...body] = lines(file);
  const names = head.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? '', v])));
}

/** The rows of the markdown table under `## {heading}` in MANIFEST.md. */
function manifestTable(heading: string): Record<string, string>[] {
  const sections = read('MANIFEST.md').split(/^## /m);
  const section = sections.find((s) => s.startsWith(heading)) ?? '';
  const [head, , ...body] = section.split('\n').filter((l) => l.startsWith('|'));
  const cells = (l: string) => l.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
  const names = cells(head ?? '');
  return body.map((l) => Object.fromEntries(cells(l).map((v, i) => [names[i] ?? '', v])));
}

/** A source of expected accounts; `only` compares just the accounts of that type. */
interface Source {
  rows: () => Row[];
  only?: Row['type'];
}

function expectations(): Record<string, Record<string, Source>> {
  const json = () =>
    (JSON.parse(read('example_output.json')) as Record<string, string>[]).map(scitoRow);
  const urlList = () =>
    lines('url_list_output.txt').map((u) => rowOf(parseOtpauthUri(u, IMPORT_LIMITS)));
  const totp = (rows: () => Row[]) => () => rows().filter((r) => r.type === 'totp');
  const keepass = (kind: 'totp' | 'hotp', prefix: string) => () =>
    csv(`example_keepass_output.${kind}.csv`).map((r) =>
      scitoRow({
        issuer: r.Title,
        name: r['User Name'],
        secret: r[`${prefix}-Secret-Base32`],
        type: kind,
        counter: r[`${prefix}-Counter`],
      }),
    );
  const png = () =>
    manifestTable('example_export.png').map((r) => ({
      ...scitoRow({ ...r, secret: r['secret (base32)'] }),
      algorithm: parseAlgorithm(r.algo ?? ''),
      digits: r.digits === 'EIGHT' ? 8 : 6,
    }));
  const plus = () =>
    manifestTable('test_plus_problem_export.txt').map((r) =>
      scitoRow({ ...r, issuer: 'SerenityLabs', type: 'totp' }),
    );
  return {
    'example_export.txt': {
      'example_output.json': { rows: json },
      'example_output.csv': { rows: () => csv('example_output.csv').map(scitoRow) },
      'url_list_output.txt': { rows: urlList },
      'example_keepass_output.totp.csv': { rows: keepass('totp', 'TimeOtp'), only: 'totp' },
      'example_keepass_output.hotp.csv': { rows: keepass('hotp', 'HmacOtp'), only: 'hotp' },
    },
    'example_export_only_totp.txt': {
      'example_output.json without HOTP': { rows: totp(json) },
      'url_list_output.txt without HOTP': { rows: totp(urlList) },
    },
    'example_export.png.decoded.txt': { 'the MANIFEST.md table': { rows: png } },
    'test_plus_problem_export.txt': { 'the MANIFEST.md table': { rows: plus } },
  };
}

const EXPECTED = present ? expectations() : {};
const CASES = Object.entries(EXPECTED).flatMap(([file, sources]) =>
  Object.keys(sources).map((source) => [file, source] as const),
);
const parseAll = (file: string) => uris(file).map((u) => parseMigrationUri(u));

describe.skipIf(!present)('Google Authenticator fixtures: accounts', () => {
  it.each(CASES)('%s gives the accounts of %s', (file, source) => {
    const batches = parseAll(file);
    expect(batches.flatMap((b) => b.skipped)).toEqual([]);
    const { rows, only } = EXPECTED[file]?.[source] ?? { rows: () => [] };
    const expected = rows();
    expect(expected.length).toBeGreaterThan(0);
    const accounts = batches.flatMap((b) => b.accounts).filter((a) => !only || a.type === only);
    expect(accounts.map(rowOf)).toEqual(expected);
  });
});

if (!present) {
  describe('Google Authenticator fixtures: accounts', () => {
    it('skipped: ../shared/fixtures/google is absent (see ../shared/fixtures/README.md)', ({
      skip,
    }) => skip());
  });
}

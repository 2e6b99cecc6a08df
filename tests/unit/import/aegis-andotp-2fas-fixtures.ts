import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountTitle } from '../../../lib/account-title';
import { BackupError, type ImportedEntries, type SkippedEntry } from '../../../lib/import/types';
import { OTP_DEFAULTS, type AccountData } from '../../../lib/otp/types';

/**
 * The Aegis / andOTP / 2FAS samples of `../shared/fixtures/{aegis,2fas}` beside the checkout,
 * read in place (GPL-3.0: never copied into this repository; see ../shared/fixtures/README.md),
 * and their expected entries: `aegis/expected_entries.json` (an independent decoding of every
 * file) and the 2fas folder's CSV / pretty-table / plaintext outputs and MANIFEST.md table.
 */

const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
export const AEGIS_DIR = join(ROOT, 'aegis');
export const TWOFAS_DIR = join(ROOT, '2fas');
export const aegisPresent = existsSync(join(AEGIS_DIR, 'MANIFEST.md'));
export const twoFasPresent = existsSync(join(TWOFAS_DIR, 'MANIFEST.md'));
export const ABSENT = 'skipped: ../shared/fixtures is absent (see ../shared/fixtures/README.md)';

export const readBytes = (dir: string, file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(dir, file)));
export const readText = (dir: string, file: string): string =>
  readFileSync(join(dir, file), 'utf8');

/** An entry of `expected_entries.json`; `null` where the file does not store the field. */
export interface RawExpected {
  type: string;
  issuer: string | null;
  name: string;
  secret: string;
  algorithm: string | null;
  digits: number | null;
  period: number | null;
  counter: number | null;
}

export function rawExpected(file: string): RawExpected[] {
  const all = JSON.parse(readText(AEGIS_DIR, 'expected_entries.json')) as Record<
    string,
    RawExpected[]
  >;
  const entries = all[file];
  if (!entries) throw new Error(`${file} is not in expected_entries.json`);
  return entries;
}

/**
 * What an import of a file must give: Steam entries listed as skipped (unsupported type), the
 * others as accounts, with this app's defaults (OTP_DEFAULTS) where the file stores nothing,
 * period 30 for HOTP and counter 0 for TOTP (as `validateAccountData` normalises them).
 */
export function expectedImport(entries: RawExpected[]): Omit<ImportedEntries, 'format'> {
  const accounts: AccountData[] = [];
  const skipped: SkippedEntry[] = [];
  for (const e of entries) {
    const issuer = e.issuer ?? '';
    if (e.type === 'steam') {
      skipped.push({
        title: accountTitle({ issuer, name: e.name }),
        reason: 'import_skipped_unsupported_type',
      });
      continue;
    }
    const type = e.type === 'hotp' ? 'hotp' : 'totp';
    accounts.push({
      type,
      issuer,
      name: e.name,
      secret: e.secret,
      algorithm: (e.algorithm ?? OTP_DEFAULTS.algorithm) as AccountData['algorithm'],
      digits: e.digits ?? OTP_DEFAULTS.digits,
      period: type === 'totp' ? (e.period ?? OTP_DEFAULTS.period) : OTP_DEFAULTS.period,
      counter: type === 'hotp' ? (e.counter ?? OTP_DEFAULTS.counter) : OTP_DEFAULTS.counter,
      sites: [],
    });
  }
  return { accounts, skipped };
}

/** The rows of the first markdown table under the `## …` heading starting with `heading`. */
export function manifestTable(dir: string, heading: string): Record<string, string>[] {
  const sections = readText(dir, 'MANIFEST.md').split(/^## /m);
  const section = sections.find((s) => s.startsWith(heading)) ?? '';
  const [head, , ...body] = section.split('\n').filter((l) => l.startsWith('|'));
  const cells = (l: string) => l.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
  const names = cells(head ?? '');
  return body.map((l) => Object.fromEntries(cells(l).map((v, i) => [names[i] ?? '', v])));
}

/** The entry count the Aegis MANIFEST gives a file (`#` column of "Per-file facts"). */
export function manifestCount(file: string): number {
  const row = manifestTable(AEGIS_DIR, 'Per-file facts').find((r) => r.File === file);
  if (!row) throw new Error(`${file} is not in MANIFEST.md`);
  return Number(row['#']);
}

/** The rows of a simple CSV (no quoted fields), keyed by the header. */
export function csvRows(text: string): Record<string, string>[] {
  const [head = '', ...body] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = head.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i] ?? '', v])));
}

/** The rows of a fixed-width table whose header names start each column. */
export function fixedWidthRows(text: string): Record<string, string>[] {
  const [head = '', ...body] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = [...head.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index }));
  return body.map((line) =>
    Object.fromEntries(
      columns.map((c, i) => [c.name, line.slice(c.at, columns[i + 1]?.at ?? line.length).trim()]),
    ),
  );
}

/** A copy of the bytes cut to their first half. */
export const firstHalf = (bytes: Uint8Array): Uint8Array =>
  bytes.slice(0, Math.floor(bytes.length / 2));

/** The `BackupError` a promise rejects with (fails the test if it resolves or throws another). */
export async function backupError(promise: Promise<unknown>): Promise<BackupError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('expected a BackupError, but the import succeeded');
  if (!(outcome.error instanceof BackupError)) throw outcome.error;
  return outcome.error;
}

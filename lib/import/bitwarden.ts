import type { AccountInput } from '../otp/account';
import { IMPORT_LIMITS } from '../otp/fields';
import { parseOtpauthUri } from '../otp/uri';
import { CsvSyntaxError, parseCsv } from './csv';
import {
  EntryList,
  SKIP_REASONS,
  decodeUtf8,
  entryTitle,
  isObject,
  parseJsonBytes,
  type JsonObject,
} from './importer-kit';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * Bitwarden vault exports: the `.json` (`items[].login.totp`) and the `.csv` (`login_totp`
 * column). The TOTP field holds an `otpauth://` URI, a bare Base32 key (Bitwarden then uses
 * SHA1, 6 digits, 30 s; the item's name becomes the issuer and its username the account
 * name) or `steam://KEY` (Steam Guard, listed as skipped). Items without a TOTP are passwords,
 * not authenticator accounts, and are not listed. Encrypted Bitwarden exports (account- or
 * password-protected) are recognised and refused with `unsupported-version`.
 *
 * @see https://bitwarden.com/help/condition-bitwarden-import/
 * @see https://bitwarden.com/help/authenticator-keys/
 */

export const BITWARDEN_JSON_FORMAT = 'bitwarden-json';
export const BITWARDEN_CSV_FORMAT = 'bitwarden-csv';

/** One TOTP field of an item into the list. */
function addTotp(
  list: EntryList,
  totp: string,
  itemName: string,
  username: string,
  index: number,
): void {
  const field = totp.trim();
  const title = entryTitle(itemName, username, index);
  if (/^steam:\/\//i.test(field)) {
    list.skip(title, SKIP_REASONS.type);
    return;
  }
  list.add(title, (): AccountInput => {
    if (/^otpauth:/i.test(field)) {
      const account = parseOtpauthUri(field, IMPORT_LIMITS);
      // A URI without a label takes the item's name and username, as Bitwarden shows it.
      return {
        ...account,
        issuer: account.issuer || itemName,
        name: account.name || username,
      };
    }
    return { type: 'totp', issuer: itemName, name: username, secret: field };
  });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** True for the shape of a Bitwarden JSON export (plain or encrypted). */
function isBitwardenJson(value: unknown): value is JsonObject {
  return (
    isObject(value) &&
    typeof value.encrypted === 'boolean' &&
    (Array.isArray(value.items) ||
      value.passwordProtected === true ||
      typeof value.encKeyValidation_DO_NOT_EDIT === 'string')
  );
}

/** Reads a parsed Bitwarden JSON export. */
export function readBitwardenJson(root: JsonObject): ImportedEntries {
  if (root.encrypted !== false) throw new BackupError('unsupported-version', BITWARDEN_JSON_FORMAT);
  if (!Array.isArray(root.items)) throw new BackupError('corrupt', BITWARDEN_JSON_FORMAT);
  const list = new EntryList();
  root.items.forEach((item: unknown, index) => {
    if (!isObject(item) || !isObject(item.login)) return;
    const totp = item.login.totp;
    if (totp === undefined || totp === null || totp === '') return;
    if (typeof totp !== 'string') {
      list.skip(entryTitle(item.name, item.login.username, index), SKIP_REASONS.invalid);
      return;
    }
    addTotp(list, totp, text(item.name).trim(), text(item.login.username).trim(), index);
  });
  return list.result(BITWARDEN_JSON_FORMAT);
}

export const bitwardenJsonImporter: Importer = {
  format: BITWARDEN_JSON_FORMAT,
  password: 'never',
  detect: (input: ImportInput) => isBitwardenJson(parseJsonBytes(input.bytes)?.value),
  async read(input: ImportInput): Promise<ImportedEntries> {
    const root = parseJsonBytes(input.bytes)?.value;
    if (!isBitwardenJson(root)) throw new BackupError('corrupt', BITWARDEN_JSON_FORMAT);
    return readBitwardenJson(root);
  },
};

/** The header fields of the first line, unquoted, lower case. */
function headerOf(text: string): string[] {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return first.split(',').map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/** True when the first line is a CSV header with Bitwarden's `login_totp` and `name`. */
function looksLikeBitwardenCsv(text: string): boolean {
  const header = headerOf(text);
  return header.includes('login_totp') && header.includes('name');
}

/** Reads the text of a Bitwarden CSV export. */
export function readBitwardenCsv(text: string): ImportedEntries {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new BackupError('corrupt', BITWARDEN_CSV_FORMAT);
    throw err;
  }
  const header = (records[0] ?? []).map((name) => name.trim().toLowerCase());
  const totpAt = header.indexOf('login_totp');
  const nameAt = header.indexOf('name');
  const userAt = header.indexOf('login_username');
  if (totpAt < 0 || nameAt < 0) throw new BackupError('corrupt', BITWARDEN_CSV_FORMAT);
  const list = new EntryList();
  records.slice(1).forEach((row, index) => {
    if (row.length === 1 && row[0] === '') return; // a blank line
    const name = (row[nameAt] ?? '').trim();
    const username = userAt < 0 ? '' : (row[userAt] ?? '').trim();
    if (row.length !== header.length) {
      // A row cut short or run long: its columns cannot be trusted.
      list.skip(entryTitle(name, username, index), SKIP_REASONS.invalid);
      return;
    }
    const totp = row[totpAt] ?? '';
    if (totp.trim() === '') return;
    addTotp(list, totp, name, username, index);
  });
  return list.result(BITWARDEN_CSV_FORMAT);
}

export const bitwardenCsvImporter: Importer = {
  format: BITWARDEN_CSV_FORMAT,
  password: 'never',
  detect(input: ImportInput): boolean {
    const text = decodeUtf8(input.bytes);
    return text !== undefined && looksLikeBitwardenCsv(text);
  },
  async read(input: ImportInput): Promise<ImportedEntries> {
    const text = decodeUtf8(input.bytes);
    if (text === undefined || !looksLikeBitwardenCsv(text)) {
      throw new BackupError('corrupt', BITWARDEN_CSV_FORMAT);
    }
    return readBitwardenCsv(text);
  },
};

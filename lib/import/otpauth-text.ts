import { isOtpError } from '../otp/errors';
import { IMPORT_LIMITS } from '../otp/fields';
import { parseMigrationUri } from '../otp/migration/parse';
import type { AccountData } from '../otp/types';
import { parseOtpauthUri } from '../otp/uri';
import { parseQuery } from '../otp/uri-encoding';
import {
  decodeUtf8,
  entryTitle,
  migrationSkipped,
  skipReasonOf,
  SKIP_REASONS,
} from './importer-kit';
import {
  BackupError,
  type ImportInput,
  type ImportedEntries,
  type Importer,
  type SkippedEntry,
} from './types';

/**
 * Text files of `otpauth://` URIs, one a line: Aegis' and Ente's plain exports, the
 * Authenticator extension's `authenticator.txt`, Authenticator Plus' `Accounts.txt`,
 * `url_list` outputs. Blank lines and `#` / `//` comment lines are ignored;
 * `otpauth-migration://` lines (Google Authenticator exports) are expanded. A line that is
 * none of these, or a URI that cannot become an account, is listed in `skipped` (title: the
 * URI's label, or `#line`), never dropped.
 */

export const OTPAUTH_TEXT_FORMAT = 'otpauth-text';

const OTPAUTH = /^otpauth:\/\//i;
const MIGRATION = /^otpauth-migration:\/\//i;
const COMMENT = /^(#|\/\/)/;

const URI_START = /^otpauth(-migration)?:/i;
const ANY_URI = /^[a-z][a-z0-9+.-]*:\/\//i;

/** One item of a URI text: a URI (or what stands in its place) and its 0-based first line. */
interface TextItem {
  text: string;
  line: number;
}

/**
 * The one line splitter of URI lists (files) and pasted text. Lines are trimmed; blank lines and
 * `#` / `//` comment lines are ignored; every other line is an item — except, with
 * `joinWrapped` (pasted text), a line that starts no URI (`scheme://`) and holds no space
 * continues the `otpauth` URI before it: a long URI wrapped by a mail program. A file's line is
 * a record of its own.
 */
export function splitUriText(text: string, joinWrapped = false): TextItem[] {
  const items: TextItem[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === '' || COMMENT.test(trimmed)) return;
    const last = items.at(-1);
    const wrapped = joinWrapped && last && !ANY_URI.test(trimmed) && !/\s/.test(trimmed);
    if (wrapped && URI_START.test(last.text)) last.text += trimmed;
    else items.push({ text: trimmed, line });
  });
  return items;
}

/** True when some line of the text starts with `otpauth://` or `otpauth-migration://`. */
function looksLikeOtpauthText(text: string): boolean {
  return splitUriText(text).some(({ text: line }) => OTPAUTH.test(line) || MIGRATION.test(line));
}

/**
 * A title for a URI that failed: its label (`Issuer (name)`), from the path only, so never the
 * secret; `#line` when the label cannot be read.
 */
function uriTitle(uri: string, lineIndex: number): string {
  try {
    const body = uri.replace(OTPAUTH, '').split('#')[0] ?? '';
    const q = body.indexOf('?');
    const path = q < 0 ? body : body.slice(0, q);
    const slash = path.indexOf('/');
    const label = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1).replace(/\+/g, ' '));
    const issuerParam = parseQuery(q < 0 ? '' : body.slice(q + 1)).get('issuer') ?? '';
    const colon = label.indexOf(':');
    const issuer = colon < 0 ? issuerParam : label.slice(0, colon).trim() || issuerParam;
    const name = colon < 0 ? label : label.slice(colon + 1);
    return entryTitle(issuer, name, lineIndex);
  } catch {
    return `#${lineIndex + 1}`;
  }
}

/** Reads the text of a URI list. Never throws for the content: every line gets an outcome. */
export function readOtpauthText(text: string): ImportedEntries {
  const accounts: AccountData[] = [];
  const skipped: SkippedEntry[] = [];
  splitUriText(text).forEach(({ text: line, line: index }) => {
    if (MIGRATION.test(line)) {
      try {
        const batch = parseMigrationUri(line);
        accounts.push(...batch.accounts);
        skipped.push(...batch.skipped.map(migrationSkipped));
      } catch (err) {
        if (!isOtpError(err)) throw err;
        skipped.push({ title: `#${index + 1}`, reason: SKIP_REASONS.invalid });
      }
      return;
    }
    if (!OTPAUTH.test(line)) {
      skipped.push({ title: `#${index + 1}`, reason: SKIP_REASONS.invalid });
      return;
    }
    try {
      accounts.push(parseOtpauthUri(line, IMPORT_LIMITS));
    } catch (err) {
      if (!isOtpError(err)) throw err;
      skipped.push({ title: uriTitle(line, index), reason: skipReasonOf(err) });
    }
  });
  return { format: OTPAUTH_TEXT_FORMAT, accounts, skipped };
}

export const otpauthTextImporter: Importer = {
  format: OTPAUTH_TEXT_FORMAT,
  password: 'never',
  detect(input: ImportInput): boolean {
    const text = decodeUtf8(input.bytes);
    return text !== undefined && looksLikeOtpauthText(text);
  },
  async read(input: ImportInput): Promise<ImportedEntries> {
    const text = decodeUtf8(input.bytes);
    if (text === undefined || !looksLikeOtpauthText(text)) {
      throw new BackupError('corrupt', OTPAUTH_TEXT_FORMAT);
    }
    return readOtpauthText(text);
  },
};

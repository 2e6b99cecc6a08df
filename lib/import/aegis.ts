import { decryptAegisDb, parseAegisHeader, type AegisHeader } from './aegis-crypto';
import {
  EntryList,
  SKIP_REASONS,
  entryTitle,
  isObject,
  numberField,
  parseJsonBytes,
  requirePassword,
  textField,
  type JsonObject,
} from './importer-kit';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * Aegis Authenticator vault exports (`aegis-export-*.json`, plain or encrypted).
 * File `version` 1; `db.version` 1 (entries), 2 (entries with a `group` name) and 3 (group
 * ids, notes, favourites) are read; entry types `totp` and `hotp` are imported, `steam`,
 * `yandex`, `motp` and unknown ones are listed as skipped.
 * @see https://github.com/beemdevelopment/Aegis/blob/master/docs/vault.md
 */

const FORMAT = 'aegis';

/** Newest vault file `version` read. */
const AEGIS_FILE_VERSION = 1;
/** Newest `db.version` read. */
const AEGIS_DB_VERSION = 3;

/** An Aegis file after the parsing layer (before any key derivation). */
type AegisFile =
  { kind: 'plain'; db: JsonObject } | { kind: 'encrypted'; header: AegisHeader; db: string };

const corrupt = () => new BackupError('corrupt', FORMAT);

/** Whether a JSON value has the shape of an Aegis vault file: `header.slots` and `db`. */
function isAegisShape(value: unknown): value is JsonObject & { header: JsonObject } {
  return isObject(value) && isObject(value.header) && 'slots' in value.header && 'db' in value;
}

/**
 * Checks an Aegis file and splits it into the plain `db` or the decoded header and the sealed
 * `db`. Throws `corrupt`, `unsupported-version` (a newer file version) or `unsupported-format`
 * (encrypted with no password slot).
 */
export function parseAegisFile(bytes: Uint8Array): AegisFile {
  const json = parseJsonBytes(bytes);
  if (!json || !isAegisShape(json.value)) throw corrupt();
  const { version, header, db } = json.value;
  checkVersion(version, AEGIS_FILE_VERSION);
  if (header.slots === null) {
    if (!isObject(db)) throw corrupt();
    return { kind: 'plain', db };
  }
  const parsed = parseAegisHeader(header);
  if (typeof db !== 'string') throw corrupt();
  return { kind: 'encrypted', header: parsed, db };
}

function checkVersion(version: unknown, newest: number): void {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw corrupt();
  }
  if (version > newest) throw new BackupError('unsupported-version', FORMAT);
}

/** The entries of a (decrypted) Aegis `db` object. */
function readAegisDb(db: unknown): ImportedEntries {
  if (!isObject(db) || !Array.isArray(db.entries)) throw corrupt();
  checkVersion(db.version, AEGIS_DB_VERSION);
  const list = new EntryList();
  db.entries.forEach((entry: unknown, index) => {
    const raw = isObject(entry) ? entry : {};
    const title = entryTitle(raw.issuer, raw.name, index);
    const type = raw.type;
    if (type === 'totp' || type === 'hotp') {
      list.add(title, () => {
        const info = isObject(raw.info) ? raw.info : {};
        return {
          type,
          issuer: textField(raw.issuer),
          name: textField(raw.name),
          secret: textField(info.secret),
          algorithm: textField(info.algo),
          digits: numberField(info.digits),
          period: type === 'totp' ? numberField(info.period) : undefined,
          counter: type === 'hotp' ? numberField(info.counter) : undefined,
        };
      });
    } else if (typeof type === 'string' && isObject(raw.info)) {
      // steam, yandex, motp, or a type added after this was written.
      list.skip(title, SKIP_REASONS.type);
    } else {
      list.skip(title, SKIP_REASONS.invalid);
    }
  });
  return list.result(FORMAT);
}

export const aegisImporter: Importer = {
  format: FORMAT,
  password: 'if-encrypted',
  detect(input: ImportInput): boolean {
    const json = parseJsonBytes(input.bytes);
    return json !== undefined && isAegisShape(json.value);
  },
  async read(input: ImportInput, password?: string): Promise<ImportedEntries> {
    const file = parseAegisFile(input.bytes);
    if (file.kind === 'plain') return readAegisDb(file.db);
    const plain = await decryptAegisDb(file.header, file.db, requirePassword(password, FORMAT));
    const json = parseJsonBytes(plain);
    if (!json) throw corrupt();
    return readAegisDb(json.value);
  },
};

import { pcBackupImporter } from '../backup/pc-backup';
import { aegisImporter } from './aegis';
import { andOtpImporter } from './andotp';
import { authenticatorExtImporter } from './authenticator-ext';
import { bitwardenCsvImporter, bitwardenJsonImporter } from './bitwarden';
import { otpauthTextImporter } from './otpauth-text';
import { twoFasImporter } from './twofas';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * Every file format we read, in the order they are tried — the one list, like Aegis'
 * `DatabaseImporter` table. Most specific first: our own backup (by its `format` field), the
 * Authenticator extension's record object, Bitwarden JSON and CSV, Aegis (`header.slots` and
 * `db`), 2FAS (`schemaVersion` and `services`), andOTP (an entry array, or binary ciphertext),
 * and last the plain `otpauth://` line list, which would read almost anything.
 * `crypto` is passed in so tests can count or slow its calls.
 */
export function importers(crypto: Crypto = globalThis.crypto): Importer[] {
  return [
    pcBackupImporter(crypto),
    authenticatorExtImporter(crypto),
    bitwardenJsonImporter,
    bitwardenCsvImporter,
    aegisImporter,
    twoFasImporter,
    andOtpImporter,
    otpauthTextImporter,
  ];
}

export const IMPORTERS: readonly Importer[] = Object.freeze(importers());

/**
 * Picks the importer for a file and reads it. Importers are tried in list order; the first
 * whose `detect` is true reads the file (a `detect` that throws counts as false). A password is
 * handed only to an importer that may need one. Throws `BackupError('unsupported-format')` when
 * none recognises the file, and whatever {@link BackupError} the importer throws.
 */
export async function readImportFile(
  input: ImportInput,
  password: string | undefined,
  list: readonly Importer[] = IMPORTERS,
): Promise<ImportedEntries> {
  const importer = list.find((candidate) => {
    try {
      return candidate.detect(input);
    } catch {
      return false;
    }
  });
  if (importer === undefined) throw new BackupError('unsupported-format');
  return importer.read(input, importer.password === 'never' ? undefined : password);
}

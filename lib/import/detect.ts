import { authenticatorExtImporter } from './authenticator-ext';
import { bitwardenCsvImporter, bitwardenJsonImporter } from './bitwarden';
import { otpauthTextImporter } from './otpauth-text';
import { pcBackupImporter } from '../backup/pc-backup';
import { BackupError, type ImportInput, type ImportedEntries, type Importer } from './types';

/**
 * Picks the importer for a file and reads it. Importers are tried in list order; the first
 * whose `detect` is true reads the file (a `detect` that throws counts as false). Throws
 * `BackupError('unsupported-format')` when none recognises the file, and whatever
 * {@link BackupError} the importer throws.
 */
export async function readImportFile(
  input: ImportInput,
  password: string | undefined,
  importers: readonly Importer[],
): Promise<ImportedEntries> {
  const importer = importers.find((candidate) => {
    try {
      return candidate.detect(input);
    } catch {
      return false;
    }
  });
  if (importer === undefined) throw new BackupError('unsupported-format');
  return importer.read(input, password);
}

/**
 * The importers of this module, most specific first: our own backup (by its `format` field),
 * the Authenticator extension's record object, Bitwarden JSON and CSV, and last the generic
 * `otpauth://` line list. Merge with the Aegis/andOTP/2FAS importers before the text one.
 */
export function otherImporters(crypto: Crypto = globalThis.crypto): Importer[] {
  return [
    pcBackupImporter(crypto),
    authenticatorExtImporter(crypto),
    bitwardenJsonImporter,
    bitwardenCsvImporter,
    otpauthTextImporter,
  ];
}

export const OTHER_IMPORTERS: readonly Importer[] = Object.freeze(otherImporters());

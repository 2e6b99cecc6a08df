import { AEGIS_ANDOTP_2FAS_IMPORTERS } from '../backup/aegis-andotp-2fas';
import { OTHER_IMPORTERS, readImportFile } from '../backup/detect';
import { createBackup } from '../backup/pc-backup';
import type { Importer } from '../backup/types';
import { backupFileName, type BackupStatus } from '../backup-protocol';
import { MIN_PASSWORD_LENGTH } from '../password-strength';
import type { Vault } from '../vault';
import { base64ToBytes } from '../vault/base64';
import { InputError } from './errors';
import { classifyImport, toAdd } from './import-preview';
import type { PendingImport } from './pending-import';
import type { PageHandlers } from './routes';

export interface BackupDeps {
  crypto: Crypto;
  now: () => number;
  /** Where a commit waits for the user (see {@link PendingImport}). */
  pending: PendingImport;
  /** Records the last backup (`storage.local` key `backup`). */
  saveStatus: (status: BackupStatus) => Promise<void>;
  /** Defaults to {@link IMPORTERS}; tests pass cheaper ones. */
  importers?: readonly Importer[];
}

const isText = (importer: Importer) => importer.format === 'otpauth-text';

/**
 * Every file format we read, most specific first: our backup, the other JSON/CSV exports,
 * Aegis/2FAS/andOTP, and last the plain `otpauth://` line list, which would read almost anything.
 */
export const IMPORTERS: readonly Importer[] = [
  ...OTHER_IMPORTERS.filter((importer) => !isText(importer)),
  ...AEGIS_ANDOTP_2FAS_IMPORTERS,
  ...OTHER_IMPORTERS.filter(isText),
];

/**
 * The manage page's backup and restore: an encrypted backup of every account; and reading any
 * supported file into a preview (nothing stored) that one commit adds atomically.
 */
export function backupHandlers(vault: Vault, deps: BackupDeps) {
  const { crypto, now, pending, saveStatus, importers = IMPORTERS } = deps;
  return {
    'backup.create': async ({ password }) => {
      if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH)
        throw new InputError('error_password_too_short');
      const { accounts } = await vault.listAccounts();
      const time = now();
      const content = await createBackup(accounts, password, { now: time, crypto });
      await saveStatus({ lastBackupAt: time, accountCount: accounts.length });
      return { fileName: backupFileName(time), content, accountCount: accounts.length };
    },
    'backup.preview': async ({ name, base64, password }) => {
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(base64, 'file');
      } catch {
        throw new InputError('manage_file_unreadable');
      }
      const entries = await readImportFile({ name, bytes }, password || undefined, importers);
      const classified = await classifyImport(vault, entries.accounts);
      const token = await pending.put(entries);
      return {
        token,
        format: entries.format,
        items: classified.map(({ title, status }) => ({ title, status })),
        skipped: entries.skipped,
      };
    },
    'backup.commit': async ({ token }) => {
      const entries = await pending.get(token);
      if (!entries) throw new InputError('error_import_expired');
      // Classified again: the vault may have changed while the user looked at the preview.
      const classified = await classifyImport(vault, entries.accounts);
      const added = await vault.addAccounts(toAdd(classified));
      await pending.discard();
      return {
        added: added.length,
        items: classified.map(({ title, status }) => ({ title, status })),
      };
    },
    'backup.cancel': async () => {
      await pending.discard();
      return null;
    },
  } satisfies PageHandlers;
}

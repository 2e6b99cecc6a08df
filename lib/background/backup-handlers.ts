import { createBackup } from '../backup/pc-backup';
import { backupFileName, type BackupStatus } from '../backup-protocol';
import { MIN_PASSWORD_LENGTH } from '../password-strength';
import type { Vault } from '../vault';
import { InputError } from './errors';
import type { PageHandlers } from './routes';

export interface BackupDeps {
  crypto: Crypto;
  now: () => number;
  /** Records the last backup (`storage.local` key `backup`). */
  saveStatus: (status: BackupStatus) => Promise<void>;
}

/**
 * 「バックアップを作成」: every account, encrypted under the backup password, as our own file.
 * Reading it back is an import like any other (`import-handlers.ts`).
 */
export function backupHandlers(vault: Vault, deps: BackupDeps) {
  const { crypto, now, saveStatus } = deps;
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
  } satisfies PageHandlers;
}

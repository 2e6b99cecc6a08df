import { createBackup } from '../backup/pc-backup';
import { backupFileName, type BackupStatus } from '../backup-protocol';
import { MIN_PASSWORD_LENGTH } from '../password-strength';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import type { PageHandlers } from './routes';

interface BackupDeps {
  crypto: Crypto;
  now: () => number;
  /** Records the last backup (`storage.local` key `backup`). */
  saveStatus: (status: BackupStatus) => Promise<void>;
}

/**
 * 「バックアップを作成」: every account, encrypted under the backup password, as our own file.
 * The master password is checked here, not only on the page: a backup holds every key, so
 * whoever finds the PC unlocked must not make one under a password of their own. Reading it back
 * is an import like any other (`import-handlers.ts`).
 */
export function backupHandlers(vault: Vault, deps: BackupDeps) {
  const { crypto, now, saveStatus } = deps;
  return {
    'backup.create': async ({ masterPassword, password }) => {
      if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH)
        throw new InputError('error_password_too_short');
      // A missing one is no guess: refused before the check. A wrong one counts in the lockout.
      if (typeof masterPassword !== 'string' || masterPassword === '')
        throw new InputError('error_backup_master_required');
      await vault.verifyPassword(masterPassword);
      const { accounts } = await vault.listAccounts();
      const time = now();
      const content = await createBackup(accounts, password, { now: time, crypto });
      await saveStatus({ lastBackupAt: time, accountCount: accounts.length });
      return { fileName: backupFileName(time), content, accountCount: accounts.length };
    },
  } satisfies PageHandlers;
}

import type { NumberedCode } from './recovery-codes/codes';
/** A backup file for the manage page to download; the text is already encrypted. */
export interface BackupFile {
  fileName: string;
  content: string;
  accountCount: number;
}

/** What `storage.local` key `backup` remembers about the last backup (never a secret). */
export interface BackupStatus {
  lastBackupAt: number;
  accountCount: number;
}

/** After the master password: everything an export can show (secrets!). */
export interface ExportData {
  /** Each account's URI and its saved Keycloak recovery codes not yet used (for the kit). */
  accounts: { title: string; uri: string; recoveryCodes: NumberedCode[] }[];
  /** Google Authenticator export QR texts, one per batch of 10. */
  migration: string[];
  /** Accounts the Google format cannot hold, with the reason (`digits`, `period`). */
  excluded: { title: string; reason: 'digits' | 'period' }[];
}

/** Reads the stored backup status tolerantly (anything broken counts as "never"). */
export function parseBackupStatus(raw: unknown): BackupStatus | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { lastBackupAt, accountCount } = raw as Record<string, unknown>;
  if (typeof lastBackupAt !== 'number' || !Number.isFinite(lastBackupAt)) return null;
  return {
    lastBackupAt,
    accountCount: typeof accountCount === 'number' ? accountCount : 0,
  };
}

/** The popup's reminder: accounts exist and none was ever backed up, or one changed since. */
export function needsBackup(
  accounts: readonly { updatedAt: number }[],
  status: BackupStatus | null,
): boolean {
  if (accounts.length === 0) return false;
  if (status === null) return true;
  return accounts.some((account) => account.updatedAt > status.lastBackupAt);
}

/** `pc-authenticator-backup-YYYY-MM-DD.json`, in the user's local date. */
export function backupFileName(now: number, prefix = 'pc-authenticator-backup', ext = 'json') {
  const date = new Date(now);
  const pad = (n: number) => `${n}`.padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${prefix}-${day}.${ext}`;
}

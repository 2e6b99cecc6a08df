import { describe, expect, it } from 'vitest';
import { backupFileName, needsBackup, parseBackupStatus } from '../../lib/backup-protocol';

describe('the popup backup reminder', () => {
  const at = (updatedAt: number) => ({ updatedAt });

  it('shows with accounts and no backup, or after a change since the last one', () => {
    expect(needsBackup([], null)).toBe(false);
    expect(needsBackup([at(5)], null)).toBe(true);
    expect(needsBackup([at(5), at(9)], { lastBackupAt: 10, accountCount: 2 })).toBe(false);
    expect(needsBackup([at(5), at(11)], { lastBackupAt: 10, accountCount: 2 })).toBe(true);
  });

  it('reads the stored status tolerantly', () => {
    expect(parseBackupStatus({ lastBackupAt: 10, accountCount: 2 })).toEqual({
      lastBackupAt: 10,
      accountCount: 2,
    });
    expect(parseBackupStatus({ lastBackupAt: 'yesterday' })).toBeNull();
    expect(parseBackupStatus(undefined)).toBeNull();
  });

  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe(
      'pc-authenticator-backup-2026-01-05.json',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { backupFileName, needsBackup, parseBackupStatus } from '../../lib/backup-protocol';
import { commitOutcomes } from '../../lib/hooks/use-import-preview';

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

describe('what a commit reports in the import results', () => {
  it('lists added, conflicting, already-there and skipped entries', () => {
    const outcomes = commitOutcomes(
      [
        { title: 'A', status: 'new' },
        { title: 'B', status: 'conflict' },
        { title: 'C', status: 'existing' },
      ],
      [{ title: 'Steam', reason: 'import_skipped_unsupported_type' }],
    );
    expect(outcomes).toEqual([
      { kind: 'added', title: 'A' },
      { kind: 'added', title: 'B', warning: { key: 'import_conflict_added' } },
      { kind: 'duplicate', title: 'C' },
      { kind: 'skipped', title: 'Steam', error: { key: 'import_skipped_unsupported_type' } },
    ]);
  });
});

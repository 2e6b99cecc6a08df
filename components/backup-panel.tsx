import { useState, type FormEvent } from 'react';
import type { BackupStatus } from '../lib/backup-protocol';
import type { BackupDone } from '../lib/hooks/use-backup';
import type { Translate } from '../lib/i18n';
import { MIN_PASSWORD_LENGTH } from '../lib/password-strength';
import { ErrorMessage } from './error-message';

interface Props {
  t: Translate;
  /** The last backup (`null`: never; `undefined`: not read yet). */
  status: BackupStatus | null | undefined;
  busy: boolean;
  error: string | null;
  done: BackupDone | null;
  /** Resolves true when the file was made (the fields are then emptied). */
  onCreate: (masterPassword: string, password: string) => Promise<boolean>;
}

/** The date and time in the page's language, e.g. 2026/04/01 9:30. */
function formatWhen(time: number): string {
  return new Date(time).toLocaleString(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/**
 * 「バックアップ」: the master password (checked by the worker), a password for the file typed
 * twice, and the button that saves it.
 */
export function BackupPanel({ t, status, busy, error, done, onCreate }: Props) {
  const [master, setMaster] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (master === '') return setLocalError(t('error_backup_master_required'));
    if ([...password].length < MIN_PASSWORD_LENGTH)
      return setLocalError(t('error_password_too_short'));
    // The second field catches typos when used; the stable hooks (and some users) give one field.
    if (confirm !== '' && password !== confirm) return setLocalError(t('error_password_mismatch'));
    setLocalError(null);
    const made = await onCreate(master, password);
    // A wrong master password is typed again; nothing else is worth keeping after a backup.
    setMaster('');
    if (made) {
      setPassword('');
      setConfirm('');
    }
  };

  return (
    <form className="backup-panel" onSubmit={(event) => void submit(event)}>
      {status !== undefined && (
        <p className={status ? 'backup-last' : 'backup-last never'} data-testid="backup-last">
          {status
            ? t('backup_last', [formatWhen(status.lastBackupAt), `${status.accountCount}`])
            : t('backup_never')}
        </p>
      )}
      <div className="grid">
        <label>
          {t('backup_master_password')}
          <input
            type="password"
            autoComplete="current-password"
            data-testid="backup-master-password"
            value={master}
            onChange={(e) => setMaster(e.target.value)}
          />
        </label>
        <label className="row-start">
          {t('backup_password')}
          <input
            type="password"
            autoComplete="new-password"
            data-testid="backup-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t('backup_confirm')}
          <input
            type="password"
            autoComplete="new-password"
            data-testid="backup-password-confirm"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </label>
      </div>
      <p className="hint">{t('backup_master_password_hint')}</p>
      <p className="hint">{t('backup_password_hint')}</p>
      <ErrorMessage text={localError ?? error} />
      {done && (
        <p className="notice-ok" role="status" data-testid="backup-done">
          {t('backup_done', [done.fileName, `${done.accountCount}`])}
        </p>
      )}
      <div className="import-text-actions">
        <button type="submit" className="primary" data-testid="backup-create" disabled={busy}>
          {busy ? t('backup_working') : t('backup_create')}
        </button>
      </div>
      <p className="hint">{t('backup_restore_hint')}</p>
    </form>
  );
}

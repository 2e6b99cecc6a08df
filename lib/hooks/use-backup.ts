import { useState } from 'react';
import type { AppError } from '../app-error';
import { downloadText } from '../download';
import { sendMessage } from '../messaging';

export interface BackupDone {
  fileName: string;
  accountCount: number;
}

/** The worker's "wrong password" names the master password here: the backup one is new. */
function backupError(error: AppError): AppError {
  if (error.key === 'error_wrong_password') return { key: 'error_backup_master_wrong' };
  if (error.key === 'error_wrong_password_wait')
    return { ...error, key: 'error_backup_master_wrong_wait' };
  return error;
}

/**
 * 「バックアップを作成」: the background checks the master password and encrypts every account;
 * the page saves the file.
 */
export function useBackup() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<BackupDone | null>(null);

  const create = async (masterPassword: string, password: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const reply = await sendMessage('backup.create', { masterPassword, password });
      if (!reply.ok) {
        setError(backupError(reply.error));
        return false;
      }
      const { fileName, content, accountCount } = reply.value;
      downloadText(fileName, content);
      setDone({ fileName, accountCount });
      return true;
    } catch {
      setError({ key: 'error_unexpected' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, done, create, clearError: () => setError(null) };
}

import { useState } from 'react';
import type { AppError } from '../app-error';
import { downloadText } from '../download';
import { sendMessage } from '../messaging';

export interface BackupDone {
  fileName: string;
  accountCount: number;
}

/** 「バックアップを作成」: the background encrypts every account, the page saves the file. */
export function useBackup() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<BackupDone | null>(null);

  const create = async (password: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const reply = await sendMessage('backup.create', { password });
      if (!reply.ok) {
        setError(reply.error);
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

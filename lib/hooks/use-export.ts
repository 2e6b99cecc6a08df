import { useState } from 'react';
import type { AppError } from '../app-error';
import type { ExportData } from '../backup-protocol';
import { sendMessage } from '../messaging';

export type ExportView = 'text' | 'qr' | 'migration';

/**
 * The export section's state. The secrets arrive only after the master password and live only
 * in this state: closing the section (or locking, which unmounts it) drops them.
 */
export function useExport() {
  const [data, setData] = useState<ExportData | null>(null);
  const [view, setView] = useState<ExportView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const open = async (password: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const reply = await sendMessage('export.open', { password });
      if (!reply.ok) {
        setError(reply.error);
        return false;
      }
      setData(reply.value);
      return true;
    } catch {
      setError({ key: 'error_unexpected' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setData(null);
    setView(null);
    setError(null);
  };

  return { data, view, busy, error, open, close, choose: setView };
}

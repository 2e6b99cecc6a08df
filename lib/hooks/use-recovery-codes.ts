import { useState } from 'react';
import type { AppError } from '../app-error';
import { sendMessage } from '../messaging';
import type { RecoveryCode } from '../otp/types';

/**
 * The manage page's view of one account's recovery codes at a time. The codes arrive only after
 * the master password and live only in this state: closing (or locking, which unmounts the page's
 * list) drops them.
 */
export function useRecoveryCodes() {
  const [id, setId] = useState<string | null>(null);
  const [codes, setCodes] = useState<RecoveryCode[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const close = () => {
    setId(null);
    setCodes(null);
    setError(null);
  };

  const show = (account: string) => {
    close();
    setId(account);
  };

  const open = async (account: string, password: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const reply = await sendMessage('recovery.codes', { id: account, password });
      if (!reply.ok) {
        setError(reply.error);
        return false;
      }
      setCodes(reply.value);
      return true;
    } catch {
      setError({ key: 'error_unexpected' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { id, codes, busy, error, show, open, close };
}

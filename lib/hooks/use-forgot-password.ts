import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AppError } from '../app-error';
import { sendMessage } from '../messaging';

/**
 * The lock screen's 「パスワードを忘れた」: the recovery key and a new master password, or —
 * without a key — delete everything (after the typed word), then start again, from a backup
 * file on the manage page ({@link openRestore}) or from nothing.
 */
export function useForgotPassword() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  /** Resolves true once the vault is open under `newPassword`. */
  const recover = useCallback(async (recoveryKey: string, newPassword: string) => {
    setBusy(true);
    setError(null);
    const reply = await sendMessage('vault.recover', { recoveryKey, newPassword });
    setBusy(false);
    setError(reply.ok ? null : reply.error);
    return reply.ok;
  }, []);

  /** Deletes everything (while locked, after the typed word); resolves to the error, or null. */
  const wipe = useCallback(async (confirmation: string): Promise<AppError | null> => {
    setBusy(true);
    const reply = await sendMessage('vault.wipe-locked', { confirmation });
    setBusy(false);
    return reply.ok ? null : reply.error;
  }, []);

  return { busy, error, recover, wipe, clearError: () => setError(null) };
}

/** After a wipe to restore from a backup: the manage page, to make a password and read the file. */
export function openRestore(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/manage.html#restore') });
}

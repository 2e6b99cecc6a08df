import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../app-error';
import { sendMessage, type VaultInfo } from '../messaging';

/** The security section: the vault's parameters, changing the password, deleting everything. */
export function useSecurity(refresh: () => Promise<void>) {
  const [info, setInfo] = useState<VaultInfo | null>(null);
  const [busy, setBusy] = useState<'password' | 'wipe' | null>(null);

  useEffect(() => {
    void sendMessage('vault.info', undefined).then((reply) => reply.ok && setInfo(reply.value));
  }, []);

  /** Resolves to null when changed, else the error to show. */
  const changePassword = useCallback(
    async (oldPassword: string, newPassword: string): Promise<AppError | null> => {
      setBusy('password');
      const reply = await sendMessage('vault.change-password', { oldPassword, newPassword });
      setBusy(null);
      return reply.ok ? null : reply.error;
    },
    [],
  );

  const wipe = useCallback(
    async (confirmation: string, password: string): Promise<AppError | null> => {
      setBusy('wipe');
      const reply = await sendMessage('vault.wipe', { confirmation, password });
      setBusy(null);
      if (reply.ok) await refresh();
      return reply.ok ? null : reply.error;
    },
    [refresh],
  );

  return { info, busy, changePassword, wipe };
}

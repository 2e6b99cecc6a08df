import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../app-error';
import { sendMessage, type SyncJoin } from '../messaging';

/**
 * The first run's 「同期されたアカウントがあります」: whether a synced vault waits (asked once),
 * and joining it with its master password, or with its recovery key and a new password.
 */
export function useSyncOffer() {
  const [available, setAvailable] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void sendMessage('sync.offer', undefined).then((reply) =>
      setAvailable(reply.ok && reply.value),
    );
  }, []);

  /** Resolves to whether the vault was joined (then unlocked, its accounts here). */
  const join = useCallback(async (data: SyncJoin) => {
    setBusy(true);
    setError(null);
    const reply = await sendMessage('sync.join', data);
    setBusy(false);
    if (!reply.ok) setError(reply.error);
    return reply.ok;
  }, []);

  return {
    available,
    busy,
    error,
    join,
    dismiss: () => setAvailable(false),
    clearError: () => setError(null),
  };
}

import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../app-error';
import { sendMessage, type SyncStatusView } from '../messaging';
import { syncReportItem } from '../storage';

type Busy = 'enable' | 'join' | 'stop' | 'remove' | 'now' | null;

/** The manage page's sync section: the status, kept fresh after every run, and its actions. */
export function useSync() {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AppError | null>(null);

  const refresh = useCallback(async () => {
    const reply = await sendMessage('sync.status', undefined);
    if (reply.ok) setStatus(reply.value);
  }, []);

  useEffect(() => {
    void sendMessage('sync.status', undefined).then((reply) => reply.ok && setStatus(reply.value));
    // A run in the worker (another PC's change arriving) updates the report: show it.
    return syncReportItem.watch(() => void refresh());
  }, [refresh]);

  /** Runs one request with the busy mark; the error (or null) is kept to show. */
  const act = useCallback(
    async (what: Exclude<Busy, null>, send: () => Promise<{ ok: boolean; error?: AppError }>) => {
      setBusy(what);
      setError(null);
      const reply = await send();
      setBusy(null);
      setError(reply.ok ? null : (reply.error ?? null));
      await refresh();
      return reply.ok;
    },
    [refresh],
  );

  return {
    status,
    busy,
    error,
    enable: (password: string) => act('enable', () => sendMessage('sync.enable', { password })),
    join: (password: string) => act('join', () => sendMessage('sync.join', { password })),
    stop: () => act('stop', () => sendMessage('sync.disable', undefined)),
    remove: () => act('remove', () => sendMessage('sync.remove-remote', undefined)),
    now: () => act('now', () => sendMessage('sync.now', undefined)),
  };
}

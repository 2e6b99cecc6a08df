import { useCallback, useState } from 'react';
import type { AppError, Result } from '../app-error';
import { sendMessage, type AccountPatch } from '../messaging';

/**
 * The manage page's account changes. Each goes through the background, then the page's list is
 * refreshed; the error of the last failed change is kept for the row that made it.
 */
export function useManageAccounts(refresh: () => Promise<void>) {
  const [error, setError] = useState<{ id: string; error: AppError } | null>(null);
  // While a new order is being stored, the list shows it already (no jump back and forth).
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);

  const run = useCallback(
    async (id: string, request: () => Promise<Result<null>>): Promise<boolean> => {
      setError(null);
      const result = await request();
      if (!result.ok) setError({ id, error: result.error });
      await refresh();
      return result.ok;
    },
    [refresh],
  );

  const update = useCallback(
    (id: string, patch: AccountPatch) =>
      run(id, () => sendMessage('accounts.update', { id, patch })),
    [run],
  );

  const reorder = useCallback(
    async (id: string, ids: string[]) => {
      setPendingOrder(ids);
      await run(id, () => sendMessage('accounts.reorder', { ids }));
      setPendingOrder(null);
    },
    [run],
  );

  const remove = useCallback(
    (id: string) => run(id, () => sendMessage('accounts.delete', { id })),
    [run],
  );

  return {
    error,
    pendingOrder,
    clearError: () => setError(null),
    update,
    reorder,
    remove,
  };
}

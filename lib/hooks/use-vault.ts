import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../app-error';
import { sendMessage, type AccountView, type AccountViewList, type NewAccount } from '../messaging';
import { watchUnlocked } from '../storage';
import { loadVaultState, type VaultState } from '../vault-state';

const EMPTY: AccountViewList = { accounts: [], failed: [] };

/**
 * The popup's and the manage page's view of the vault; every change goes through the background.
 * `refresh` also fetches new codes (see `useCodeRefresh`). `initial`: what
 * {@link loadVaultState} answered before the page's first paint (the popup asks before it renders).
 */
export function useVault(initial?: Partial<VaultState>) {
  const [state, setState] = useState<VaultState>(() => ({
    status: 'loading',
    list: EMPTY,
    busy: false,
    error: null,
    ...initial,
  }));
  const preloaded = useRef(initial?.status !== undefined);

  const refresh = useCallback(async () => {
    const next = await loadVaultState();
    setState((s) => ({ ...s, ...next }));
  }, []);

  useEffect(() => {
    if (!preloaded.current) void refresh();
    // Auto-lock happens in the background; the popup follows the key leaving the session.
    return watchUnlocked(() => void refresh());
  }, [refresh]);

  /** Runs one request; on success refreshes the list and reports true. */
  const run = useCallback(
    async <T>(request: () => Promise<Result<T>>): Promise<boolean> => {
      setState((s) => ({ ...s, busy: true, error: null }));
      const result = await request();
      setState((s) => ({ ...s, busy: false, error: result.ok ? null : result.error }));
      if (result.ok) await refresh();
      return result.ok;
    },
    [refresh],
  );

  return {
    state,
    refresh,
    clearError: () => setState((s) => ({ ...s, error: null })),
    create: (password: string) => run(() => sendMessage('vault.create', { password })),
    unlock: (password: string) => run(() => sendMessage('vault.unlock', { password })),
    lock: () => run(() => sendMessage('vault.lock', undefined)),
    /** Adds; the stored account (its sites say where it was bound), or null when refused. */
    add: async (account: NewAccount): Promise<AccountView | null> => {
      let added: AccountView | null = null;
      await run(async () => {
        const reply = await sendMessage('accounts.add', account);
        if (reply.ok) added = reply.value;
        return reply;
      });
      return added;
    },
    remove: (id: string) => run(() => sendMessage('accounts.delete', { id })),
    nextHotp: (id: string) => run(() => sendMessage('accounts.next-hotp', { id })),
  };
}

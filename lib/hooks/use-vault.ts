import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../app-error';
import {
  sendMessage,
  type AccountView,
  type AccountViewList,
  type NewAccount,
  type VaultStatus,
} from '../messaging';
import { watchUnlocked } from '../storage';

/** What a page knows of the vault: its status, the accounts with their codes, a request's state. */
export interface VaultState {
  status: VaultStatus | 'loading';
  list: AccountViewList;
  busy: boolean;
  error: AppError | null;
}

const EMPTY: AccountViewList = { accounts: [], failed: [] };

/**
 * Asks the background for the status and, when unlocked, the accounts with their codes (never
 * their keys), in one trip.
 */
export async function loadVaultState(): Promise<Partial<VaultState>> {
  const snapshot = await sendMessage('vault.snapshot', undefined);
  return snapshot.ok ? snapshot.value : { error: snapshot.error };
}

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

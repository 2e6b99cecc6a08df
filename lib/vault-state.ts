import type { AppError } from './app-error';
import { sendMessage, type AccountViewList, type VaultStatus } from './messaging';

/** What a page knows of the vault: its status, the accounts with their codes, a request's state. */
export interface VaultState {
  status: VaultStatus | 'loading';
  list: AccountViewList;
  busy: boolean;
  error: AppError | null;
}

/**
 * Asks the background for the status and, when unlocked, the accounts with their codes (never
 * their keys), in one trip. Kept apart from the hooks so the popup can ask before its UI loads.
 */
export async function loadVaultState(): Promise<Partial<VaultState>> {
  const snapshot = await sendMessage('vault.snapshot', undefined);
  return snapshot.ok ? snapshot.value : { error: snapshot.error };
}

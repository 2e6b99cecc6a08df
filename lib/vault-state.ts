import type { AppError } from './app-error';
import { sendMessage, type AccountViewList, type VaultStatus } from './messaging';

/** What a page knows of the vault: its status, the accounts with their codes, a request's state. */
export interface VaultState {
  status: VaultStatus | 'loading';
  list: AccountViewList;
  busy: boolean;
  error: AppError | null;
}

/** {@link loadVaultState} for a first screenful: `total` says how many accounts there are. */
export interface FirstRows {
  state: Partial<VaultState>;
  total: number;
}

/**
 * Asks the background for the status and, when unlocked, the accounts with their codes (never
 * their keys), in one trip. Kept apart from the hooks so the popup can ask before its UI loads.
 */
export async function loadVaultState(): Promise<Partial<VaultState>> {
  return (await loadFirstRows()).state;
}

/**
 * {@link loadVaultState}, but only the first `rows` accounts of the display order (pinned first)
 * when `rows` is given: what the popup draws before its UI loads (issue 13).
 */
export async function loadFirstRows(rows?: number): Promise<FirstRows> {
  const snapshot = await sendMessage('vault.snapshot', rows === undefined ? undefined : { rows });
  if (!snapshot.ok) return { state: { error: snapshot.error }, total: 0 };
  const { status, list, total } = snapshot.value;
  return { state: { status, list }, total };
}

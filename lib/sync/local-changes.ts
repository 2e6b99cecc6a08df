import type { LocalAccount, SyncState } from './ports';

/**
 * Turns what changed in the local vault since the last sync into new versions, without any hook
 * in the vault itself: every write gives a record a fresh IV, so a changed token is an edit, an
 * id never synced is an add, and an id synced before but gone from the vault is a delete (a
 * tombstone). Records that do not open are left out: nothing is said about them.
 */
export function detectLocalChanges(before: SyncState, accounts: LocalAccount[]): SyncState {
  const state: SyncState = { ...before, entries: { ...before.entries } };
  const present = new Set<string>();
  for (const account of accounts) {
    present.add(account.id);
    if (account.data === undefined) continue;
    const entry = state.entries[account.id];
    if (entry && !entry.del && entry.t === account.token) continue;
    state.clock += 1;
    state.entries[account.id] = { v: state.clock, d: state.device, t: account.token };
  }
  for (const [id, entry] of Object.entries(state.entries)) {
    if (entry.del || present.has(id)) continue;
    state.clock += 1;
    state.entries[id] = { v: state.clock, d: state.device, del: true };
  }
  return state;
}

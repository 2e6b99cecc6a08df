import type { Account } from './otp/types';

/** Pinned accounts first; otherwise the stored order is kept (the sort is stable). */
export function pinnedFirst<T extends Pick<Account, 'pinned'>>(accounts: readonly T[]): T[] {
  return [...accounts].sort((a, b) => Number(b.pinned === true) - Number(a.pinned === true));
}

/**
 * The order after moving the account at `from` to `to` in a pinned-first list. An account stays
 * among its own kind: moving an unpinned one above the pinned ones stops right below them.
 * Returns null when nothing would change.
 */
export function moveAccount<T extends Pick<Account, 'id' | 'pinned'>>(
  accounts: readonly T[],
  from: number,
  to: number,
): string[] | null {
  const list = pinnedFirst(accounts);
  const moving = list[from];
  if (!moving || to < 0 || to >= list.length) return null;
  const rest = list.filter((_, index) => index !== from);
  rest.splice(to, 0, moving);
  const ids = pinnedFirst(rest).map((account) => account.id);
  return ids.every((id, index) => id === list[index]!.id) ? null : ids;
}

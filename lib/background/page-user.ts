import type { PageHints } from '../messaging';
import type { Account } from '../otp/types';
import { loginUsersItem, type LoginUser } from '../storage';
import type { Vault } from '../vault/vault';
import type { HeldValue } from './memo-item';
import type { ContentHandlers } from './routes';
import type { ContentSender } from './senders';

/** Longest user name kept, as long as an account name. */
const USER_MAX = 256;
/** A login form's user name serves the pages right after it, not a login hours later. */
const LOGIN_USER_TTL_MS = 30 * 60_000;
/** Tabs remembered at most: the oldest go first. */
const LOGIN_USERS_MAX = 50;

/** A user name as a page sends it: trimmed, printable, not too long; else null. */
export function cleanUser(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const user = value.trim();
  // eslint-disable-next-line no-control-regex
  if (!user || [...user].length > USER_MAX || /[\u0000-\u001f\u007f]/.test(user)) return null;
  return user;
}

const keyOf = ({ origin, tab }: ContentSender) => `${tab.id ?? ''} ${origin}`;

/** Where the user names sent by login forms are kept: the stored item, or the worker's copy. */
type LoginUsers = HeldValue<Record<string, LoginUser>>;

/**
 * Who is signing in on the page asking: the user name the page shows (Keycloak's
 * `#kc-attempted-username`), else the one its login form sent from the same tab and origin a
 * moment ago, else null (the page named no one).
 */
export async function pageUser(
  hints: PageHints | undefined,
  from: ContentSender,
  now: () => number = Date.now,
  loginUsers: LoginUsers = loginUsersItem,
): Promise<string | null> {
  const shown = cleanUser(hints?.user);
  if (shown) return shown;
  const typed = (await loginUsers.getValue())[keyOf(from)];
  return typed && now() - typed.at < LOGIN_USER_TTL_MS ? typed.user : null;
}

/**
 * An account bound here with no user recorded is given to the user its name names (Keycloak's
 * QR names the account after the user); from then on it is that user's, so it is no longer
 * offered to other people as one bound here to no one.
 */
export async function claimForUser(
  vault: Vault,
  fitting: readonly Account[],
  user: string | null,
): Promise<void> {
  if (!user) return;
  for (const account of fitting) {
    if (!account.user) await vault.updateAccount(account.id, { user });
  }
}

/** The login form's side: remember the user name sent, per tab and origin, in memory only. */
export function loginUserHandlers(
  now: () => number = Date.now,
  loginUsers: LoginUsers = loginUsersItem,
) {
  return {
    'login.user': async ({ user }, from) => {
      const clean = cleanUser(user);
      if (!clean) return null;
      const at = now();
      const kept = Object.entries(await loginUsers.getValue())
        .filter(([key, entry]) => key !== keyOf(from) && at - entry.at < LOGIN_USER_TTL_MS)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, LOGIN_USERS_MAX - 1);
      const next: Record<string, LoginUser> = Object.fromEntries(kept);
      next[keyOf(from)] = { user: clean, at };
      await loginUsers.setValue(next);
      return null;
    },
  } satisfies ContentHandlers;
}

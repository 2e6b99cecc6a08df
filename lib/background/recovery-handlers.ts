import { accountTitle } from '../account-title';
import type { RecoverySaved } from '../messaging';
import type { Account, RecoveryCode } from '../otp/types';
import { recoveryAccountFor } from '../recovery-codes/choose-account';
import { markUsed, newRecoveryCodes } from '../recovery-codes/codes';
import { pickRecoveryCode } from '../recovery-codes/offer';
import type { RecoveryPageReport } from '../recovery-codes/keycloak-pages';
import { settleRecovery, type RecoveryAwait } from '../recovery-codes/settle';
import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { InputError } from './errors';
import type { ContentHandlers, PageHandlers } from './routes';

/** The session item that remembers a filled code (see `recoveryAwaitItem`). */
interface AwaitStore {
  getValue(): Promise<RecoveryAwait | null>;
  setValue(value: RecoveryAwait | null): Promise<void>;
  removeValue(): Promise<void>;
}

interface Deps {
  awaiting: AwaitStore;
  now: () => number;
}

/** A page's user name as sent: a string, trimmed; anything else reads as none. */
const cleanUser = (user: unknown) => (typeof user === 'string' ? user.trim().slice(0, 256) : '');
const cleanAsked = (asked: unknown) =>
  Number.isSafeInteger(asked) && (asked as number) > 0 ? (asked as number) : null;
const host = (origin: string) => new URL(origin).host;

async function unlockedAccounts(vault: Vault): Promise<Account[]> {
  const status = await vault.status();
  if (status !== 'unlocked') throw new VaultError(status === 'none' ? 'none' : 'locked');
  return (await vault.listAccounts()).accounts;
}

/** The account and code for a login page, or the reason there is none, in the user's words. */
function pick(accounts: Account[], origin: string, user: string, asked: number | null) {
  const chosen = pickRecoveryCode(accounts, origin, user, asked);
  switch (chosen.kind) {
    case 'code':
      return chosen;
    case 'no-account':
      throw new InputError('recovery_no_account', [host(origin)]);
    case 'number-missing':
      throw new InputError('recovery_number_missing', [`${chosen.asked}`, chosen.title]);
    case 'none-left':
      throw new InputError('recovery_none_left', [chosen.title]);
  }
}

const sameCodes = (a: readonly RecoveryCode[], b: readonly RecoveryCode[]) =>
  a.length === b.length && a.every((c, i) => c.code === b[i]?.code);

/**
 * Keycloak's recovery codes, for content scripts on KOSMO or an allowed site. Each handler gets
 * the page's verified origin and tab; codes are only ever stored with, or given from, an account
 * bound to that origin, and a code is given only for the user's click (`recovery.fill`).
 * - setup page: store the page's codes (replacing older ones: the site voids them);
 * - login page: say which code a click fills, fill it, and remember it in `storage.session`
 *   until the next page of the tab says whether the site took it (then it is marked used).
 */
export function recoveryContentHandlers(vault: Vault, { awaiting, now }: Deps) {
  return {
    'recovery.save': async ({ codes, user }, { origin }): Promise<RecoverySaved> => {
      const accounts = await unlockedAccounts(vault);
      const texts = Array.isArray(codes) && codes.every((c) => typeof c === 'string') ? codes : [];
      const list = newRecoveryCodes(texts);
      if (!list) throw new InputError('recovery_page_unreadable');
      const account = recoveryAccountFor(accounts, origin, cleanUser(user));
      if (!account) throw new InputError('recovery_no_account', [host(origin)]);
      const stored = account.recoveryCodes ?? [];
      // The same page saved twice keeps what is known about its codes.
      if (!sameCodes(stored, list)) await vault.updateAccount(account.id, { recoveryCodes: list });
      return {
        title: accountTitle(account),
        count: list.length,
        replaced: stored.length > 0 && !sameCodes(stored, list),
      };
    },
    'recovery.offer': async ({ asked, user }, { origin }) => {
      const status = await vault.status();
      if (status !== 'unlocked') return { vault: status };
      const { accounts } = await vault.listAccounts();
      const chosen = pickRecoveryCode(accounts, origin, cleanUser(user), cleanAsked(asked));
      return { vault: 'unlocked' as const, offer: chosen.kind === 'code' ? chosen.info : null };
    },
    'recovery.fill': async ({ asked, user }, { origin, tab }) => {
      const number = cleanAsked(asked);
      const { account, index, info } = pick(
        await unlockedAccounts(vault),
        origin,
        cleanUser(user),
        number,
      );
      const codes = account.recoveryCodes ?? [];
      // The site asks for #N: it has taken every code before it, whoever typed them.
      if (number !== null && index > 0) {
        await vault.updateAccount(account.id, { recoveryCodes: markUsed(codes, index - 1, true) });
      }
      await awaiting.setValue({
        tabId: tab.id ?? -1,
        origin,
        accountId: account.id,
        index,
        inOrder: number !== null,
        submitted: false,
        at: now(),
      });
      return { ...info, code: codes[index]!.code };
    },
    'recovery.submitted': async (_data, { origin, tab }) => {
      const wait = await awaiting.getValue();
      if (wait && wait.tabId === tab.id && wait.origin === origin) {
        await awaiting.setValue({ ...wait, submitted: true });
      }
      return null;
    },
    'recovery.settle': async (report, { origin, tab }) => {
      const wait = await awaiting.getValue();
      if (!wait) return null;
      const outcome = settleRecovery(
        wait,
        { tabId: tab.id ?? -1, origin },
        cleanReport(report),
        now(),
      );
      if (outcome === 'keep') return null;
      await awaiting.removeValue();
      if (outcome === 'used') await markAccountCode(vault, wait);
      return null;
    },
  } satisfies ContentHandlers;
}

function cleanReport(report: unknown): RecoveryPageReport {
  const r = report as Partial<Extract<RecoveryPageReport, { kind: 'asking' }>> | null;
  if (r?.kind !== 'asking') return { kind: 'other' };
  return { kind: 'asking', asked: cleanAsked(r.asked), refused: r.refused === true };
}

async function markAccountCode(vault: Vault, wait: RecoveryAwait): Promise<void> {
  if ((await vault.status()) !== 'unlocked') return;
  const { accounts } = await vault.listAccounts();
  const codes = accounts.find((a) => a.id === wait.accountId)?.recoveryCodes;
  if (!codes || wait.index >= codes.length) return;
  await vault.updateAccount(wait.accountId, {
    recoveryCodes: markUsed(codes, wait.index, wait.inOrder),
  });
}

/** 'recovery.codes': the master password again (failures count as for unlocking), then codes. */
export function recoveryPageHandlers(vault: Vault) {
  return {
    'recovery.codes': async ({ id, password }) => {
      await vault.verifyPassword(password);
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      if (!account) throw new VaultError('not-found');
      return (account.recoveryCodes ?? []).map(({ code, used }) => ({ code, used }));
    },
  } satisfies PageHandlers;
}

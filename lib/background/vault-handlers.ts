import { browser, type Browser } from 'wxt/browser';
import type { CodeClock } from '../clock';
import {
  VAULT_WAIT_PORT,
  type AccountViewList,
  type NewAccount,
  type VaultStatus,
  type VaultWaitMessage,
} from '../messaging';
import { pinnedFirst } from '../account-order';
import { isKosmoSite } from '../kosmo';
import { kosmoSiteForIssuer } from '../issuer-site';
import { parseOtpauthUri } from '../otp/uri';
import { strictOrigin } from '../site-origin';
import { normalizeSecret } from '../vault/account-data';
import { validateAccountData } from '../otp/account';
import { accountView, codesAhead } from '../otp/account-codes';
import type { Account, AccountData } from '../otp/types';
import { usedStepsItem, type UsedStep } from '../storage';
import type { AccountList } from '../vault/account-list';
import type { Vault } from '../vault/vault';
import { DuplicateAccountError } from './errors';
import type { Held } from './held-snapshot';
import type { PageHandlers } from './routes';
import { contentOrigin, type SenderFacts } from './senders';

const EMPTY_LIST: AccountViewList = { accounts: [], failed: [] };

/**
 * The page's view of the list: each account's codes at its own clock, instead of secrets, and
 * the step a site last took from it.
 */
function viewList(
  { accounts, failed }: AccountList,
  now: CodeClock,
  used: Record<string, UsedStep>,
): AccountViewList {
  const view = (a: Account) => {
    const shown = accountView(a, now(a.sites));
    const step = used[a.id]?.step;
    return step === undefined ? shown : { ...shown, usedStep: step };
  };
  return { accounts: accounts.map(view), failed };
}

/**
 * The vault's side of the protocol, for the extension's own pages. `onUnlocked` lets pages that
 * waited for the vault (a setup page mid-enrollment) carry on; `now` is the clock codes are made
 * with for an account's sites (the real one plus the correction of its site), as for fills.
 */
export function vaultHandlers(
  vault: Vault,
  onUnlocked: () => void = () => {},
  now: CodeClock = () => Date.now(),
  held: Pick<Held<VaultReading>, 'get'> = { get: () => readVault(vault) },
) {
  const list = async () =>
    viewList(await vault.listAccounts(), now, await usedStepsItem.getValue());
  const view = (account: Account) => accountView(account, now(account.sites));
  return {
    'vault.status': () => vault.status(),
    // The popup's first request: from memory while nothing changed; codes made for this moment.
    // Its first paint asks for a screenful (`rows`), so the answer does not grow with the vault.
    'vault.snapshot': async (data) => {
      const { status, accounts, used } = await held.get();
      if (!accounts) return { status, list: EMPTY_LIST, total: 0 };
      // Once answered: the codes of the coming step, so its first popup needs no HMAC either.
      codesAhead(
        accounts.accounts,
        (a) => now(a.sites),
        (job) => setTimeout(job, 0),
      );
      const rows = data?.rows;
      const shown = isCount(rows)
        ? pinnedFirst(accounts.accounts).slice(0, rows)
        : accounts.accounts;
      const list = viewList({ accounts: shown, failed: accounts.failed }, now, used);
      return { status, list, total: accounts.accounts.length };
    },
    'vault.create': async ({ password }) => {
      // The recovery key is made with the vault and waits to be shown (`recovery.pending`).
      await vault.create(password, { recoveryKey: true });
      onUnlocked();
      return null;
    },
    'vault.unlock': async ({ password }) => {
      await vault.unlock(password);
      onUnlocked();
      return null;
    },
    'vault.lock': () => vault.lock().then(() => null),
    'accounts.list': list,
    'accounts.add': async (input) => view(await addAccount(vault, input)),
    'accounts.delete': ({ id }) => vault.deleteAccount(id).then(() => null),
    'accounts.next-hotp': async ({ id }) => {
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      const patch = account ? { counter: account.counter + 1 } : {};
      return view(await vault.updateAccount(id, patch));
    },
  } satisfies PageHandlers;
}

const isCount = (rows: unknown): rows is number => Number.isSafeInteger(rows) && Number(rows) > 0;

/** What the popup's first request is answered from: see {@link Held}. */
export interface VaultReading {
  status: VaultStatus;
  /** Only while unlocked. */
  accounts?: AccountList;
  used: Record<string, UsedStep>;
}

/** Reads the status and, when unlocked, the accounts and the steps sites took. */
export async function readVault(vault: Vault): Promise<VaultReading> {
  const status = await vault.status();
  if (status !== 'unlocked') return { status, used: {} };
  const [accounts, used] = await Promise.all([vault.listAccounts(), usedStepsItem.getValue()]);
  return { status, accounts, used };
}

/**
 * Parses and checks the input, refuses a secret that is already stored, then stores it — bound to
 * the KOSMO page the popup was opened on (the user added it there: their own binding), or to the
 * KOSMO host a URI's issuer already belongs to.
 */
async function addAccount(vault: Vault, input: NewAccount) {
  const data: AccountData =
    'uri' in input ? parseOtpauthUri(input.uri) : validateAccountData(input.data);
  const { accounts } = await vault.listAccounts();
  const wanted = normalizeSecret(data.secret);
  const existing = accounts.find((a) => normalizeSecret(a.secret) === wanted);
  if (existing) throw new DuplicateAccountError(existing.issuer || existing.name);
  const page = strictOrigin(input.site);
  if (page && isKosmoSite(page))
    return vault.addAccount({ ...data, sites: [page], trustedSites: [page] });
  const site =
    'uri' in input && data.sites.length === 0 && kosmoSiteForIssuer(accounts, data.issuer);
  return vault.addAccount(site ? { ...data, sites: [site] } : data);
}

/**
 * Content scripts that asked to be told when the vault opens (a setup page whose user went to
 * unlock). They hold a {@link VAULT_WAIT_PORT} port; the one message says only "unlocked". A port
 * from anything but our script on an allowed origin's top frame is closed at once.
 * @returns what to call once the vault is unlocked
 */
export function startUnlockWaiters(
  extensionId: string,
  allowed: (origin: string) => Promise<boolean>,
): () => void {
  const waiting = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== VAULT_WAIT_PORT) return;
    const origin = contentOrigin((port.sender ?? {}) as SenderFacts, extensionId);
    waiting.add(port);
    port.onDisconnect.addListener(() => waiting.delete(port));
    void (origin ? allowed(origin) : Promise.resolve(false)).then((ok) => {
      if (ok) return;
      waiting.delete(port);
      port.disconnect();
    });
  });
  return function notifyUnlocked(): void {
    const message: VaultWaitMessage = { unlocked: true };
    for (const port of waiting) port.postMessage(message);
    waiting.clear();
  };
}

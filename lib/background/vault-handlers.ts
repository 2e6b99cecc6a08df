import type { NewAccount } from '../messaging';
import { parseOtpauthUri, validateAccountData } from '../otp';
import type { AccountData } from '../otp/types';
import type { Vault } from '../vault';
import { DuplicateAccountError } from './errors';
import type { HandlerMap } from './handler-types';

const EMPTY_LIST = { accounts: [], failed: [] };

export type VaultRequest =
  | 'vault.status'
  | 'vault.snapshot'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.lock'
  | 'accounts.list'
  | 'accounts.add'
  | 'accounts.delete'
  | 'accounts.next-hotp';

/**
 * The vault's side of the protocol, for the extension's own pages. `onUnlocked` lets pages that
 * waited for the vault (a setup page mid-enrollment) carry on.
 */
export function vaultHandlers(
  vault: Vault,
  onUnlocked: () => void = () => {},
): HandlerMap<VaultRequest> {
  return {
    'vault.status': () => vault.status(),
    'vault.snapshot': async () => {
      const status = await vault.status();
      const list = status === 'unlocked' ? await vault.listAccounts() : EMPTY_LIST;
      return { status, list };
    },
    'vault.create': async ({ password }) => {
      await vault.create(password);
      onUnlocked();
      return null;
    },
    'vault.unlock': async ({ password }) => {
      await vault.unlock(password);
      onUnlocked();
      return null;
    },
    'vault.lock': () => vault.lock().then(() => null),
    'accounts.list': () => vault.listAccounts(),
    'accounts.add': (input) => addAccount(vault, input),
    'accounts.delete': ({ id }) => vault.deleteAccount(id).then(() => null),
    'accounts.next-hotp': async ({ id }) => {
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === id);
      if (!account) return vault.updateAccount(id, {});
      return vault.updateAccount(id, { counter: account.counter + 1 });
    },
  };
}

/** Parses and checks the input, refuses a secret that is already stored, then stores it. */
async function addAccount(vault: Vault, input: NewAccount) {
  const data: AccountData =
    'uri' in input ? parseOtpauthUri(input.uri) : validateAccountData(input.data);
  const existing = await vault.findBySecret(data.secret);
  if (existing) throw new DuplicateAccountError(existing.issuer || existing.name);
  return vault.addAccount(data);
}

import { fail, ok, type Result } from '../app-error';
import type { NewAccount, ProtocolMap } from '../messaging';
import { parseOtpauthUri, validateAccountData } from '../otp';
import type { AccountData } from '../otp/types';
import type { Vault } from '../vault';
import { DuplicateAccountError } from './duplicate-error';
import { isExtensionPage, type SenderInfo } from './sender';
import { toAppError } from './to-app-error';

const EMPTY_LIST = { accounts: [], failed: [] };

type VaultRequest = Exclude<keyof ProtocolMap, never>;
type Data<K extends VaultRequest> = Parameters<ProtocolMap[K]>[0];
type Value<K extends VaultRequest> = ReturnType<ProtocolMap[K]> extends Result<infer T> ? T : never;
type Handler<K extends VaultRequest> = (data: Data<K>) => Promise<Value<K>>;

/** Answers a request: only the extension's own pages may touch the vault. */
export type Respond = <K extends VaultRequest>(
  request: K,
  message: { data: Data<K>; sender: SenderInfo },
) => Promise<Result<Value<K>>>;

/**
 * The vault's side of the protocol. Every request from an extension page counts as activity for
 * the auto-lock; errors become message keys (no text from the error crosses over).
 */
export function createVaultResponder(vault: Vault, extensionId: string): Respond {
  const handlers: { [K in VaultRequest]: Handler<K> } = {
    'vault.status': () => vault.status(),
    'vault.snapshot': async () => {
      const status = await vault.status();
      const list = status === 'unlocked' ? await vault.listAccounts() : EMPTY_LIST;
      return { status, list };
    },
    'vault.create': ({ password }) => vault.create(password).then(() => null),
    'vault.unlock': ({ password }) => vault.unlock(password).then(() => null),
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

  return async (request, { data, sender }) => {
    if (!isExtensionPage(sender, extensionId)) return fail({ key: 'error_forbidden' });
    try {
      const value = await handlers[request](data);
      await vault.touch();
      return ok(value);
    } catch (error) {
      return fail(toAppError(error));
    }
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

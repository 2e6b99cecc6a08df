import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Result } from './app-error';
import type { Account, AccountData } from './otp/types';

import type { AccountList, VaultStatus } from './vault';

export type { AccountList, VaultStatus };

export interface VaultSnapshot {
  status: VaultStatus;
  list: AccountList;
}

/** What the user typed in the add form: either a URI or the fields. */
export type NewAccount = { uri: string } | { data: AccountData };

/**
 * Every request to the background and its reply. The background is the only handler; vault
 * requests are answered only for the extension's own pages (checked from the sender).
 */
export interface ProtocolMap {
  'vault.status'(): Result<VaultStatus>;
  /** Status and, when unlocked, the accounts: what a page needs to draw itself, in one trip. */
  'vault.snapshot'(): Result<VaultSnapshot>;
  'vault.create'(data: { password: string }): Result<null>;
  'vault.unlock'(data: { password: string }): Result<null>;
  'vault.lock'(): Result<null>;
  'accounts.list'(): Result<AccountList>;
  'accounts.add'(data: NewAccount): Result<Account>;
  'accounts.delete'(data: { id: string }): Result<null>;
  'accounts.next-hotp'(data: { id: string }): Result<Account>;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

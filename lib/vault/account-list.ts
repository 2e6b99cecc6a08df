import type { AccountRecord } from '../db/records';
import type { Account } from '../otp/types';
import { openAccount, openLabel, type AccountLabel } from './account-codec';
import type { OpenedRecords } from './opened-records';

/** A record that did not decrypt. */
export interface FailedAccount {
  id: string;
  /** Issuer and name, when the separately sealed label still opens. */
  label?: AccountLabel;
  /** 1-based position in the list sorted by `order` (how the user counts the rows). */
  position: number;
}

/** The decrypted accounts, and the records that would not open. */
export interface AccountList {
  accounts: Account[];
  failed: FailedAccount[];
}

/** Sorts records by `order`, then by id so ties are stable. */
export function sortRecords(records: AccountRecord[]): AccountRecord[] {
  return [...records].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Opens every record on its own: one damaged record lands in `failed` (named by its label, or
 * by position if the label is damaged too) and all the others still open. With `opened`, a record
 * opened before under the same key and not written since is not decrypted again.
 */
export async function openAll(
  crypto: Crypto,
  dek: CryptoKey,
  records: AccountRecord[],
  opened?: OpenedRecords,
): Promise<AccountList> {
  const sorted = sortRecords(records);
  opened?.retain(new Set(sorted.map((record) => record.id)));
  const results = await Promise.all(
    sorted.map(async (record, index) => {
      try {
        const account = await (opened
          ? opened.open(crypto, dek, record)
          : openAccount(crypto, dek, record));
        return { ok: true as const, account };
      } catch {
        const label = await openLabel(crypto, dek, record);
        const failed: FailedAccount = { id: record.id, position: index + 1 };
        if (label) failed.label = label;
        return { ok: false as const, failed };
      }
    }),
  );
  const list: AccountList = { accounts: [], failed: [] };
  for (const result of results) {
    if (result.ok) list.accounts.push(result.account);
    else list.failed.push(result.failed);
  }
  return list;
}

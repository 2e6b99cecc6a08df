import { accountTitle } from '../account-title';
import type { PreviewStatus } from '../backup-protocol';
import type { AccountData } from '../otp/types';
import { normalizeSecret, type Vault } from '../vault';

export interface ClassifiedEntry {
  data: AccountData;
  title: string;
  status: PreviewStatus;
}

const labelOf = (account: Pick<AccountData, 'issuer' | 'name'>) =>
  JSON.stringify([account.issuer.normalize('NFC').trim(), account.name.normalize('NFC').trim()]);

/**
 * Says, for every entry of a read file, whether it is new, already stored (same key: also when
 * it came earlier in the same file) or a conflict (same issuer and name, another key). Only
 * `new` and `conflict` entries are added by a commit, so nothing is stored twice.
 */
export async function classifyImport(
  vault: Vault,
  accounts: readonly AccountData[],
): Promise<ClassifiedEntry[]> {
  const { accounts: stored } = await vault.listAccounts();
  const secrets = new Set(stored.map((account) => normalizeSecret(account.secret)));
  const labels = new Set(stored.map(labelOf));
  return accounts.map((data) => {
    const secret = normalizeSecret(data.secret);
    const label = labelOf(data);
    const status: PreviewStatus = secrets.has(secret)
      ? 'existing'
      : labels.has(label)
        ? 'conflict'
        : 'new';
    secrets.add(secret);
    labels.add(label);
    return { data, title: accountTitle(data) || '—', status };
  });
}

/** The entries a commit adds: new ones, and conflicts (kept beside the stored account). */
export function toAdd(entries: readonly ClassifiedEntry[]): AccountData[] {
  return entries.filter((entry) => entry.status !== 'existing').map((entry) => entry.data);
}

import { accountTitle } from '../account-title';
import type { AppError } from '../app-error';
import { DEFAULT_LIMITS } from '../otp/fields';
import type { AccountData } from '../otp/types';
import { normalizeSecret } from '../vault/account-data';
import { labelKey, type DuplicateKeys, type KnownAccounts } from '../vault/duplicate-index';
import type { ImportOutcome, PreviewItem, PreviewStatus, SkippedEntry } from './types';

/** An entry of a source, with what adding it would do. */
export interface ClassifiedEntry {
  data: AccountData;
  title: string;
  status: PreviewStatus;
}

type Label = Pick<AccountData, 'issuer' | 'name'>;

/**
 * Says, for every entry of a source, whether it is new, already stored (same key: also when it
 * came earlier in the same source) or a conflict (same issuer and name, another key). Only `new`
 * and `conflict` entries are added by a commit, so nothing is stored twice. `stored` is the
 * vault's account list, passed in as data. `pinned` is kept only on a restore into an empty
 * vault: a file must not put an account above the user's own (they can pin it after).
 */
export function classifyEntries(
  stored: readonly (Label & Pick<AccountData, 'secret'>)[],
  accounts: readonly AccountData[],
): ClassifiedEntry[] {
  const keysOf = (account: Label & Pick<AccountData, 'secret'>) => ({
    secret: normalizeSecret(account.secret),
    label: labelKey(account),
  });
  const known = stored.map(keysOf);
  return classifyByKeys(
    {
      count: stored.length,
      secrets: new Set(known.map((keys) => keys.secret)),
      labels: new Set(known.map((keys) => keys.label)),
    },
    accounts,
    accounts.map(keysOf),
  );
}

/**
 * {@link classifyEntries} against the vault's {@link KnownAccounts} (keyed hashes): no stored
 * account is opened or copied, however many there are.
 */
export async function classifyAgainstKnown(
  known: KnownAccounts,
  accounts: readonly AccountData[],
): Promise<ClassifiedEntry[]> {
  const keys = await Promise.all(accounts.map((account) => known.keysOf(account)));
  return classifyByKeys(known, accounts, keys);
}

function classifyByKeys(
  known: Omit<KnownAccounts, 'keysOf'>,
  accounts: readonly AccountData[],
  keys: readonly DuplicateKeys[],
): ClassifiedEntry[] {
  const secrets = new Set(known.secrets);
  const labels = new Set(known.labels);
  const restore = known.count === 0;
  return accounts.map((entry, i) => {
    const { pinned, ...unpinned } = entry;
    const data: AccountData = restore && pinned === true ? entry : unpinned;
    const { secret, label } = keys[i]!;
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

/** What the preview lists of each entry (never its secret): its title, status and sites' hosts. */
export const previewItems = (entries: readonly ClassifiedEntry[]): PreviewItem[] =>
  entries.map(({ data, title, status }) => ({
    title,
    status,
    hosts: data.sites.map((site) => new URL(site).host),
  }));

/** Why an added account deserves a second look: a name twin, or digits sites rarely take. */
function warningOf({ data, status }: ClassifiedEntry): AppError | undefined {
  if (status === 'conflict') return { key: 'import_conflict_added' };
  const [min, max] = DEFAULT_LIMITS.digits;
  if (data.digits < min || data.digits > max)
    return { key: 'warning_digits_unusual', subs: [`${data.digits}`] };
  return undefined;
}

/**
 * What a commit did, as the user is told, for every source alike: each entry added (with a
 * warning) or already there, each skipped entry with its reason, then the source's own notes.
 */
export function commitOutcomes(
  entries: readonly ClassifiedEntry[],
  skipped: readonly SkippedEntry[],
  notes: readonly ImportOutcome[] = [],
): ImportOutcome[] {
  return [
    ...entries.map((entry): ImportOutcome => {
      if (entry.status === 'existing') return { kind: 'duplicate', title: entry.title };
      const warning = warningOf(entry);
      return warning
        ? { kind: 'added', title: entry.title, warning }
        : { kind: 'added', title: entry.title };
    }),
    ...skipped.map((entry): ImportOutcome => ({
      kind: 'skipped',
      title: entry.title,
      error: { key: entry.reason },
    })),
    ...notes,
  ];
}

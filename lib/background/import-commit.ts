import { classifyEntries, commitOutcomes, toAdd, type ClassifiedEntry } from '../import/classify';
import type { ImportOutcome, ImportedEntries } from '../import/types';
import type { Account, AccountData } from '../otp/types';
import { trustedSitesOf, withTrustedSite } from '../trusted-sites';
import type { Vault } from '../vault/vault';
import { recordBatch } from './batch-progress';

/** What one commit did. */
interface Committed {
  /** Every entry of the source, classified against the vault as it was just before adding. */
  entries: ClassifiedEntry[];
  /** The accounts stored by this commit (new and conflicting entries, in source order). */
  added: Account[];
  /** What the user is told, entry by entry, then the source's notes. */
  outcomes: ImportOutcome[];
}

/** A source's entries, classified against the vault's accounts now. */
export async function classifyAgainst(
  vault: Vault,
  entries: ImportedEntries,
): Promise<ClassifiedEntry[]> {
  const { accounts } = await vault.listAccounts();
  return classifyEntries(accounts, entries.accounts);
}

/**
 * The one commit of every import — a file, pasted text, QR images, a screen scan, the setup
 * page's button: classifies the entries against the vault again (it may have changed since a
 * preview), adds the new and conflicting ones in one transaction, records the progress of a
 * multi-QR Google export, and says what became of each. With `site` (the setup page), added
 * accounts are bound to it, and so is an account that was already there: adding from a page
 * the account belongs to is a reason to remember the page.
 */
export async function commitImport(
  vault: Vault,
  source: ImportedEntries,
  site?: string,
): Promise<Committed> {
  const entries = await classifyAgainst(vault, source);
  const data = toAdd(entries).map((account) => bindTo(account, site));
  const added = await vault.addAccounts(data);
  if (site) await bindExisting(vault, entries, site);
  const notes: ImportOutcome[] = [];
  for (const note of source.notes ?? []) {
    if (note.kind !== 'batch') notes.push(note);
    else {
      const progress = { batchId: note.batchId, batchIndex: note.index, batchSize: note.size };
      const missing = await recordBatch(progress);
      notes.push({ kind: 'batch', index: note.index + 1, size: note.size, missing });
    }
  }
  return { entries, added, outcomes: commitOutcomes(entries, source.skipped, notes) };
}

/**
 * A source never says which sites the user bound themself (a backup's `sites` are only copied):
 * only the setup page's button, clicked on `site`, makes that site trusted.
 */
function bindTo(account: AccountData, site?: string): AccountData {
  const copy = { ...account };
  delete copy.trustedSites;
  if (!site) return copy;
  const sites = account.sites.includes(site) ? account.sites : [...account.sites, site];
  return { ...copy, sites, trustedSites: [site] };
}

async function bindExisting(vault: Vault, entries: ClassifiedEntry[], site: string) {
  for (const entry of entries) {
    if (entry.status !== 'existing') continue;
    const existing = await vault.findBySecret(entry.data.secret);
    if (!existing || trustedSitesOf(existing).includes(site)) continue;
    const sites = existing.sites.includes(site) ? existing.sites : [...existing.sites, site];
    await vault.updateAccount(existing.id, {
      sites,
      trustedSites: withTrustedSite({ ...existing, sites }, site, true),
    });
  }
}

import {
  classifyAgainstKnown,
  commitOutcomes,
  toAdd,
  type ClassifiedEntry,
} from '../import/classify';
import { OTPAUTH_TEXT_FORMAT } from '../import/otpauth-text';
import { QR_IMAGE_FORMAT } from '../import/qr-text';
import { kosmoSiteForIssuer } from '../issuer-site';
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

/** A source's entries, classified against the vault's accounts now (by their keyed hashes). */
export async function classifyAgainst(
  vault: Vault,
  entries: ImportedEntries,
): Promise<ClassifiedEntry[]> {
  return classifyAgainstKnown(await vault.knownAccounts(), entries.accounts);
}

/**
 * The one commit of every import — a file, pasted text, QR images, a screen scan, the setup
 * page's button: classifies the entries against the vault again (it may have changed since a
 * preview), adds the new and conflicting ones in one transaction, records the progress of a
 * multi-QR Google export, and says what became of each. With `site` (the setup page, a scan of a
 * KOSMO tab), added accounts are bound to it, and so is an account that was already there: adding
 * from a page the account belongs to is a reason to remember the page. Without it, an account
 * from a QR code or URI whose issuer is already bound to one KOSMO host is bound there too.
 */
export async function commitImport(
  vault: Vault,
  source: ImportedEntries,
  site?: string,
): Promise<Committed> {
  const byIssuer = !site && QR_FORMATS.has(source.format);
  const classified = await classifyAgainst(vault, source);
  // The stored accounts are opened only to bind an added QR account by its issuer.
  const byIssuerEntry = (entry: ClassifiedEntry) =>
    byIssuer && entry.status !== 'existing' && entry.data.sites.length === 0;
  const stored = classified.some(byIssuerEntry) ? (await vault.listAccounts()).accounts : [];
  // Where each added entry gives its codes from now on, when this commit binds it.
  const boundTo = classified.map((entry) => {
    if (entry.status === 'existing') return undefined;
    if (site) return site;
    if (!byIssuerEntry(entry)) return undefined;
    return kosmoSiteForIssuer(stored, entry.data.issuer) ?? undefined;
  });
  const entries = classified.map((entry, i) => ({
    ...entry,
    data: entry.status === 'existing' ? entry.data : bindTo(entry.data, boundTo[i], !!site),
  }));
  const added = await vault.addAccounts(toAdd(entries));
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
  const outcomes = commitOutcomes(entries, source.skipped, notes).map((outcome, i) => {
    // Say where an added account gives its codes now: the user did not bind it by hand.
    const bound = boundTo[i];
    return outcome.kind === 'added' && bound ? { ...outcome, site: bound } : outcome;
  });
  return { entries, added, outcomes };
}

/** QR codes and URIs carry the realm's name as issuer; files of other apps name what they like. */
const QR_FORMATS = new Set([QR_IMAGE_FORMAT, OTPAUTH_TEXT_FORMAT]);

/**
 * A source never says which sites the user bound themself (a backup's `sites` are only copied):
 * only the user's own act on `site` (the setup page's button, a scan of that tab) makes it trusted.
 */
function bindTo(account: AccountData, site: string | undefined, trusted: boolean): AccountData {
  const copy = { ...account };
  delete copy.trustedSites;
  if (!site) return copy;
  const sites = account.sites.includes(site) ? account.sites : [...account.sites, site];
  return { ...copy, sites, ...(trusted ? { trustedSites: [site] } : {}) };
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

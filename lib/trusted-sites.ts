/**
 * Which of an account's sites the user bound with their own hands: enrolled there with a click on
 * the setup page's button, or bound in the popup or on the manage page. A backup file carries
 * `sites` but never `trustedSites`, so an imported binding is never trusted. Only a trusted site
 * may set the clock correction (a self-enrolled subdomain must not move every code).
 */

/** The parts of an account this needs. */
export interface SiteBindings {
  sites: readonly string[];
  trustedSites?: readonly string[];
}

/** The trusted sites the account is still bound to (an unbound site loses its trust). */
export function trustedSitesOf(account: SiteBindings): string[] {
  return (account.trustedSites ?? []).filter((site) => account.sites.includes(site));
}

/** After the user bound (or unbound) `origin` themself: the account's new trusted sites. */
export function withTrustedSite(account: SiteBindings, origin: string, bound: boolean): string[] {
  const others = trustedSitesOf(account).filter((site) => site !== origin);
  return bound ? [...others, origin] : others;
}

/**
 * After the user edited the list of sites on the manage page: the sites they added are theirs,
 * the ones kept keep their trust, the removed ones lose it.
 */
export function trustedAfterEdit(account: SiteBindings, sites: readonly string[]): string[] {
  const trusted = trustedSitesOf(account);
  return sites.filter((site) => trusted.includes(site) || !account.sites.includes(site));
}

import { isKosmoSite } from './kosmo';

/**
 * Where a new account from a QR code or an `otpauth://` URI belongs when it says so itself: its
 * issuer is the realm's name, and an account of the same issuer is already bound to a KOSMO host
 * (a second person of the same union, a new key after losing the old one). Pure.
 */

interface Bound {
  issuer: string;
  sites: readonly string[];
}

const norm = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/**
 * The one KOSMO origin the vault's accounts of `issuer` are bound to; null when the issuer is
 * empty, no such account is bound to KOSMO, or they are bound to several KOSMO hosts (which one
 * would be a guess).
 */
export function kosmoSiteForIssuer(accounts: readonly Bound[], issuer: string): string | null {
  const wanted = norm(issuer);
  if (!wanted) return null;
  const origins = new Set(
    accounts.filter((a) => norm(a.issuer) === wanted).flatMap((a) => a.sites.filter(isKosmoSite)),
  );
  const [only] = origins;
  return origins.size === 1 && only ? only : null;
}

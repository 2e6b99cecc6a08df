import { isKosmoSite } from './kosmo';

/**
 * What the popup's link button may do for an account on the page's origin:
 * - `unbind`: the account is bound here; one click unbinds it.
 * - `bind`: the account is bound nowhere yet; one click binds it here.
 * - `confirm`: it is bound to other sites; binding here is asked first, naming both hosts.
 * - `none`: the page is a KOSMO host and the account belongs to another KOSMO host — any
 *   `*.kosmo-web.jp` page may ask for codes, so a sibling is never offered the account from the
 *   popup (the manage page can still bind it, after a confirmation).
 */
type BindOffer = 'unbind' | 'bind' | 'confirm' | 'none';

/** Decides {@link BindOffer} from the account's bound origins and the page's origin. */
export function bindOffer(sites: readonly string[], origin: string): BindOffer {
  if (sites.includes(origin)) return 'unbind';
  if (sites.length === 0) return 'bind';
  if (isKosmoSite(origin) && sites.some(isKosmoSite)) return 'none';
  return 'confirm';
}

/**
 * The origins in `next` that need the user's confirmation before they are saved: new ones, when
 * the account was already bound somewhere (so a code would go to a second site).
 */
export function bindingsToConfirm(before: readonly string[], next: readonly string[]): string[] {
  if (before.length === 0) return [];
  return next.filter((origin) => !before.includes(origin));
}

/** `https://a.example` → `a.example`: how a site is named in the confirmation. */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/**
 * The order accounts are offered in on a login page that has none bound: the user's own account
 * first (its name is the page's user name), then the ones whose issuer or name mentions the site
 * (a part of its host, or its realm's title), then the rest as the vault orders them. Pure.
 */

interface Rankable {
  issuer: string;
  name: string;
}

interface RankPage {
  origin: string;
  user: string | null;
  realm?: string;
}

/** Host labels that say nothing about whose site it is. */
const GENERIC = new Set([
  ...['www', 'portal', 'login', 'logon', 'signin', 'auth', 'sso', 'idp', 'accounts', 'account'],
  ...['secure', 'app', 'apps', 'web', 'my', 'mfa', 'otp', 'keycloak', 'realms'],
  ...['com', 'net', 'org', 'info', 'biz', 'dev', 'jp', 'co', 'ne', 'or', 'go', 'ac', 'lg', 'gr'],
]);

/** NFKC, lower case, no spaces: 「ＫＯＳＭＯ Web」 and "kosmoweb" compare equal. */
function norm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The telling parts of the page's host: `densenkenpo.portal.kosmo-web.jp` → densenkenpo, kosmo. */
export function hostWords(origin: string): string[] {
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return [];
  }
  const words = hostname.split(/[.-]/).map(norm);
  return [...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !GENERIC.has(w)))];
}

/** Whether the account's issuer or name names the site (a host word, or the realm's title). */
export function mentionsSite(account: Rankable, page: Pick<RankPage, 'origin' | 'realm'>): boolean {
  const text = norm(`${account.issuer} ${account.name}`);
  if (hostWords(page.origin).some((word) => text.includes(word))) return true;
  const realm = norm(page.realm ?? '');
  const issuer = norm(account.issuer);
  return (
    realm.length >= 2 && issuer.length >= 2 && (realm.includes(issuer) || issuer.includes(realm))
  );
}

/** `accounts` in the order they are offered (a stable sort: ties keep the vault's order). */
export function rankChoices<A extends Rankable>(accounts: readonly A[], page: RankPage): A[] {
  const { user } = page;
  const score = (a: A) =>
    (user && norm(a.name) === norm(user) ? 2 : 0) + (mentionsSite(a, page) ? 1 : 0);
  return accounts
    .map((account, index) => ({ account, index, score: score(account) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ account }) => account);
}

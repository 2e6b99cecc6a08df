import type { PageHints, SiteChoice, SiteCodes } from '../messaging';
import { siteAccounts } from '../site-accounts';
import { withTrustedSite } from '../trusted-sites';
import type { Vault } from '../vault/vault';
import { ForbiddenSenderError } from './errors';
import { pageUser } from './page-user';
import type { ContentHandlers } from './routes';
import type { ContentSender } from './senders';

/** The worker's answer to `otp.codes`, reused so a chosen account's code is made the same way. */
type CodesFor = (hints: PageHints, from: ContentSender) => Promise<SiteCodes>;

/**
 * 「使うアカウントを選ぶ」 on a login page nothing is bound to (or nothing of the page's user): the
 * accounts the user may choose — names only, the ones bound nowhere yet and, for a named user,
 * the ones bound here to no one — and, on the user's click, binding the chosen one here as their
 * own binding (trusted, lib/trusted-sites.ts) with the page's user name. Both are asked only after
 * a trusted click in the page; the origin is the sender check's, never the message's.
 */
export function chooseHandlers(vault: Vault, codesFor: CodesFor) {
  const offered = async (hints: PageHints, from: ContentSender) => {
    if ((await vault.status()) !== 'unlocked') return null;
    const user = await pageUser(hints, from);
    const { accounts } = await vault.listAccounts();
    const page = { origin: from.origin, user, ...(hints.realm ? { realm: hints.realm } : {}) };
    return { user, choices: siteAccounts(accounts, page).choices };
  };

  return {
    'otp.choices': async (hints, from): Promise<SiteChoice[]> => {
      const found = await offered(hints, from);
      return (found?.choices ?? []).map(({ id, issuer, name }) => ({ ref: id, issuer, name }));
    },
    'otp.choose': async ({ ref, ...hints }, from) => {
      const found = await offered(hints, from);
      // Only an account this page could offer: never one bound elsewhere or someone else's.
      const account = found?.choices.find((a) => a.id === ref);
      if (!found || !account) throw new ForbiddenSenderError();
      const { origin } = from;
      const sites = account.sites.includes(origin) ? account.sites : [...account.sites, origin];
      await vault.updateAccount(account.id, {
        sites,
        trustedSites: withTrustedSite({ ...account, sites }, origin, true),
        ...(found.user ? { user: found.user } : {}),
      });
      const reply = await codesFor(hints, from);
      const code = reply.vault === 'unlocked' ? reply.codes.find((c) => c.ref === ref) : undefined;
      if (!code) throw new ForbiddenSenderError();
      return code;
    },
  } satisfies ContentHandlers;
}

import { browser } from 'wxt/browser';
import { accountTitle } from '../account-title';
import type { CodeClock } from '../clock';
import type { EnrollSource, SiteCodes } from '../messaging';
import { generateCode } from '../otp/code';
import { setupFill } from '../otp/code-timing';
import { secondsLeft, secondsUntilUnused } from '../otp/step-time';
import { replacedByEnrollment, withoutPendingTwins } from '../otp/pending';
import { parseOtpauthUri } from '../otp/uri';
import { validateAccountData } from '../otp/account';
import type { Account, AccountData } from '../otp/types';
import { classifyQrText } from '../qr/classify-qr-text';
import { deviceNameFor } from '../settings';
import { settingsItem } from '../storage';
import { siteAccounts } from '../site-accounts';
import { VaultError } from '../vault/errors';
import type { Vault } from '../vault/vault';
import { NoOtpQrError } from './errors';
import { imageFromDataUrl, qrReader } from './qr-reader';
import type { ContentHandlers } from './routes';
import { commitImport } from './import-commit';
import { storedFillStores, type FillStores } from './fill-stores';
import { claimForUser, pageUser } from './page-user';
import { boundAccount, outcomeHeard, recordSubmit } from './submissions';

/**
 * Everything a content script may ask, on KOSMO or a site the user allowed. Each handler gets the
 * page's origin as the sender check verified it (never from the message), and every reply holds
 * codes, titles and device names — never a secret.
 * - a Keycloak setup page: add the account it shows, record the device name the user kept;
 * - an OTP field: the codes of the accounts bound to exactly this origin, for the page's user;
 * - either: show the user where to unlock.
 * `stores`: the worker passes the copies it holds in memory (a code request while the login page
 * loads then reads no storage but the vault).
 */
export function contentHandlers(
  vault: Vault,
  now: CodeClock = Date.now,
  stores: FillStores = storedFillStores,
) {
  return {
    'enroll.add': async ({ source, hints }, { origin }) => {
      const status = await vault.status();
      if (status !== 'unlocked') throw new VaultError(status === 'none' ? 'none' : 'locked');
      const user = hints.account.trim() || undefined;
      // Pending until the site accepts the setup (see submissions.ts), under the page's user.
      const data = { ...(await accountFrom(source, hints)), pending: true, ...(user && { user }) };
      // One account from one click: the import's classify and commit, at once, bound to the page.
      const entry = { format: 'setup-page', accounts: [data], skipped: [] };
      const { entries, added } = await commitImport(vault, entry, origin);
      const account = added[0] ?? (await vault.findBySecret(data.secret));
      if (!account) throw new VaultError('not-found');
      // A new key for the same user replaces the pending one of an abandoned setup.
      if (added[0]) {
        const { accounts } = await vault.listAccounts();
        for (const old of replacedByEnrollment(accounts, origin, user, account.id)) {
          await vault.deleteAccount(old.id);
        }
      }
      return {
        status: entries[0]?.status === 'existing' ? ('duplicate' as const) : ('added' as const),
        ref: account.id,
        title: accountTitle(account),
        code: setupFill(account, now(account.sites)).code,
        // The user's own name from the settings, else 「PC Authenticator (Chrome|Edge)」.
        deviceName: deviceNameFor(await settingsItem.getValue(), navigator.userAgent),
      };
    },
    'enroll.device': async ({ ref, label, code }, from) => {
      const account = await boundAccount(vault, ref, from.origin);
      const deviceName = label.trim().slice(0, 255);
      if (deviceName) await vault.updateAccount(account.id, { deviceName });
      await recordSubmit(vault, now, from, { ref, code, kind: 'setup' }, stores);
      return null;
    },
    'enroll.code': async ({ ref }, { origin }) => {
      const account = await boundAccount(vault, ref, origin);
      const { code, refreshIn } = setupFill(account, now(account.sites));
      return { code, refreshIn };
    },
    'otp.codes': async (hints, from): Promise<SiteCodes> => {
      // The page's report on the submit before it comes alongside; it may change the used steps.
      await outcomeHeard(from, now, stores);
      const accounts = await unlockedAccounts(vault);
      if (!accounts) return { vault: await lockedStatus(vault) };
      const { autoFill, submitAfterFill } = await stores.settings.getValue();
      // Only the named user's accounts: several people may share this PC and this site.
      const user = await pageUser(hints, from, Date.now, stores.loginUsers);
      const here = siteAccounts(accounts, { origin: from.origin, user });
      await claimForUser(vault, here.fitting, user);
      const used = await stores.usedSteps.getValue();
      const codes = withoutPendingTwins(here.fitting, from.origin).map((a) => {
        const at = now(a.sites);
        const code = {
          ref: a.id,
          title: accountTitle(a),
          deviceName: a.deviceName ?? null,
          code: generateCode(a, at),
          secondsLeft: secondsLeft(a.period, at),
        };
        // Keycloak refuses a step already used: no code until the next one begins.
        const wait = secondsUntilUnused(a.period, at, used[a.id]?.step);
        return wait > 0 ? { ...code, code: '', secondsLeft: wait, waitSeconds: wait } : code;
      });
      const { othersBound } = here;
      const choosable = here.choices.length;
      return { vault: 'unlocked', autoFill, submitAfterFill, codes, choosable, user, othersBound };
    },
    'ui.open-unlock': async (_data, { tab }) => {
      // A tab, not the toolbar popup: it stays open while the user types, and it can bring the
      // user back to this page once unlocked (popup.html?tab=N closes itself then).
      await browser.tabs.create({
        url: browser.runtime.getURL(`/popup.html?tab=${tab.id ?? ''}`),
        index: tab.index,
      });
      return null;
    },
  } satisfies ContentHandlers;
}

/**
 * The accounts, or null while the vault is locked (or there is none): one read of the vault when
 * it is open, rather than asking its status first.
 */
async function unlockedAccounts(vault: Vault): Promise<Account[] | null> {
  try {
    return (await vault.listAccounts()).accounts;
  } catch (error) {
    if (error instanceof VaultError && error.code === 'locked') return null;
    throw error;
  }
}

/** Why {@link unlockedAccounts} found none: `locked`, or `none` before a vault exists. */
async function lockedStatus(vault: Vault): Promise<'locked' | 'none'> {
  return (await vault.status()) === 'none' ? 'none' : 'locked';
}

/** The account a setup page offers: its key with the shown policy, or the OTP QR code's URI. */
async function accountFrom(
  source: EnrollSource,
  hints: { issuer: string; account: string },
): Promise<AccountData> {
  if ('key' in source) {
    return validateAccountData({
      secret: source.key,
      ...source.policy,
      issuer: hints.issuer,
      name: hints.account,
    });
  }
  const found = await qrReader().read(await imageFromDataUrl(source.qr));
  const uri = found.map((qr) => qr.text).find((text) => classifyQrText(text) === 'otpauth');
  if (!uri) throw new NoOtpQrError();
  return parseOtpauthUri(uri);
}

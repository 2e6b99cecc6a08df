import { browser } from 'wxt/browser';
import type { EnrollSource } from '../messaging';
import { generateCode, parseOtpauthUri, validateAccountData } from '../otp';
import type { AccountData } from '../otp/types';
import { classifyQrText } from '../qr/classify-qr-text';
import { deviceNameFor } from '../settings';
import { accountTitle } from '../account-title';
import { VaultError, type Vault } from '../vault';
import type { FullSender, HandlerMap } from './handler-types';
import { NoOtpQrError } from './errors';
import { imageFromDataUrl } from './image-data';
import { qrReader } from './qr-reader';
import { readSettings } from './read-settings';
import { commitImport } from './import-commit';

export { defaultDeviceName } from '../settings';

export type EnrollRequest = 'enroll.add' | 'ui.open-unlock';

/**
 * One click on a Keycloak setup page: read its QR (or key), store the account bound to the page's
 * origin, and give the content script only what it fills in — the current code and a device name.
 */
export function enrollHandlers(
  vault: Vault,
  origin: (sender: FullSender) => Promise<string>,
  now: () => number = Date.now,
): HandlerMap<EnrollRequest> {
  return {
    'enroll.add': async ({ source, hints }, sender) => {
      const site = await origin(sender);
      const status = await vault.status();
      if (status !== 'unlocked') throw new VaultError(status === 'none' ? 'none' : 'locked');
      const data = await accountFrom(source, hints);
      // One account from one click: the import's classify and commit, at once, bound to the page.
      const entry = { format: 'setup-page', accounts: [data], skipped: [] };
      const { entries, added } = await commitImport(vault, entry, site);
      const account = added[0] ?? (await vault.findBySecret(data.secret));
      if (!account) throw new VaultError('not-found');
      return {
        status: entries[0]?.status === 'existing' ? ('duplicate' as const) : ('added' as const),
        ref: account.id,
        title: accountTitle(account),
        code: generateCode(account, now()),
        // The user's own name from the settings, else 「PC Authenticator (Chrome|Edge)」.
        deviceName: deviceNameFor(await readSettings(), navigator.userAgent),
      };
    },
    'ui.open-unlock': async (_data, sender) => {
      await origin(sender);
      // A tab, not the toolbar popup: it stays open while the user types, and it can bring the
      // user back to this page once unlocked (popup.html?tab=N closes itself then).
      await browser.tabs.create({
        url: browser.runtime.getURL(`/popup.html?tab=${sender.tab?.id ?? ''}`),
        index: (sender.tab as { index?: number } | undefined)?.index,
      });
      return null;
    },
  };
}

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

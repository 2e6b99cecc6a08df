import { accountTitle } from '../account-title';
import type { SiteCodes } from '../messaging';
import { generateCode, secondsLeft } from '../otp';
import type { Settings } from '../settings';
import type { Vault } from '../vault';
import { ForbiddenSenderError } from './errors';
import type { FullSender, HandlerMap } from './handler-types';

export type FillRequest = 'otp.codes' | 'enroll.device';

/**
 * Codes for the page a content script runs on, only for accounts bound to that exact origin
 * (decided from the sender, never from the message). The reply holds codes and titles, no secret.
 */
export function fillHandlers(
  vault: Vault,
  origin: (sender: FullSender) => Promise<string>,
  readSettings: () => Promise<Settings>,
  now: () => number = Date.now,
): HandlerMap<FillRequest> {
  return {
    'otp.codes': async (_data, sender): Promise<SiteCodes> => {
      const site = await origin(sender);
      const status = await vault.status();
      if (status !== 'unlocked') return { vault: status };
      const { autoFill, submitAfterFill } = await readSettings();
      const at = now();
      const { accounts } = await vault.listAccounts();
      const codes = accounts
        .filter((a) => a.type === 'totp' && a.sites.includes(site))
        .map((a) => ({
          ref: a.id,
          title: accountTitle(a),
          deviceName: a.deviceName ?? null,
          code: generateCode(a, at),
          secondsLeft: secondsLeft(a.period, at),
        }));
      return { vault: 'unlocked', autoFill, submitAfterFill, codes };
    },
    'enroll.device': async ({ ref, label }, sender) => {
      const site = await origin(sender);
      const { accounts } = await vault.listAccounts();
      const account = accounts.find((a) => a.id === ref);
      // Only an account bound to this very page may be renamed from it.
      if (!account || !account.sites.includes(site)) throw new ForbiddenSenderError();
      const deviceName = label.trim().slice(0, 255);
      if (deviceName) await vault.updateAccount(ref, { deviceName });
      return null;
    },
  };
}

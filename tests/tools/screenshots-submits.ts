/**
 * Screenshots of what happens around a submitted code, in Japanese, light (the in-page UI sits in
 * the site's own light page): called from screenshots.ts. Writes to docs/:
 *  - popup-pending.png: the popup with a setup-page account not accepted yet (「未確定」);
 *  - refusal-clock.png: the setup page after KOSMO refused the code of a PC clock 95 s behind,
 *    with the one-click correction;
 *  - badge-waiting.png: the OTP page right after the setup, waiting for the next step's code;
 *  - refusal-wrong-key.png: the OTP page after two fresh codes of a wrong key were refused.
 * The codes are live (the replica checks them against its own clock), so the seconds differ
 * from run to run.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchWithExtension, removeProfile } from '../e2e/support/browser';
import { KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { awayFromStepEdge } from '../e2e/support/oathtool';
import { PopupPage } from '../e2e/support/popup-page';
import { addBoundAccount, deleteAllAccounts } from '../e2e/support/vault-accounts';
import { DOCS, PASSWORD, POPUP_VIEWPORT } from './screenshot-accounts';

const SITE_VIEWPORT = { width: 1024, height: 1300 };

async function shoot(target: Locator, name: string): Promise<string> {
  await target.page().evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(DOCS, `${name}.png`);
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}

/** Every screenshot of this file; each flow on a fresh replica and browser profile. */
export async function shootSubmits(): Promise<string[]> {
  return [...(await shootClockRefusal()), ...(await shootUsedAndWrong())];
}

async function session(options: Parameters<typeof startReplica>[0]) {
  const replica = await startReplica({ codeReusable: false, ...options });
  const browser = await launchWithExtension({ lang: 'ja' });
  await replica.attach(browser.context);
  const popup = await PopupPage.open(browser);
  await popup.page.setViewportSize(POPUP_VIEWPORT);
  await popup.createPassword(PASSWORD);
  const close = async () => {
    await browser.close();
    await replica.server.close();
    await removeProfile(browser.profileDir);
  };
  return { replica, browser, popup, close };
}

async function shootClockRefusal(): Promise<string[]> {
  const { replica, browser, close } = await session({ clockSkewMs: 95_000, theme: 'v2' });
  const written: string[] = [];
  try {
    await replicaHook(replica.server.url, '/__test/user', { user: 'yamada.taro' });
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.page.setViewportSize(SITE_VIEWPORT);
    await site.login('yamada.taro');
    await site.page.getByTestId('enroll').click();
    await site.page.waitForFunction(
      () => (document.querySelector('#totp') as HTMLInputElement).value !== '',
    );
    await site.page.locator('#saveTOTPBtn').click();
    await site.page.getByTestId('badge-reason').waitFor();
    written.push(await shoot(site.page.locator('#kc-totp-settings-form'), 'refusal-clock'));
  } finally {
    await close();
  }
  return written;
}

async function shootUsedAndWrong(): Promise<string[]> {
  const { replica, browser, popup, close } = await session({ theme: 'v1' });
  const written: string[] = [];
  try {
    await replicaHook(replica.server.url, '/__test/user', { user: 'yamada.taro' });
    const setup = await KosmoSite.open(browser.context, 'v1');
    await setup.login('yamada.taro');
    await awayFromStepEdge(20);
    await setup.page.getByTestId('enroll').click();
    await setup.page.waitForFunction(
      () => (document.querySelector('#totp') as HTMLInputElement).value !== '',
    );
    await popup.page.reload();
    await popup.byTestId('account-pending').waitFor();
    written.push(await shoot(popup.page.locator('body'), 'popup-pending'));
    await setup.page.locator('#saveTOTPBtn').click();
    await setup.signedIn().waitFor();
    const login = await KosmoSite.open(browser.context, 'v1');
    await login.page.setViewportSize(SITE_VIEWPORT);
    await login.login('yamada.taro');
    await login.page
      .getByTestId('badge')
      .getByText(/次のコード/)
      .waitFor();
    written.push(await shoot(login.page.locator('#kc-otp-login-form'), 'badge-waiting'));

    await deleteAllAccounts(popup.page);
    await replicaHook(replica.server.url, '/__test/device', {
      user: 'sato.hanako',
      label: 'PC Authenticator (Chrome)',
      secret: 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU',
    });
    await addBoundAccount(popup.page, 'sato.hanako', 'MFRGGZDFMZTWQ2LKNBSWY3DP');
    const wrong = await KosmoSite.open(browser.context, 'v1');
    await wrong.page.setViewportSize(SITE_VIEWPORT);
    await wrong.login('sato.hanako');
    for (let i = 0; i < 2; i++) {
      await wrong.page.waitForFunction(
        () => (document.querySelector('#otp') as HTMLInputElement).value !== '',
      );
      await wrong.page.locator('#kc-login').click();
      await wrong.page.getByTestId('badge-reason').waitFor();
    }
    await wrong.page.getByTestId('badge').waitFor();
    written.push(await shoot(wrong.page.locator('#kc-otp-login-form'), 'refusal-wrong-key'));
  } finally {
    await close();
  }
  return written;
}

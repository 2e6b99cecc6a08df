/**
 * Screenshots of binding on first use, in Japanese (the in-page UI sits in the site's own light
 * page): called from screenshots.ts. Writes to docs/:
 *  - badge-choose.png: a KOSMO login page where no account is bound yet — 「使うアカウントを選ぶ」;
 *  - badge-choices.png: the list it opens (the account typed in the popup comes first);
 *  - badge-bound.png: after the click — bound to the site, filled, and said so.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchWithExtension, removeProfile } from '../e2e/support/browser';
import { KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { PopupPage } from '../e2e/support/popup-page';
import { DOCS, PASSWORD } from './screenshot-accounts';

const KEY = 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU';

/** The form and what floats beside it (the badge sits outside the form's own box). */
async function shoot(target: Locator, name: string): Promise<string> {
  const page = target.page();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: the form is not on screen`);
  const path = join(DOCS, `${name}.png`);
  const x = Math.max(0, box.x - 16);
  const y = Math.max(0, box.y - 120);
  const clip = { x, y, width: box.width + 340, height: box.height + 240 };
  await page.screenshot({ path, clip, animations: 'disabled' });
  return path;
}

/** The three steps of choosing an account on a page nothing is bound to yet. */
export async function shootFirstUse(): Promise<string[]> {
  const replica = await startReplica({ theme: 'v2' });
  const browser = await launchWithExtension({ lang: 'ja' });
  const written: string[] = [];
  try {
    await replica.attach(browser.context);
    await replicaHook(replica.server.url, '/__test/device', {
      user: 'yamada.taro',
      label: 'PC Authenticator (Chrome)',
      secret: KEY,
    });
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await popup.addByKey({
      issuer: 'その他のサービス',
      name: 'me@example.jp',
      secret: 'MFRGGZDFMZTWQ2LK',
    });
    await popup.addByKey({ issuer: '電線工業健康保険組合', name: 'yamada.taro', secret: KEY });
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.page.setViewportSize({ width: 1024, height: 900 });
    await site.login('yamada.taro');
    const form = site.page.locator('#kc-otp-login-form');
    await site.page.getByTestId('badge-choose').waitFor({ timeout: 10_000 });
    written.push(await shoot(form, 'badge-choose'));
    await site.page.getByTestId('badge-choose').click();
    await site.page.getByTestId('badge-choice').first().waitFor();
    written.push(await shoot(form, 'badge-choices'));
    await site.page.getByTestId('badge-choice').first().click();
    await site.page.getByTestId('badge-fill').waitFor();
    written.push(await shoot(form, 'badge-bound'));
  } finally {
    await browser.close();
    await replica.server.close();
    await removeProfile(browser.profileDir);
  }
  return written;
}

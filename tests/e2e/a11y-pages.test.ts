import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { PopupPage } from './support/popup-page';

const KEY = 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU';
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;

/** axe on our own in-page UI only (the replica's page is not ours to judge). */
async function findings(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  replica = await startReplica({ theme: 'v2' });
  browser = await launchWithExtension();
  await replica.attach(browser.context);
  const popup = await PopupPage.open(browser);
  await popup.createPassword('a11y-pages-password');
  await replicaHook(replica.server.url, '/__test/device', { user: 'user2', secret: KEY });
  await popup.addByKey({ issuer: 'KOSMO', name: 'user2', secret: KEY });
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('the setup page’s add button has nothing for axe to report', async () => {
  await replicaHook(replica.server.url, '/__test/user', { user: 'axe-user' });
  const site = await KosmoSite.open(browser.context, 'v2');
  await site.login('axe-user');
  await site.page.getByTestId('enroll').waitFor();
  expect(await findings(site.page, 'pc-authenticator-enroll')).toEqual([]);
});

it('the badge in the OTP field, and its account choice, have nothing for axe to report', async () => {
  const site = await KosmoSite.open(browser.context, 'v2');
  await site.login('user2');
  await site.page.getByTestId('badge-choose').waitFor({ timeout: 10_000 });
  expect(await findings(site.page, 'pc-authenticator-badge')).toEqual([]);
  await site.page.getByTestId('badge-choose').click();
  await site.page.getByTestId('badge-choice').first().waitFor();
  expect(await findings(site.page, 'pc-authenticator-badge')).toEqual([]);
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, startReplica } from './support/kosmo-site';
import { addSeededAccount } from './support/seeded-account';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  replica = await startReplica();
  browser = await launchWithExtension();
  await replica.attach(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('popup.html opened as a tab fills the page the user was on last', async () => {
  const setup = await PopupPage.open(browser);
  await setup.createPassword('popup-tab-password');
  const key = await addSeededAccount(setup.page, replica.server.url);
  await setup.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ settings: { autoFill: false } }),
  );
  await setup.page.close();

  const site = await KosmoSite.open(browser.context, 'v1');
  await site.login('user2');
  await site.page.getByTestId('badge').waitFor();
  await awayFromStepEdge(6);
  // As an acceptance check would: the popup in a tab of its own, no ?tab= parameter.
  const popup = await PopupPage.open(browser);
  await popup.byTestId('fill-page').click();
  await expect.poll(() => site.page.locator('#otp').inputValue()).toBe(oathtoolTotp(key));
});

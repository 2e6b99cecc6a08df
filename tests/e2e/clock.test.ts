import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, startReplica } from './support/kosmo-site';
import { addSeededAccount } from './support/seeded-account';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const SKEW_MS = 95_000; // the server runs 95 s ahead: three 30 s steps, codes would be refused
let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  replica = await startReplica({ clockSkewMs: SKEW_MS });
  browser = await launchWithExtension();
  await replica.attach(browser.context);
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('warns about a PC clock far off the KOSMO server, and the correction makes codes work', async () => {
  const popup = await PopupPage.open(browser);
  await popup.createPassword('clock-test-password');
  const key = await addSeededAccount(popup.page, replica.server.url);

  await popup.page.reload();
  const warning = popup.byTestId('clock-warning');
  await expect
    .poll(() => warning.innerText().catch(() => ''), { timeout: 10_000 })
    .toMatch(/9\d seconds behind/);
  await popup.byTestId('clock-correct').click();
  await expect.poll(() => warning.count()).toBe(0);

  await awayFromStepEdge(8);
  expect(await popup.code()).toBe(oathtoolTotp(key, Date.now() + SKEW_MS));
  const site = await KosmoSite.open(browser.context, 'v1');
  await site.login('user2');
  await expect
    .poll(() => site.page.locator('#otp').inputValue(), { timeout: 5000 })
    .toBe(oathtoolTotp(key, Date.now() + SKEW_MS));
  await site.page.locator('#kc-login').click();
  await expect.poll(() => site.signedIn().count()).toBe(1);
});

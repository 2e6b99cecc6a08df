import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
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
  const state = await replicaHook<{ users: { username: string; devices: { secret: string }[] }[] }>(
    replica.server.url,
    '/__test/state',
  );
  const key = state.users.find((u) => u.username === 'user2')!.devices[0]!.secret;
  const setup = await PopupPage.open(browser);
  await setup.createPassword('popup-tab-password');
  const added = await sendFromPage(setup.page, 'accounts.add', {
    uri: `otpauth://totp/KOSMO:user2?secret=${key}`,
  });
  if (!added.ok) throw new Error('add failed');
  await sendFromPage(setup.page, 'accounts.bind', {
    id: added.value.id,
    origin: KOSMO_ORIGIN,
    bound: true,
  });
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

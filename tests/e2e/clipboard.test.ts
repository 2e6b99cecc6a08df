import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

let replica: Awaited<ReturnType<typeof startReplica>>;
let browser: ExtensionBrowser;
let popup: PopupPage;
let site: Page;

beforeAll(async () => {
  replica = await startReplica();
  browser = await launchWithExtension();
  await replica.attach(browser.context);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: KOSMO_ORIGIN,
  });
  popup = await PopupPage.open(browser);
  await popup.createPassword('clipboard-test-password');
  await sendFromPage(popup.page, 'accounts.add', {
    uri: 'otpauth://totp/Clip:me?secret=JBSWY3DPEHPK3PXP',
  });
  await popup.page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ settings: { clipboardSeconds: 10 } }),
  );
  await popup.page.reload();
  site = await browser.context.newPage();
  await site.goto(`${KOSMO_ORIGIN}/`);
});

afterAll(async () => {
  await browser?.close();
  await replica?.server.close();
  if (browser) await removeProfile(browser.profileDir);
});

const clipboard = () => site.evaluate(() => navigator.clipboard.readText());

async function copyCode(): Promise<string> {
  await popup.page.bringToFront();
  await popup.accounts().first().getByTestId('account-code').click();
  await expect.poll(() => popup.page.getByText('Copied').count()).toBe(1);
  await site.bringToFront();
  return clipboard();
}

it('empties the clipboard after the set seconds when it still holds the code', async () => {
  const copied = await copyCode();
  expect(copied).toMatch(/^\d{6}$/);
  await site.waitForTimeout(7000);
  expect(await clipboard()).toBe(copied);
  await expect.poll(clipboard, { timeout: 8000, interval: 500 }).toBe('');
});

it('keeps what the user copied after the code', async () => {
  await copyCode();
  await site.evaluate(() => navigator.clipboard.writeText('my own note'));
  await site.waitForTimeout(12_000);
  expect(await clipboard()).toBe('my own note');
});

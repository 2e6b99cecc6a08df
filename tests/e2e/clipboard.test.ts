import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { buildWithGranted } from './support/granted-build';
import { KOSMO_ORIGIN, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

let replica: Awaited<ReturnType<typeof startReplica>>;

beforeAll(async () => {
  replica = await startReplica();
});

afterAll(async () => {
  await replica?.server.close();
});

/** A browser with one account, clearing set to 10 s, and a KOSMO tab that reads the clipboard. */
async function setUp(extensionDir?: string) {
  const browser = await launchWithExtension(extensionDir ? { extensionDir } : {});
  await replica.attach(browser.context);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: KOSMO_ORIGIN,
  });
  const popup = await PopupPage.open(browser);
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
  const site = await browser.context.newPage();
  await site.goto(`${KOSMO_ORIGIN}/`);
  const clipboard = () => site.evaluate(() => navigator.clipboard.readText());
  const copyCode = async (): Promise<string> => {
    await popup.page.bringToFront();
    await popup.accounts().first().getByTestId('account-code').click();
    await expect.poll(() => popup.page.getByText('Copied').count()).toBe(1);
    await site.bringToFront();
    return clipboard();
  };
  return { browser, site, clipboard, copyCode };
}

async function tearDown(browser: ExtensionBrowser | undefined) {
  await browser?.close();
  if (browser) await removeProfile(browser.profileDir);
}

describe('as installed, without the optional clipboardRead', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    env = await setUp();
  });
  afterAll(() => tearDown(env?.browser));

  it('never clears: it could not tell the code from something copied since', async () => {
    const copied = await env.copyCode();
    expect(copied).toMatch(/^\d{6}$/);
    await env.site.waitForTimeout(12_000);
    expect(await env.clipboard()).toBe(copied);
  });

  it('the settings say why clearing needs the permission and offer to ask for it', async () => {
    const page: Page = await env.browser.context.newPage();
    await page.goto(env.browser.url('manage.html'));
    const note = page.getByTestId('settings-clipboard-permission');
    await expect.poll(() => note.innerText()).toContain('nothing you copied later is removed');
    await expect(page.getByTestId('settings-clipboard-allow').isEnabled()).resolves.toBe(true);
    // Turning clearing off hides the offer: there is nothing to ask for.
    await page.getByTestId('settings-clipboard').selectOption('0');
    await expect.poll(() => note.count()).toBe(0);
  });
});

describe('after the user allowed clipboardRead', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  let dir: string;
  beforeAll(async () => {
    dir = await buildWithGranted(['clipboardRead']);
    env = await setUp(dir);
  });
  afterAll(async () => {
    await tearDown(env?.browser);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('empties the clipboard after the set seconds when it still holds the code', async () => {
    const copied = await env.copyCode();
    expect(copied).toMatch(/^\d{6}$/);
    await env.site.waitForTimeout(7000);
    expect(await env.clipboard()).toBe(copied);
    await expect.poll(env.clipboard, { timeout: 8000, interval: 500 }).toBe('');
  });

  it('keeps what the user copied after the code', async () => {
    await env.copyCode();
    await env.site.waitForTimeout(500);
    await env.site.evaluate(() => navigator.clipboard.writeText('my own note'));
    await env.site.waitForTimeout(12_000);
    expect(await env.clipboard()).toBe('my own note');
  });

  it('the settings no longer ask for the permission', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.browser.url('manage.html'));
    await page.getByTestId('settings-clipboard').waitFor();
    expect(await page.getByTestId('settings-clipboard-permission').count()).toBe(0);
  });
});

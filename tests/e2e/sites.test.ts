import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildWithAllUrls,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from './support/browser';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { domText } from './support/page-dom';
import { PopupPage } from './support/popup-page';

const SHOP = 'https://shop.example.test';
const KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PAGES: Record<string, string> = {
  '/otp': `<form><label>Authentication code <input id="app_totp" name="app_otp" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></label><button>Verify</button></form>`,
  '/split': `<form><div class="digits">${Array.from({ length: 6 }, (_, i) => `<input maxlength="1" inputmode="numeric" aria-label="Digit ${i + 1}">`).join('')}</div></form>`,
};

async function serveShop(context: BrowserContext) {
  await context.route(`${SHOP}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset=utf-8><body>${PAGES[new URL(route.request().url()).pathname] ?? ''}`,
    }),
  );
}

async function setUp(browser: ExtensionBrowser): Promise<PopupPage> {
  await serveShop(browser.context);
  const popup = await PopupPage.open(browser);
  await popup.createPassword('sites-test-password');
  const added = await sendFromPage(popup.page, 'accounts.add', {
    uri: `otpauth://totp/Shop:me?secret=${KEY}`,
  });
  if (!added.ok) throw new Error('add failed');
  await sendFromPage(popup.page, 'accounts.bind', {
    id: added.value.id,
    origin: SHOP,
    bound: true,
  });
  return popup;
}

describe('other sites', () => {
  const browsers: ExtensionBrowser[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const b of browsers) {
      await b.close();
      await removeProfile(b.profileDir);
    }
    for (const dir of dirs) await removeProfile(dir);
  });

  it('does nothing on a site the user has not allowed, even with a bound account', async () => {
    const browser = await launchWithExtension();
    browsers.push(browser);
    await setUp(browser);
    const page = await browser.context.newPage();
    await page.goto(`${SHOP}/otp`);
    await page.waitForTimeout(1500);
    expect(await page.locator('#app_totp').inputValue()).toBe('');
    expect(await page.getByTestId('badge').count()).toBe(0);
    expect(await domText(page)).not.toContain(oathtoolTotp(KEY));
  });

  it('once allowed, fills a generic OTP field and a row of one-digit boxes; off again when disabled', async () => {
    // The permission prompt can't be answered by automation: this build holds <all_urls> already,
    // so 'sites.enable' finds the origin granted, as it would after the user said yes.
    const dir = await buildWithAllUrls();
    dirs.push(dir);
    const browser = await launchWithExtension({ extensionDir: dir });
    browsers.push(browser);
    const popup = await setUp(browser);
    const enabled = await sendFromPage(popup.page, 'sites.enable', { origin: SHOP });
    expect(enabled.ok).toBe(true);

    await awayFromStepEdge(8);
    const page = await browser.context.newPage();
    await page.goto(`${SHOP}/otp`);
    await expect
      .poll(() => page.locator('#app_totp').inputValue(), { timeout: 5000 })
      .toBe(oathtoolTotp(KEY));
    await page.getByTestId('badge').waitFor();

    await page.goto(`${SHOP}/split`);
    const boxes = page.locator('.digits input');
    await expect
      .poll(async () =>
        (await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join(''),
      )
      .toBe(oathtoolTotp(KEY));
    expect(await boxes.first().inputValue()).toHaveLength(1);

    await sendFromPage(popup.page, 'sites.disable', { origin: SHOP });
    await page.goto(`${SHOP}/otp`);
    await page.waitForTimeout(1500);
    expect(await page.locator('#app_totp').inputValue()).toBe('');
  });
});

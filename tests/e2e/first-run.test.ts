import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'first-run-password';

/** What the badge check needs of the service worker's `chrome`. */
interface ChromeGlobals {
  chrome: {
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
}

/**
 * A new user's first minutes: the empty popup points at KOSMO's one-click setup, the toolbar icon
 * says "+" while a setup page is open, and the page's own button is scrolled into view.
 */
describe('the first run leads to the one-click setup', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica();
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  /** The toolbar badge of the tab showing `page`, read in the service worker. */
  async function badgeOf(page: Page): Promise<string | null> {
    const worker =
      browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
    return worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as ChromeGlobals;
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
    }, page.url());
  }

  /** A fresh user logged in up to the setup page, in a window of `height` pixels. */
  async function setupPage(user: string, height: number) {
    await replicaHook(replica.server.url, '/__test/user', { user });
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.page.setViewportSize({ width: 1366, height });
    await site.login(user);
    await site.page.getByTestId('enroll').waitFor();
    return site;
  }

  const inView = (page: Page) =>
    page.getByTestId('enroll').evaluate((button) => {
      const box = button.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

  it('clears the mismatch error as soon as the two passwords match', async () => {
    await popup.byTestId('password-new').fill(PASSWORD);
    await popup.byTestId('password-confirm').fill(`${PASSWORD}x`);
    await popup.byTestId('password-create').click();
    await expect(popup.byTestId('error').innerText()).resolves.toMatch(/do not match/);
    await popup.byTestId('password-confirm').fill(PASSWORD);
    // No second click: the words go once the fields agree.
    await expect.poll(() => popup.byTestId('error').count()).toBe(0);
    // And it says when it locks, as the setting says (15 minutes by default).
    await expect(popup.page.locator('form').innerText()).resolves.toMatch(/15 min/);
  });

  it('opens on the one-click path: KOSMO first, fill-page not the main button', async () => {
    await popup.byTestId('password-create').click();
    await popup.byTestId('first-run').waitFor();
    // The focus follows: keyboard and screen-reader users land on the new content.
    await expect
      .poll(() => popup.page.evaluate(() => document.activeElement?.id))
      .toBe('first-run-title');
    const text = await popup.byTestId('first-run').innerText();
    expect(text).toMatch(/KOSMO Web/);
    expect(text).toMatch(/Add to PC Authenticator/);
    await expect(popup.byTestId('open-kosmo').getAttribute('class')).resolves.toMatch(/primary/);
    await expect(popup.byTestId('fill-page').getAttribute('class')).resolves.not.toMatch(/primary/);
    // Typing a key is the second way, still one click away.
    await expect(popup.byTestId('first-run-add').count()).resolves.toBe(1);

    const opened = browser.context.waitForEvent('page');
    await popup.byTestId('open-kosmo').click();
    const kosmo = await opened;
    await kosmo.waitForURL(`${KOSMO_ORIGIN}/**`);
    await kosmo.close();
  });

  it('leaves the page where it is when the button is in view', async () => {
    const site = await setupPage('first-run-tall', 1200);
    await site.page.waitForTimeout(700);
    expect(await site.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inView(site.page)).toBe(true);
    await site.page.close();
  });

  it('scrolls the in-page button into view on a 1366×630 window, and badges the toolbar', async () => {
    const site = await setupPage('first-run-small', 630);
    await expect.poll(() => inView(site.page)).toBe(true);
    expect(await site.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(site.page)).toBe('+');

    // The popup (as a tab, acting on the page the user was on) points at the page's button.
    await site.page.bringToFront();
    await popup.page.reload();
    await popup.byTestId('first-run').waitFor();
    await expect
      .poll(() => popup.byTestId('first-run').innerText())
      .toMatch(/Add to PC Authenticator.* on this page/);
    await expect(popup.byTestId('open-kosmo').count()).resolves.toBe(0);

    // Another page in the same tab: the badge goes.
    await site.page.goto(`${KOSMO_ORIGIN}/`);
    await expect.poll(() => badgeOf(site.page)).toBe('');
    await site.page.close();
  });

  it('shows the setup hint beside an account list, and fill-page is not the main button', async () => {
    await popup.addByKey({ issuer: 'Other', name: 'someone', secret: 'JBSWY3DPEHPK3PXP' });
    const site = await setupPage('first-run-hint', 900);
    await expect.poll(() => badgeOf(site.page)).toBe('+');
    await site.page.bringToFront();
    await popup.page.reload();
    await popup.byTestId('site-setup-hint').waitFor();
    await expect(popup.byTestId('site-setup-hint').innerText()).resolves.toMatch(
      /Add to PC Authenticator/,
    );
    await expect(popup.byTestId('fill-page').getAttribute('class')).resolves.not.toMatch(/primary/);
    // A scan that can't read this tab names the page's own button instead.
    await popup.byTestId('scan-screen').click();
    await expect
      .poll(() => popup.byTestId('scan-unsupported').innerText())
      .toMatch(/No scan is needed.*Add to PC Authenticator/);
    await site.page.close();
  });

  it('an unlock tab opened by the page names the product and why it opened', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    const site = await setupPage('first-run-locked', 900);
    await site.page.getByTestId('enroll').click();
    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('popup.html'));
    await site.page.getByTestId('enroll-unlock').click();
    const tab = new PopupPage(await opened);
    await tab.byTestId('tab-intro').waitFor();
    await expect(tab.page.locator('.brand').innerText()).resolves.toBe('PC Authenticator');
    await expect(tab.byTestId('tab-intro').innerText()).resolves.toMatch(
      /densenkenpo\.portal\.kosmo-web\.jp.*waiting for you to unlock/,
    );
    await tab.unlock(PASSWORD);
    // Unlocked: the tab goes and the page carries on by itself.
    await expect
      .poll(() => site.page.locator('#totp').inputValue(), { timeout: 15_000 })
      .toMatch(/^\d{6}$/);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'first-master-password';
const NEW_PASSWORD = 'second-master-password';
const SITE = 'https://login.example.com';

interface StorageGlobals {
  chrome: {
    storage: {
      local: {
        get(key: string | null): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}

const storedLocal = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as StorageGlobals).chrome.storage.local.get(null));

describe('the manage page: accounts, settings and security', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const rows = () => page.getByTestId('manage-account');
  const row = (issuer: string) => rows().filter({ hasText: issuer });
  const errors = () => page.getByTestId('error').allInnerTexts();

  /** The issuers in the popup, top to bottom (a fresh popup each time). */
  async function popupOrder(): Promise<string[]> {
    const popup = await PopupPage.open(browser);
    await popup.accounts().first().waitFor();
    const issuers = await popup.page.getByTestId('account-issuer').allInnerTexts();
    await popup.page.close();
    return issuers;
  }

  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(browser.url('manage.html'));
    await page.getByTestId('password-new').fill(PASSWORD);
    await page.getByTestId('password-confirm').fill(PASSWORD);
    await page.getByTestId('password-create').click();
    await page.getByTestId('settings-autolock').waitFor();
    const secrets = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'];
    for (const [i, issuer] of ['Alpha', 'Beta', 'Gamma'].entries()) {
      const data = { issuer, name: 'taro', secret: secrets[i]!, type: 'totp' as const };
      const added = await sendFromPage(page, 'accounts.add', {
        data: { ...data, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: [] },
      });
      expect(added.ok).toBe(true);
    }
    await page.reload();
    await rows().nth(2).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('renames an account and binds a site; the popup shows the new name', async () => {
    await row('Alpha').getByTestId('account-edit').click();
    await page.getByTestId('edit-issuer').fill('Alpha Renamed');
    await page.getByTestId('edit-site-input').fill(`${SITE}/auth/login`);
    await page.getByTestId('edit-site-add').click();
    await page.getByTestId('edit-save').click();
    await expect.poll(() => row('Alpha Renamed').count()).toBe(1);
    await expect(row('Alpha Renamed').innerText()).resolves.toContain('login.example.com');
    await expect(page.getByTestId('manage-accounts').innerText()).resolves.not.toMatch(/JBSWY3/);
    await expect(popupOrder()).resolves.toEqual(['Alpha Renamed', 'Beta', 'Gamma']);
  });

  it('asks before binding an account to a second site, naming both hosts', async () => {
    const sibling = 'https://evil.kosmo-web.jp';
    const sites = async () =>
      (await row('Alpha Renamed').innerText()).includes('evil.kosmo-web.jp');
    await row('Alpha Renamed').getByTestId('account-edit').click();
    await page.getByTestId('edit-site-input').fill(sibling);
    await page.getByTestId('edit-save').click();
    const question = page.getByTestId('bind-confirm-text');
    await question.waitFor();
    expect(await question.innerText()).toMatch(/login\.example\.com[\s\S]*evil\.kosmo-web\.jp/);
    await page.getByTestId('bind-cancel').click();
    // Back in the editor with what was typed; cancelling the editor keeps the old sites.
    await page.getByTestId('edit-cancel').click();
    await expect.poll(() => page.getByTestId('account-editor').count()).toBe(0);
    expect(await sites()).toBe(false);

    await row('Alpha Renamed').getByTestId('account-edit').click();
    await page.getByTestId('edit-site-input').fill(sibling);
    await page.getByTestId('edit-save').click();
    await page.getByTestId('bind-confirm').click();
    await expect.poll(sites).toBe(true);
    await row('Alpha Renamed').getByTestId('account-edit').click();
    await page.getByTestId('edit-site-remove').last().click();
    await page.getByTestId('edit-save').click();
    await expect.poll(sites).toBe(false);
  });

  it('refuses an address that is not a site, and keeps the form open', async () => {
    await row('Beta').getByTestId('account-edit').click();
    await page.getByTestId('edit-site-input').fill('not a site');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => errors()).toContainEqual(expect.stringMatching(/not a site address/));
    // An http:// site could never get a code (content scripts run on https only): it says so.
    await page.getByTestId('edit-site-input').fill('http://intranet.example.com/login');
    await page.getByTestId('edit-site-add').click();
    await expect.poll(() => errors()).toContainEqual(expect.stringMatching(/http:\/\/ address/));
    await page.getByTestId('edit-cancel').click();
    await expect.poll(() => page.getByTestId('account-editor').count()).toBe(0);
  });

  it('pinning moves an account first in the popup', async () => {
    await row('Gamma').getByTestId('account-pin').click();
    await expect.poll(() => rows().first().innerText()).toMatch(/Gamma/);
    await expect(popupOrder()).resolves.toEqual(['Gamma', 'Alpha Renamed', 'Beta']);
  });

  it('reorders with Alt+↓ on a focused row, which keeps the focus', async () => {
    await row('Alpha Renamed').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rows().nth(2).innerText()).toMatch(/Alpha Renamed/);
    await expect(popupOrder()).resolves.toEqual(['Gamma', 'Beta', 'Alpha Renamed']);
    // Still focused: a second press moves it again, but never above the pinned account.
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => rows().nth(1).innerText()).toMatch(/Alpha Renamed/);
    await expect(popupOrder()).resolves.toEqual(['Gamma', 'Alpha Renamed', 'Beta']);
  });

  it('reorders by dragging a row onto another', async () => {
    await row('Beta').dragTo(row('Alpha Renamed'));
    await expect.poll(() => rows().nth(1).innerText()).toMatch(/Beta/);
    await expect(popupOrder()).resolves.toEqual(['Gamma', 'Beta', 'Alpha Renamed']);
  });

  it('stores the auto-lock and clipboard settings at once, and they survive a reload', async () => {
    await page.getByTestId('settings-autolock').selectOption('5');
    await page.getByTestId('settings-saved').waitFor();
    await page.getByTestId('settings-clipboard').selectOption('60');
    await page.getByTestId('settings-autofill').uncheck();
    await page.getByTestId('settings-device-name').fill('Home PC');
    await page.getByTestId('settings-device-name').blur();
    await expect
      .poll(async () => (await storedLocal(page)).settings)
      .toMatchObject({
        autoLockMinutes: 5,
        clipboardSeconds: 60,
        autoFill: false,
        deviceName: 'Home PC',
      });
    await page.reload();
    await expect.poll(() => page.getByTestId('settings-autolock').inputValue()).toBe('5');
    await expect(page.getByTestId('settings-clipboard').inputValue()).resolves.toBe('60');
    await expect(page.getByTestId('settings-autofill').isChecked()).resolves.toBe(false);
    await expect(page.getByTestId('settings-device-name').inputValue()).resolves.toBe('Home PC');
  });

  it('changes the master password: afterwards only the new one unlocks', async () => {
    await page.getByTestId('password-old').fill('not-the-password');
    await page.getByTestId('password-change-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-change-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('password-change-submit').click();
    await expect
      .poll(() => errors(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/Wrong password/));

    await page.getByTestId('password-old').fill(PASSWORD);
    await page.getByTestId('password-change-submit').click();
    await page.getByTestId('password-changed').waitFor();

    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-password').fill(PASSWORD);
    await page.getByTestId('unlock-submit').click();
    await expect
      .poll(() => errors(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/Wrong password/));
    await page.getByTestId('unlock-password').fill(NEW_PASSWORD);
    await page.getByTestId('unlock-submit').click();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(3);
  });

  it('deletes nothing when the confirmation word is wrong', async () => {
    await page.evaluate(
      (site) =>
        (globalThis as unknown as StorageGlobals).chrome.storage.local.set({
          enabledSites: [site],
        }),
      SITE,
    );
    await page.getByTestId('wipe-start').click();
    await page.getByTestId('wipe-password').fill(NEW_PASSWORD);
    await page.getByTestId('wipe-confirmation').fill('delete it');
    await page.getByTestId('wipe-submit').click();
    await expect.poll(() => errors()).toContainEqual(expect.stringMatching(/Nothing was deleted/));
    await expect(rows().count()).resolves.toBe(3);
    const refused = await sendFromPage(page, 'vault.wipe', {
      confirmation: 'yes',
      password: NEW_PASSWORD,
    });
    expect(refused.ok).toBe(false);
    // The right word is not enough: the worker checks the master password too.
    await page.getByTestId('wipe-password').fill('not the master password');
    await page.getByTestId('wipe-confirmation').fill('DELETE');
    await page.getByTestId('wipe-submit').click();
    await expect
      .poll(() => errors(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/Wrong password/));
    await expect(rows().count()).resolves.toBe(3);
    const noPassword = await sendFromPage(page, 'vault.wipe', { confirmation: 'DELETE' } as never);
    expect(noPassword.ok).toBe(false);
    await expect(sendFromPage(page, 'vault.status', undefined)).resolves.toEqual({
      ok: true,
      value: 'unlocked',
    });
  });

  it('deletes everything after the typed word and starts over, keeping the settings', async () => {
    await page.getByTestId('wipe-password').fill(NEW_PASSWORD);
    await page.getByTestId('wipe-confirmation').fill('DELETE');
    await page.getByTestId('wipe-submit').click();
    await page.getByTestId('password-new').waitFor();
    const local = await storedLocal(page);
    expect(local.enabledSites).toBeUndefined();
    expect(local.settings).toMatchObject({ autoLockMinutes: 5 });
    const popup = await PopupPage.open(browser);
    await popup.byTestId('password-new').waitFor();
    await popup.page.close();
  });
});

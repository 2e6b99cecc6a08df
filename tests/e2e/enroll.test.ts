import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'enroll-test-password';

describe('one click on the Keycloak setup page', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica();
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  /** Logs a fresh user in to the setup page of `theme`, in QR or manual mode. */
  async function setupPage(user: string, theme: 'v1' | 'v2', mode: 'qr' | 'manual') {
    await replicaHook(replica.server.url, '/__test/user', { user });
    const site = await KosmoSite.open(browser.context, theme);
    await site.login(user);
    if (mode === 'manual') await site.page.locator('#mode-manual').click();
    await site.page.locator('#kc-totp-settings-form').waitFor();
    return site;
  }

  it.each([
    ['v1', 'qr'],
    ['v1', 'manual'],
    ['v2', 'qr'],
    ['v2', 'manual'],
  ] as const)(
    'theme %s, %s mode: stores, fills both fields, and 実行 is accepted',
    async (theme, mode) => {
      const user = `enroll-${theme}-${mode}`;
      const site = await setupPage(user, theme, mode);
      await awayFromStepEdge();
      await site.page.getByTestId('enroll').click();

      const totp = site.page.locator('#totp');
      await expect.poll(() => totp.inputValue()).toMatch(/^\d{6}$/);
      expect(await totp.inputValue()).toBe(
        oathtoolTotp(await setupKeyOf(replica.server.url, user)),
      );
      expect(await site.page.locator('#userLabel').inputValue()).toBe('PC Authenticator (Chrome)');
      expect(await site.page.evaluate(() => document.activeElement?.id)).toBe('saveTOTPBtn');
      await expect(site.page.getByRole('status').innerText()).resolves.toMatch(/Added/);

      await site.page.locator('#saveTOTPBtn').click();
      await expect.poll(() => site.signedIn().count()).toBe(1);
      await popup.page.reload();
      await expect.poll(() => popup.page.getByText(user).count()).toBe(1);
    },
  );

  it('takes the secret of the page as it is now (Keycloak before 24 makes one per render)', async () => {
    const user = 'enroll-per-render';
    await replicaHook(replica.server.url, '/__test/user', { user });
    const site = await KosmoSite.open(browser.context, 'v1', '&secret=render');
    await site.login(user);
    await site.page.reload();
    await site.page.reload();
    await awayFromStepEdge();
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
    expect(await site.page.locator('#totp').inputValue()).toBe(
      oathtoolTotp(await setupKeyOf(replica.server.url, user)),
    );
    await site.page.locator('#saveTOTPBtn').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });

  it('says so when the same key is already stored, and still fills the code', async () => {
    const user = 'enroll-duplicate';
    const site = await setupPage(user, 'v1', 'qr');
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.getByRole('status').innerText()).toMatch(/Added/);
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    const before = await popup.accounts().count();
    await site.page.reload();
    await site.page.getByTestId('enroll').click();
    await expect
      .poll(() => site.page.getByRole('status').innerText())
      .toMatch(/already registered/);
    await expect.poll(() => site.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(before);
  });

  it('asks to unlock a locked vault, then carries on by itself', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    const user = 'enroll-locked';
    const site = await setupPage(user, 'v2', 'qr');
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.getByRole('status').innerText()).toMatch(/locked/);
    expect(await site.page.locator('#totp').inputValue()).toBe('');

    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('popup.html'));
    await site.page.getByTestId('enroll-unlock').click();
    const unlock = new PopupPage(await opened);
    await unlock.unlock(PASSWORD);

    // The unlock may end near a step edge and the page renews its code at each step: compare
    // the field with the code of the same moment, not with one read a step later.
    const key = await setupKeyOf(replica.server.url, user);
    const totp = site.page.locator('#totp');
    await expect
      .poll(async () => ({ filled: await totp.inputValue(), now: oathtoolTotp(key) }), {
        timeout: 15_000,
      })
      .toSatisfy(({ filled, now }) => filled === now);
  });

  it('fills the device name chosen in the settings', async () => {
    await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ settings: { deviceName: '自宅のPC' } }),
    );
    const site = await setupPage('enroll-device-name', 'v1', 'qr');
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.locator('#userLabel').inputValue()).toBe('自宅のPC');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { addSeededAccount } from './support/seeded-account';
import { afterStepOf, awayFromStepEdge, oathtoolTotp, recentTotps } from './support/oathtool';
import { domText } from './support/page-dom';
import { PopupPage } from './support/popup-page';

const LOOKALIKE = 'https://densenkenpo.portal.kosmo-web.jp.example.com';

describe('filling the code on the KOSMO login page', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;
  let user2Key = '';
  // When user2's code last left with a form: Keycloak refuses that step's code again, and the
  // extension waits for the next step (see used-codes.test.ts), as a user logging in again would.
  let user2Submitted = 0;

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: true });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    await replica.attach(browser.context, LOOKALIKE);
    popup = await PopupPage.open(browser);
    await popup.createPassword('autofill-test-password');
    user2Key = await addSeededAccount(popup.page, replica.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  const setAutoFill = (autoFill: boolean) =>
    popup.page.evaluate(
      (value) =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(v: object): Promise<void> } } };
          }
        ).chrome.storage.local.set({ settings: { autoFill: value } }),
      autoFill,
    );

  it.each(['v1', 'v2'] as const)(
    'fills automatically in theme %s and the replica accepts',
    async (theme) => {
      await afterStepOf(user2Submitted);
      await awayFromStepEdge(8);
      const site = await KosmoSite.open(browser.context, theme);
      await site.login('user2');
      const otp = site.page.locator('#otp');
      await expect.poll(() => otp.inputValue(), { timeout: 5000 }).toMatch(/^\d{6}$/);
      expect(await otp.inputValue()).toBe(oathtoolTotp(user2Key));
      await site.page.getByTestId('badge').waitFor();
      // Filled, never submitted: the user presses ログイン.
      expect(await site.signedIn().count()).toBe(0);
      await site.page.locator('#kc-login').click();
      user2Submitted = Date.now();
      await expect.poll(() => site.signedIn().count()).toBe(1);
    },
  );

  it('submits by itself only when the user turned that on', async () => {
    await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ settings: { autoFill: true, submitAfterFill: true } }),
    );
    await afterStepOf(user2Submitted);
    await awayFromStepEdge(8);
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('user2');
    await expect.poll(() => site.signedIn().count(), { timeout: 8000 }).toBe(1);
    user2Submitted = Date.now();
    await setAutoFill(true);
  });

  it('fills a field that appears a second after the page loaded', async () => {
    await afterStepOf(user2Submitted);
    await awayFromStepEdge(8);
    const page = await browser.context.newPage();
    await page.goto(`${KOSMO_ORIGIN}/__test/late-otp?delay=1000`);
    const otp = page.locator('#otp');
    await otp.waitFor();
    await expect.poll(() => otp.inputValue(), { timeout: 5000 }).toBe(oathtoolTotp(user2Key));
  });

  it('gives no badge and no code to a CSP-sandboxed page on the bound origin', async () => {
    await awayFromStepEdge(8);
    const page = await browser.context.newPage();
    await page.goto(`${KOSMO_ORIGIN}/__test/late-otp?delay=0&sandbox=1`);
    expect(await page.evaluate(() => globalThis.origin)).toBe('null');
    const otp = page.locator('#otp');
    await otp.waitFor();
    await page.waitForTimeout(2000);
    expect(await otp.inputValue()).toBe('');
    expect(await page.getByTestId('badge').count()).toBe(0);
    expect(await domText(page)).not.toContain(oathtoolTotp(user2Key));
    await page.close();
  });

  it('fills on a click of the badge when automatic fill is off', async () => {
    await setAutoFill(false);
    await afterStepOf(user2Submitted);
    await awayFromStepEdge(8);
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('user2');
    await site.page.getByTestId('badge').waitFor();
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    await site.page.getByTestId('badge-fill').click();
    await expect.poll(() => site.page.locator('#otp').inputValue()).toBe(oathtoolTotp(user2Key));
    await setAutoFill(true);
  });

  it('fills from the popup’s 「このページに入力」', async () => {
    await setAutoFill(false);
    await afterStepOf(user2Submitted);
    await awayFromStepEdge(8);
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.login('user2');
    await site.page.getByTestId('badge').waitFor();
    const tabs = await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
        }
      ).chrome.tabs.query({}),
    );
    const tab = tabs.filter((t) => t.url?.includes('login-actions')).at(-1)!;
    const control = await browser.context.newPage();
    await control.goto(browser.url(`popup.html?tab=${tab.id}`));
    await control.getByTestId('fill-page').click();
    await expect.poll(() => site.page.locator('#otp').inputValue()).toBe(oathtoolTotp(user2Key));
    await control.close();
    await setAutoFill(true);
  });

  it('with two devices, picks the one enrolled here and selects it in the chooser', async () => {
    const phoneKey = 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU';
    await replicaHook(replica.server.url, '/__test/device', {
      user: 'multi',
      label: 'スマートフォン',
      secret: phoneKey,
    });
    await setAutoFill(false);
    // Sign in with the phone, then set up this PC as a second device (Keycloak's kc_action).
    for (const theme of ['v2'] as const) {
      const setup = await KosmoSite.open(browser.context, theme, '&kc_action=CONFIGURE_TOTP');
      await setup.login('multi');
      await setup.submitOtp(oathtoolTotp(phoneKey));
      await setup.page.getByTestId('enroll').click();
      await expect.poll(() => setup.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
      await setup.page.locator('#saveTOTPBtn').click();
      await expect.poll(() => setup.signedIn().count()).toBe(1);
      await setup.page.close();
    }
    await setAutoFill(true);
    // The setup just used this step's code of the new account.
    await afterStepOf(Date.now());
    await awayFromStepEdge(8);

    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('multi');
    // The phone comes first and is selected; the extension switches to its own device.
    await expect
      .poll(() => site.page.locator('#otp').inputValue(), { timeout: 5000 })
      .toMatch(/^\d{6}$/);
    expect(await site.page.locator('#otp').inputValue()).not.toBe(oathtoolTotp(phoneKey));
    await expect(
      site.page.locator('.pf-m-selected .pf-v5-c-tile__title').innerText(),
    ).resolves.toBe('PC Authenticator (Chrome)');
    await site.page.locator('#kc-login').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });

  it('never fills, nor shows a code on, a lookalike host', async () => {
    const site = await KosmoSite.open(browser.context, 'v1', '', LOOKALIKE);
    await site.login('user2');
    await site.page.locator('#otp').waitFor();
    await site.page.waitForTimeout(1500);
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    expect(await site.page.getByTestId('badge').count()).toBe(0);
    expect(await domText(site.page)).not.toContain(oathtoolTotp(user2Key));
  });

  it('never fills the e-mail OTP page', async () => {
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.login('mailuser');
    await site.page.locator('[name="resend"]').waitFor();
    await site.page.waitForTimeout(1500);
    expect(await site.page.getByTestId('badge').count()).toBe(0);
    expect(await domText(site.page)).not.toContain(oathtoolTotp(user2Key));
  });

  it('gives nothing to a cross-origin iframe showing the OTP page', async () => {
    const page = await browser.context.newPage();
    await page.route('https://embedder.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe src="${KOSMO_ORIGIN}/__test/late-otp?delay=0" width=600 height=600></iframe>`,
      }),
    );
    await page.goto('https://embedder.example/');
    const frame = page.frameLocator('iframe');
    await frame.locator('#otp').waitFor();
    await page.waitForTimeout(1500);
    expect(await frame.locator('#otp').inputValue()).toBe('');
    expect(await frame.getByTestId('badge').count()).toBe(0);
  });

  it('says it is locked and fills nothing; once unlocked, fills the named user’s own code', async () => {
    await popup.page.reload();
    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('user2');
    const badge = site.page.getByTestId('badge');
    await expect.poll(() => badge.innerText().catch(() => '')).toMatch(/locked/);
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    expect(await domText(site.page)).not.toContain(oathtoolTotp(user2Key));
    await popup.unlock('autofill-test-password');
    // Two accounts are bound to KOSMO by now (user2 and multi): the page names user2, so user2's
    // code, no chooser and never multi's.
    await expect
      .poll(() => site.page.locator('#otp').inputValue(), { timeout: 8000 })
      .toSatisfy((filled: string) => recentTotps(user2Key).includes(filled));
    expect(await site.page.getByTestId('badge-choice').count()).toBe(0);
  });
});

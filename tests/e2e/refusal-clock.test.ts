import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const SKEW_MS = 95_000; // the server runs 95 s ahead: three 30 s steps, codes are refused

describe.each(['v1', 'v2'] as const)('a code refused for the clock, theme %s', (theme) => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: false, clockSkewMs: SKEW_MS, theme });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword('refusal-clock-password');
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('the setup page says the clock is off; one click corrects it and the code is accepted', async () => {
    const user = `clock-${theme}`;
    await replicaHook(replica.server.url, '/__test/user', { user });
    const site = await KosmoSite.open(browser.context, theme);
    await site.login(user);
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
    await site.page.locator('#saveTOTPBtn').click();
    await site.page.waitForLoadState();

    const reason = site.page.getByTestId('badge-reason');
    await expect
      .poll(() => reason.innerText(), { timeout: 10_000 })
      .toMatch(/refused because this PC's clock is off/);
    expect(await reason.innerText()).toMatch(
      /9\d\sseconds behind densenkenpo\.portal\.kosmo-web\.jp/,
    );
    await site.page.getByTestId('badge-reason-fix').click();
    await expect.poll(() => reason.innerText()).toMatch(/Corrected\./);

    // The same key (Keycloak keeps it for the session): the button fills the corrected code.
    const key = await setupKeyOf(replica.server.url, user);
    await awayFromStepEdge(6, SKEW_MS);
    await site.page.getByTestId('enroll').click();
    await expect
      .poll(() => site.page.locator('#totp').inputValue())
      .toBe(oathtoolTotp(key, Date.now() + SKEW_MS));
    await site.page.locator('#saveTOTPBtn').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    expect(await popup.byTestId('account-pending').count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

// Keycloak's default: a code's step is refused once used.
describe.each(['v1', 'v2'] as const)('a setup page’s account, theme %s', (theme) => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: false, theme });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword('setup-lifecycle-password');
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  const newUser = async (user: string) => replicaHook(replica.server.url, '/__test/user', { user });
  const rowsOf = (user: string) => popup.accounts().filter({ hasText: user });

  it('an abandoned setup, then a new one: one account, 「未確定」 until its code is accepted', async () => {
    const user = `abandoned-${theme}`;
    await newUser(user);
    // Added, never submitted: the user went away.
    const first = await KosmoSite.open(browser.context, theme);
    await first.login(user);
    await first.page.getByTestId('enroll').click();
    await expect.poll(() => first.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
    const firstKey = await setupKeyOf(replica.server.url, user);
    await first.page.close();
    await popup.page.reload();
    await expect.poll(() => rowsOf(user).count()).toBe(1);
    expect(await rowsOf(user).getByTestId('account-pending').innerText()).toBe('Not confirmed');

    // A new login makes a new key (Keycloak keeps one per login session).
    const second = await KosmoSite.open(browser.context, theme);
    await second.login(user);
    const key = await setupKeyOf(replica.server.url, user);
    expect(key).not.toBe(firstKey);
    await awayFromStepEdge(6);
    await second.page.getByTestId('enroll').click();
    await expect.poll(() => second.page.locator('#totp').inputValue()).toBe(oathtoolTotp(key));
    await popup.page.reload();
    // Replaced, not added beside: one row, still pending, with the new key's codes.
    await expect.poll(() => rowsOf(user).count()).toBe(1);
    expect(await rowsOf(user).getByTestId('account-pending').count()).toBe(1);

    await second.page.locator('#saveTOTPBtn').click();
    await expect.poll(() => second.signedIn().count()).toBe(1);
    await expect
      .poll(async () => {
        await popup.page.reload();
        await rowsOf(user).first().waitFor();
        return rowsOf(user).getByTestId('account-pending').count();
      })
      .toBe(0);
    expect(await rowsOf(user).count()).toBe(1);
    await awayFromStepEdge(6);
    const shown = await rowsOf(user).getByTestId('account-code').innerText();
    expect(shown.replace(/\s/g, '')).toBe(oathtoolTotp(key));
  });

  it('keeps the setup page’s code fresh: accepted after 25 s of 10 s steps', async () => {
    const user = `fresh-${theme}`;
    await newUser(user);
    // 10 s steps, so 25 s is past Keycloak's one step of look-around: a stale code is refused.
    const site = await KosmoSite.open(browser.context, theme, '&otp_period=10');
    await site.login(user);
    await site.page.getByTestId('enroll').click();
    const totp = site.page.locator('#totp');
    await expect.poll(() => totp.inputValue()).toMatch(/^\d{6}$/);
    const filled = await totp.inputValue();
    await site.page.waitForTimeout(25_000);

    const key = await setupKeyOf(replica.server.url, user);
    const before = Date.now();
    const value = await totp.inputValue();
    const after = Date.now();
    expect(value).not.toBe(filled);
    // The current code, or in a step's last 3 s the next one (Keycloak takes both).
    const good = [before, after].flatMap((t) => [
      oathtoolTotp(key, t, 10),
      oathtoolTotp(key, t + 10_000, 10),
    ]);
    expect(good).toContain(value);
    await site.page.locator('#saveTOTPBtn').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { addBoundAccount, deleteAllAccounts } from './support/vault-accounts';

const step = (ms: number) => Math.floor(ms / 30_000);

// The replica refuses a code of a step already used, as Keycloak does by default.
describe('codes Keycloak refuses: used steps and a wrong key', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: false });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword('used-codes-password');
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it.each(['v1', 'v2'] as const)(
    'theme %s: a login right after the setup waits for the next step, and its code is accepted',
    async (theme) => {
      await deleteAllAccounts(popup.page);
      const user = `again-${theme}`;
      await replicaHook(replica.server.url, '/__test/user', { user });
      const setup = await KosmoSite.open(browser.context, theme);
      await setup.login(user);
      // Early in a step, so the login below still falls in the setup's step.
      await awayFromStepEdge(22);
      await setup.page.getByTestId('enroll').click();
      await expect.poll(() => setup.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
      const key = await setupKeyOf(replica.server.url, user);
      const setupCode = await setup.page.locator('#totp').inputValue();
      await setup.page.locator('#saveTOTPBtn').click();
      await expect.poll(() => setup.signedIn().count()).toBe(1);
      const setupAt = Date.now();

      // The popup says so beside the account too.
      await popup.page.reload();
      await expect
        .poll(() => popup.accounts().getByTestId('account-wait').innerText())
        .toMatch(/^Waiting for the next code \(\d+ s\)$/);

      const login = await KosmoSite.open(browser.context, theme);
      await login.login(user);
      const otp = login.page.locator('#otp');
      await expect
        .poll(() => login.page.getByTestId('badge').innerText())
        .toMatch(/Waiting for the next code \(\d+ s\)/);
      expect(step(Date.now())).toBe(step(setupAt));
      expect(await otp.inputValue()).toBe('');

      await expect.poll(() => otp.inputValue(), { timeout: 35_000 }).toMatch(/^\d{6}$/);
      expect(step(Date.now())).toBe(step(setupAt) + 1);
      expect(await otp.inputValue()).not.toBe(setupCode);
      expect(await otp.inputValue()).toBe(oathtoolTotp(key));
      await login.page.locator('#kc-login').click();
      await expect.poll(() => login.signedIn().count()).toBe(1);
    },
  );

  it.each(['v1', 'v2'] as const)(
    'theme %s: a key KOSMO does not have is refused twice, and the badge says what to do',
    async (theme) => {
      await deleteAllAccounts(popup.page);
      const user = `wrong-${theme}`;
      await replicaHook(replica.server.url, '/__test/device', {
        user,
        label: 'PC Authenticator (Chrome)',
        secret: 'ONSWG4TFORZWK3DJMVXGG3DJMVXGQ2LU',
      });
      // Typed in from an old note: not the key KOSMO has.
      await addBoundAccount(popup.page, user, 'MFRGGZDFMZTWQ2LKNBSWY3DP');
      const site = await KosmoSite.open(browser.context, theme);
      await site.login(user);
      const otp = site.page.locator('#otp');
      const reason = site.page.getByTestId('badge-reason');
      const expected = [
        /The code was refused\. The clock is right and the code was not used before\./,
        /most likely not the one densenkenpo\.portal\.kosmo-web\.jp has/,
      ];
      for (const text of expected) {
        await expect.poll(() => otp.inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
        await site.page.locator('#kc-login').click();
        await site.page.waitForLoadState();
        await expect.poll(() => reason.innerText(), { timeout: 10_000 }).toMatch(text);
        expect(await site.signedIn().count()).toBe(0);
      }
    },
  );
});

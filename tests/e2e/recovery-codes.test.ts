import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { awayFromStepEdge } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { findInProfile } from './support/profile-scan';

const PASSWORD = 'recovery-codes-test';
const USER = 'recoveryuser';

interface ReplicaState {
  users: { username: string; recovery: { codes: string[]; next: number } | null }[];
  sessions: { username: string | null; recoveryCodes: string[] | null; createdAt: string }[];
}

/** Keycloak's recovery codes: saved from the setup page, shown on the manage page, used at login. */
describe('Keycloak recovery codes', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let codes: string[] = [];

  const state = () => replicaHook<ReplicaState>(replica.server.url, '/__test/state');
  const recoveryOf = async () => (await state()).users.find((u) => u.username === USER)?.recovery;
  /** The control our content script puts on a page (open shadow root). */
  const control = (page: Page, testid: string) => page.getByTestId(testid);
  /** What a page's own script can do: find our control in its open shadow root and click it. */
  const scriptClick = (page: Page, testid: string) =>
    page.evaluate((id) => {
      for (const el of document.querySelectorAll('*')) {
        const target = el.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        if (!target) continue;
        target.click();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return true;
      }
      return false;
    }, testid);

  beforeAll(async () => {
    replica = await startReplica({ theme: 'v2' });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await popup.page.close();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('saves the codes of the setup page on a click, with the account just set up', async () => {
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login(USER);
    await awayFromStepEdge();
    await site.page.getByTestId('enroll').click();
    // Reading the page's QR code and storing the account take a while on a loaded machine.
    await expect
      .poll(() => site.page.locator('#totp').inputValue(), { timeout: 10_000 })
      .toMatch(/^\d{6}$/);
    await site.page.locator('#saveTOTPBtn').click();
    await site.page.locator('#kc-recovery-codes-list').waitFor();

    const mine = (await state()).sessions.filter((s) => s.username === USER && s.recoveryCodes);
    codes = mine.at(-1)?.recoveryCodes ?? [];
    expect(codes).toHaveLength(12);
    expect(await scriptClick(site.page, 'recovery-save')).toBe(true);
    await site.page.waitForTimeout(1500);
    expect(await site.page.locator('pc-authenticator-recovery p').textContent()).toBe('');
    await control(site.page, 'recovery-save').click();
    await expect
      .poll(() => site.page.getByRole('status').innerText())
      .toMatch(
        /Saved 12 recovery codes with .*recoveryuser.* \(for densenkenpo\.portal\.kosmo-web\.jp\)/,
      );

    await site.page.locator('#kcRecoveryCodesConfirmationCheck').check();
    await site.page.locator('#saveRecoveryAuthnCodesBtn').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
    expect(await recoveryOf()).toEqual({ codes, next: 0 });
    await site.page.close();
  });

  it('shows how many are saved, and the codes only after the master password', async () => {
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const row = manage.getByTestId('manage-account').filter({ hasText: USER });
    await expect
      .poll(() => row.getByTestId('manage-account-recovery').innerText(), { timeout: 10_000 })
      .toContain('Recovery codes: 12 of 12 unused');
    expect(await manage.content()).not.toContain(codes[0]);

    await row.getByTestId('recovery-show').click();
    await row.getByTestId('recovery-password').fill('not the password');
    await row.getByTestId('recovery-open').click();
    await expect.poll(() => row.getByTestId('error').count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getByTestId('recovery-code').count()).toBe(0);

    await row.getByTestId('recovery-password').fill(PASSWORD);
    await row.getByTestId('recovery-open').click();
    const shown = row.getByTestId('recovery-code');
    await expect.poll(() => shown.count(), { timeout: 10_000 }).toBe(12);
    const texts = await row.locator('.recovery-code-text').allInnerTexts();
    expect(texts.map((text) => text.replace(/-/g, ''))).toEqual(codes);
    await row.getByTestId('recovery-hide').click();
    expect(await row.getByTestId('recovery-code').count()).toBe(0);
    await manage.close();
  });

  /** Logs in with the password, then asks for a recovery code instead of the OTP. */
  async function recoveryPage() {
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login(USER);
    await site.page.locator('#try-another-way').click();
    await site.page.locator('#kc-recovery-code-login-form').waitFor();
    return site;
  }

  it('offers the next code at login, fills it on a click only, and marks it used', async () => {
    const site = await recoveryPage();
    const fill = control(site.page, 'recovery-fill');
    await expect.poll(() => fill.innerText(), { timeout: 10_000 }).toBe('Fill in recovery code #1');
    // Precious: never filled by itself, nor by the page's script.
    expect(await scriptClick(site.page, 'recovery-fill')).toBe(true);
    await site.page.waitForTimeout(1500);
    expect(await site.page.locator('#recoveryCodeInput').inputValue()).toBe('');
    await fill.click();
    await expect.poll(() => site.page.locator('#recoveryCodeInput').inputValue()).toBe(codes[0]);
    await site.page.locator('#kc-login').click();
    await expect.poll(() => site.signedIn().count()).toBe(1);
    expect((await recoveryOf())?.next).toBe(1);
    await site.page.close();

    const next = await recoveryPage();
    const again = control(next.page, 'recovery-fill');
    await expect
      .poll(() => again.innerText(), { timeout: 10_000 })
      .toBe('Fill in recovery code #2');
    await again.click();
    await expect.poll(() => next.page.locator('#recoveryCodeInput').inputValue()).toBe(codes[1]);
    await next.page.locator('#kc-login').click();
    await expect.poll(() => next.signedIn().count()).toBe(1);
    expect((await recoveryOf())?.next).toBe(2);
    await next.page.close();

    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const row = manage.getByTestId('manage-account').filter({ hasText: USER });
    await expect
      .poll(() => row.getByTestId('manage-account-recovery').innerText(), { timeout: 10_000 })
      .toContain('Recovery codes: 10 of 12 unused');
    await manage.close();
  });

  it('keeps a code the site refused unused', async () => {
    const site = await recoveryPage();
    const fill = control(site.page, 'recovery-fill');
    await expect.poll(() => fill.innerText(), { timeout: 10_000 }).toBe('Fill in recovery code #3');
    await fill.click();
    await expect.poll(() => site.page.locator('#recoveryCodeInput').inputValue()).toBe(codes[2]);
    // The site takes the code in the meantime another way (a used code is refused).
    replica.server.users.get(USER)!.recovery!.next = 3;
    await site.page.locator('#kc-login').click();
    await site.page.locator('#recoveryCodeInput[aria-invalid="true"]').waitFor();
    await expect
      .poll(() => control(site.page, 'recovery-fill').innerText(), { timeout: 10_000 })
      .toBe('Fill in recovery code #4');
    await site.page.close();

    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const row = manage.getByTestId('manage-account').filter({ hasText: USER });
    await expect
      .poll(() => row.getByTestId('manage-account-recovery').innerText(), { timeout: 10_000 })
      .toContain('Recovery codes: 10 of 12 unused');
    await manage.close();
  });

  it('prints the unused codes on the emergency kit, only when asked and after the password', async () => {
    const kit = await browser.context.newPage();
    await kit.goto(browser.url('emergency-kit.html'));
    await kit.getByTestId('kit-recovery-key').waitFor({ timeout: 10_000 });
    expect(await kit.getByTestId('kit-code').count()).toBe(0);
    expect(await kit.content()).not.toContain(codes[5]);

    await kit.getByTestId('kit-codes-toggle').check();
    await kit.getByTestId('kit-accounts-password').fill('not the password');
    await kit.getByTestId('kit-accounts-show').click();
    await expect.poll(() => kit.getByTestId('error').count(), { timeout: 10_000 }).toBe(1);
    expect(await kit.getByTestId('kit-code').count()).toBe(0);

    await kit.getByTestId('kit-accounts-password').fill(PASSWORD);
    await kit.getByTestId('kit-accounts-show').click();
    const printed = kit.getByTestId('kit-code');
    await expect.poll(() => printed.count(), { timeout: 10_000 }).toBe(10);
    // #1 and #2 were used at login: the site would refuse them, so they are not printed.
    const lines = (await printed.allInnerTexts()).map((line) => line.replace(/[\s-]/g, ''));
    expect(lines).toEqual(codes.slice(2).map((code, i) => `#${i + 3}${code}`));
    expect(await kit.getByTestId('kit-codes-account').innerText()).toContain(USER);
    // Only what was asked for: the account keys stay off the sheet.
    expect(await kit.getByTestId('kit-account').count()).toBe(0);
    await kit.emulateMedia({ media: 'print' });
    expect(await printed.first().isVisible()).toBe(true);
    await kit.emulateMedia({ media: 'screen' });

    await kit.getByTestId('kit-accounts-hide').click();
    expect(await kit.getByTestId('kit-code').count()).toBe(0);
    expect(await kit.getByTestId('kit-codes-toggle').isChecked()).toBe(false);
    await kit.close();
  });

  it('leaves no recovery code in plaintext anywhere in the profile', async () => {
    await browser.close();
    const needles = Object.fromEntries(codes.map((code, i) => [`recovery code #${i + 1}`, code]));
    const hits = await findInProfile(browser.profileDir, {
      ...needles,
      "the setup page's form post": `generatedRecoveryAuthnCodes=${codes.join('%2C')}`,
    });
    // Chromium's session restore keeps the body of each page's form post (to resend it when a
    // tab is restored): the site's setup form sends every code in `generatedRecoveryAuthnCodes`.
    // That is the site's own form, not our storage.
    const restore = (hit: string) => hit.startsWith('/Default/Sessions/');
    expect(hits.filter((hit) => !restore(hit))).toEqual([]);
    const restored = hits.filter(restore);
    if (restored.length > 0) expect(restored.join()).toContain("the setup page's form post");
    // The scan itself works: the profile does name the extension.
    const control = await findInProfile(browser.profileDir, {
      'the extension id': browser.extensionId,
    });
    expect(control.length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolHotp, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'popup-test-password';
const KEY_A = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const KEY_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('the popup', () => {
  let browser: ExtensionBrowser;
  let popup: PopupPage;
  let replica: Awaited<ReturnType<typeof startReplica>>;

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

  it('refuses a short or mistyped master password, then creates one', async () => {
    await popup.byTestId('password-new').fill('short');
    await popup.byTestId('password-confirm').fill('short');
    await popup.byTestId('password-create').click();
    await expect(popup.byTestId('error').innerText()).resolves.toMatch(/at least 8/);

    await popup.byTestId('password-new').fill(PASSWORD);
    await popup.byTestId('password-confirm').fill(`${PASSWORD}x`);
    await popup.byTestId('password-create').click();
    await expect(popup.byTestId('error').innerText()).resolves.toMatch(/do not match/);

    await popup.createPassword(PASSWORD);
    await expect(popup.page.getByText('No accounts yet.').count()).resolves.toBe(1);
  });

  it('adds from a pasted otpauth URI with a Japanese issuer', async () => {
    await popup.byTestId('add-account').click();
    await popup.pasteUri(
      `otpauth://totp/%E9%9B%BB%E7%B7%9A%E5%81%A5%E4%BF%9D:taro%40example.jp?secret=${KEY_A}&issuer=%E9%9B%BB%E7%B7%9A%E5%81%A5%E4%BF%9D`,
    );
    await popup.byTestId('add-submit').click();
    const row = popup.accounts().first();
    await expect.poll(() => row.getByTestId('account-issuer').innerText()).toBe('電線健保');
    await expect(row.getByTestId('account-name').innerText()).resolves.toBe('taro@example.jp');
    await awayFromStepEdge();
    await expect(popup.code()).resolves.toBe(oathtoolTotp(KEY_A));
    await expect(row.getByTestId('account-code').innerText()).resolves.toMatch(/^\d{3} \d{3}$/);
  });

  it.each([
    ['a key with a 1 in it', { secret: 'JBSW Y3DP EHPK 3PX1' }, /never contain the digits/],
    ['an empty key', { secret: '' }, /Enter the key/],
    ['the same key again', { secret: KEY_A.toLowerCase() }, /already registered/],
  ])('explains %s and stores nothing', async (_name, { secret }, message) => {
    await popup.byTestId('add-account').click();
    await popup.byTestId('add-issuer').fill('Bad');
    await popup.byTestId('add-secret').fill(secret);
    await popup.byTestId('add-submit').click();
    await expect.poll(() => popup.byTestId('error').innerText()).toMatch(message);
    await popup.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(popup.accounts().count()).resolves.toBe(1);
  });

  it('explains a URI that is not an otpauth one', async () => {
    await popup.byTestId('add-account').click();
    await popup.pasteUri('https://densenkenpo.portal.kosmo-web.jp/');
    await popup.byTestId('add-submit').click();
    await expect.poll(() => popup.byTestId('error').innerText()).toMatch(/otpauth/);
    await popup.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('copies the code without its space, and says so', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: KOSMO_ORIGIN,
    });
    await awayFromStepEdge();
    await popup.page.bringToFront();
    await popup.accounts().first().getByTestId('account-code').click();
    await expect.poll(() => popup.page.getByText('Copied').count()).toBe(1);
    const site = await browser.context.newPage();
    await site.goto(`${KOSMO_ORIGIN}/`);
    const clipboard = await site.evaluate(() => navigator.clipboard.readText());
    await site.close();
    expect(clipboard).toBe(oathtoolTotp(KEY_A));
  });

  it('shows the next code in the last 5 seconds', async () => {
    const left = 30 - (Math.floor(Date.now() / 1000) % 30);
    if (left > 4) await popup.page.waitForTimeout((left - 4) * 1000);
    const next = popup.accounts().first().getByTestId('account-next-code');
    await next.waitFor();
    const digits = (await next.innerText()).replace(/\D/g, '');
    expect(digits).toBe(oathtoolTotp(KEY_A, Date.now() + 30_000));
  });

  it('advances an HOTP counter with 「次のコード」', async () => {
    await sendFromPage(popup.page, 'accounts.add', {
      uri: `otpauth://hotp/Counter:hotp-user?secret=${KEY_B}&counter=5`,
    });
    await popup.page.reload();
    const row = popup.accounts().filter({ hasText: 'hotp-user' });
    await expect.poll(() => row.getByTestId('account-code').innerText()).toMatch(/\d/);
    expect((await row.getByTestId('account-code').innerText()).replace(/\s/g, '')).toBe(
      oathtoolHotp(KEY_B, 5),
    );
    await row.getByTestId('hotp-next').click();
    await expect
      .poll(async () => (await row.getByTestId('account-code').innerText()).replace(/\s/g, ''))
      .toBe(oathtoolHotp(KEY_B, 6));
  });

  it('asks before deleting, and keeps the account on cancel', async () => {
    const row = popup.accounts().filter({ hasText: 'hotp-user' });
    await row.getByTestId('account-delete').click();
    await popup.page.getByRole('button', { name: 'Cancel' }).click();
    await expect(popup.accounts().count()).resolves.toBe(2);
    await row.getByTestId('account-delete').click();
    await popup.byTestId('delete-confirm').click();
    await expect.poll(() => popup.accounts().count()).toBe(1);
  });

  it('searches once there are more than 5 accounts, by keyboard too', async () => {
    await expect(popup.byTestId('search').count()).resolves.toBe(0);
    const keys = ['MFRGGZDFMZTWQ2LK', 'MFRGGZDFMZTWQ2LL', 'MFRGGZDFMZTWQ2LM', 'MFRGGZDFMZTWQ2LN'];
    for (const [i, secret] of keys.entries()) {
      await sendFromPage(popup.page, 'accounts.add', {
        data: { ...account(`Service ${i}`, `user${i}`), secret },
      });
    }
    await sendFromPage(popup.page, 'accounts.add', {
      data: { ...account('ＫＯＳＭＯ Web', 'zenkaku'), secret: 'MFRGGZDFMZTWQ2LO' },
    });
    await popup.page.reload();
    await popup.page.bringToFront();
    await expect.poll(() => popup.accounts().count()).toBe(6);
    // The first paint's rows count too; the keys work once the app has taken over.
    await popup.byTestId('account-delete').first().waitFor();

    await popup.page.locator('body').press('/');
    await expect(
      popup.byTestId('search').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await popup.page.keyboard.type('kosmo');
    await expect.poll(() => popup.accounts().count()).toBe(1);
    await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => popup.page.getByText('Copied').count()).toBe(1);
  });

  it('locks with the button and tells a wrong password apart, slowing down after 5', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await popup.unlock('not the password');
      await expect.poll(() => popup.byTestId('error').innerText()).toMatch(/Wrong password/);
    }
    const waitShown = async () =>
      Number((await popup.byTestId('error').innerText()).match(/Try again in (\d+) seconds/)?.[1]);
    let wait = await waitShown();
    expect(wait).toBeGreaterThan(0);
    // Each further failure doubles the wait. A few more make it long enough that the right
    // password surely comes within it, however slow the machine is at the moment.
    while (wait < 8) {
      await popup.page.waitForTimeout(wait * 1000 + 300);
      await popup.unlock('not the password');
      const before = wait;
      await expect.poll(waitShown, { timeout: 10_000 }).toBeGreaterThan(before);
      wait = await waitShown();
    }
    await popup.unlock(PASSWORD);
    await expect
      .poll(() => popup.byTestId('error').innerText())
      .toMatch(/Too many failed attempts/);
    await popup.page.waitForTimeout((await waitShown()) * 1000 + 500);
    await popup.unlock(PASSWORD);
    await expect.poll(() => popup.accounts().count(), { timeout: 10_000 }).toBe(6);
  });
});

function account(issuer: string, name: string) {
  return {
    issuer,
    name,
    secret: '',
    type: 'totp' as const,
    algorithm: 'SHA1' as const,
    digits: 6,
    period: 30,
    counter: 0,
    sites: [],
  };
}

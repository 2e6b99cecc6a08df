import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { addSeededAccount } from './support/seeded-account';

const PASSWORD = 'scripted-clicks-password';
const SECOND_KEY = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';

/** What a page's own script can do: find our control in its open shadow root and `.click()` it. */
function scriptClick(page: Page, testid: string): Promise<boolean> {
  return page.evaluate((id) => {
    for (const el of document.querySelectorAll('*')) {
      const target = el.shadowRoot?.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (target) {
        target.click();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return true;
      }
    }
    return false;
  }, testid);
}

const settle = (page: Page) => page.waitForTimeout(1500);

function unwrap<T>(reply: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.value;
}

describe('in-page controls act only on the user’s own clicks', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    replica = await startReplica({ codeReusable: true });
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await addSeededAccount(popup.page, replica.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('a scripted click on 「PC Authenticatorに追加」 adds nothing; a real one adds once', async () => {
    const user = 'scripted-enroll';
    await replicaHook(replica.server.url, '/__test/user', { user });
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.login(user);
    await site.page.getByTestId('enroll').waitFor();
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    const before = await popup.accounts().count();

    expect(await scriptClick(site.page, 'enroll')).toBe(true);
    await settle(site.page);
    expect(await site.page.locator('#totp').inputValue()).toBe('');
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    expect(await popup.accounts().count()).toBe(before);

    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.locator('#totp').inputValue()).toMatch(/^\d{6}$/);
    await expect
      .poll(() => site.page.getByRole('status').innerText())
      .toContain('densenkenpo.portal.kosmo-web.jp');
    // The same page load never enrolls twice: a second click says it is already added.
    await site.page.getByTestId('enroll').click();
    await expect.poll(() => site.page.getByRole('status').innerText()).toMatch(/already/);
    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(before + 1);
  });

  it('a scripted click on 「入力」 fills nothing while auto-fill is off; a real one fills', async () => {
    await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({ settings: { autoFill: false } }),
    );
    // A second account of user2 (another device) bound here too: the badge offers both, and a
    // script's pick fills nothing.
    const second = unwrap(
      await sendFromPage(popup.page, 'accounts.add', {
        uri: `otpauth://totp/Phone:user2?secret=${SECOND_KEY}&issuer=Phone`,
      }),
    );
    await sendFromPage(popup.page, 'accounts.bind', {
      id: second.id,
      origin: KOSMO_ORIGIN,
      bound: true,
    });
    await awayFromStepEdge(8);
    const chooser = await KosmoSite.open(browser.context, 'v2');
    await chooser.login('user2');
    await chooser.page.getByTestId('badge-choice').first().waitFor();
    expect(await scriptClick(chooser.page, 'badge-choice')).toBe(true);
    await settle(chooser.page);
    expect(await chooser.page.locator('#otp').inputValue()).toBe('');
    await chooser.page.close();

    // With that account gone, one account fits and the badge offers 「入力」.
    await sendFromPage(popup.page, 'accounts.delete', { id: second.id });
    await awayFromStepEdge(8);
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('user2');
    await site.page.getByTestId('badge-fill').waitFor();
    expect(await scriptClick(site.page, 'badge-fill')).toBe(true);
    await settle(site.page);
    expect(await site.page.locator('#otp').inputValue()).toBe('');

    await site.page.getByTestId('badge-fill').click();
    await expect.poll(() => site.page.locator('#otp').inputValue()).toMatch(/^\d{6}$/);
  });

  it('a scripted click on 「使うアカウントを選ぶ」 or a choice binds nothing; real ones bind', async () => {
    const user = 'scripted-choose';
    const key = 'KRUGS4ZANFZSAYJAKRUGS4ZANFZSAYJA';
    await replicaHook(replica.server.url, '/__test/device', { user, label: 'PC', secret: key });
    const added = unwrap(
      await sendFromPage(popup.page, 'accounts.add', {
        uri: `otpauth://totp/Choose:${user}?secret=${key}&issuer=Choose`,
      }),
    );
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.login(user);
    await site.page.getByTestId('badge-choose').waitFor();
    expect(await scriptClick(site.page, 'badge-choose')).toBe(true);
    await settle(site.page);
    // No list for a script: the accounts' names stay out of the page.
    expect(await site.page.getByTestId('badge-choice').count()).toBe(0);
    await site.page.getByTestId('badge-choose').click();
    await site.page.getByTestId('badge-choice').first().waitFor();
    expect(await scriptClick(site.page, 'badge-choice')).toBe(true);
    await settle(site.page);
    expect(await site.page.locator('#otp').inputValue()).toBe('');
    const bound = async () =>
      unwrap(await sendFromPage(popup.page, 'accounts.list', undefined)).accounts.find(
        (a) => a.id === added.id,
      )?.sites;
    expect(await bound()).toEqual([]);
    await site.page.getByTestId('badge-choice').filter({ hasText: user }).click();
    await expect.poll(() => site.page.locator('#otp').inputValue()).toMatch(/^\d{6}$/);
    expect(await bound()).toEqual([KOSMO_ORIGIN]);
    await site.page.close();
  });

  it('tells the page nothing at start, and a page cannot stop the badge with WXT’s event', async () => {
    await awayFromStepEdge(8);
    const site = await KosmoSite.open(browser.context, 'v2');
    // Every message the page's own window receives from now on (the login page is next).
    await site.page.addInitScript(() => {
      const seen: unknown[] = [];
      Object.assign(window, { seenMessages: seen });
      window.addEventListener('message', (event) => seen.push(event.data));
    });
    await site.login('user2');
    await site.page.getByTestId('badge-fill').waitFor();
    const seen = await site.page.evaluate(
      () => (window as unknown as { seenMessages: unknown[] }).seenMessages,
    );
    expect(JSON.stringify(seen)).not.toContain(browser.extensionId);

    // WXT stops an older copy of a content script when a newer one announces itself with this
    // event on the document; a page that knows the extension's id can send it too.
    await site.page.evaluate((id) => {
      for (const name of ['kosmo', 'sites']) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'page' },
          }),
        );
      }
    }, browser.extensionId);
    await settle(site.page);
    await site.page.getByTestId('badge-fill').click();
    await expect.poll(() => site.page.locator('#otp').inputValue()).toMatch(/^\d{6}$/);
    // The keyboard is the user's too: Enter on the focused button is a trusted click.
    await site.page.locator('#otp').fill('');
    await site.page.getByTestId('badge-fill').press('Enter');
    await expect.poll(() => site.page.locator('#otp').inputValue()).toMatch(/^\d{6}$/);
  });

  it('a scripted click on the locked badge opens no unlock tab', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    const site = await KosmoSite.open(browser.context, 'v1');
    await site.login('user2');
    await site.page.getByTestId('badge-unlock').waitFor();
    const pages = browser.context.pages().length;
    expect(await scriptClick(site.page, 'badge-unlock')).toBe(true);
    await settle(site.page);
    expect(browser.context.pages().length).toBe(pages);

    const opened = browser.context.waitForEvent('page');
    await site.page.getByTestId('badge-unlock').click();
    await expect(opened).resolves.toBeTruthy();
  });
});

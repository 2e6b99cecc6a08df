import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'a11y-test-password';

/** axe's findings on the page as it is now, as `rule: nodes` lines (empty when clean). */
async function findings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Every state of the popup and the manage page a user sees, checked by axe, in both languages. */
describe.each(['ja', 'en'] as const)('axe finds nothing (%s)', (lang) => {
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    browser = await launchWithExtension({ lang });
    popup = await PopupPage.open(browser);
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('in the popup: first run, empty, add form, accounts, confirmation, locked, unlock tab', async () => {
    await popup.byTestId('password-new').waitFor();
    expect(await findings(popup.page)).toEqual([]);
    await popup.createPassword(PASSWORD);
    await popup.byTestId('first-run').waitFor();
    expect(await findings(popup.page)).toEqual([]);

    await popup.byTestId('add-account').click();
    await popup.page.locator('details.advanced > summary').click();
    expect(await findings(popup.page)).toEqual([]);
    await popup.page.keyboard.press('Escape');

    for (const [i, secret] of ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ'].entries()) {
      await sendFromPage(popup.page, 'accounts.add', {
        uri: `otpauth://totp/Service${i}:user${i}?secret=${secret}&issuer=Service${i}`,
      });
    }
    await popup.page.reload();
    await popup.accounts().nth(1).getByTestId('account-code').waitFor();
    expect(await findings(popup.page)).toEqual([]);

    await popup.accounts().first().getByTestId('account-delete').click();
    await popup.byTestId('delete-confirm').waitFor();
    expect(await findings(popup.page)).toEqual([]);
    await popup.page.keyboard.press('Escape');

    await popup.byTestId('lock').click();
    await popup.byTestId('unlock-password').waitFor();
    expect(await findings(popup.page)).toEqual([]);
    // As a page opens it (a tab, naming what asked): the same, with the intro.
    const tab = await browser.context.newPage();
    await tab.goto(browser.url('popup.html?tab=424242'));
    await tab.getByTestId('tab-intro').waitFor();
    expect(await findings(tab)).toEqual([]);
    await tab.close();
    await popup.unlock(PASSWORD);
    await popup.accounts().first().waitFor({ timeout: 10_000 });
  });

  it('on the manage page: the list, the editor and a confirmation', async () => {
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const row = manage.getByTestId('manage-account').first();
    await row.waitFor();
    expect(await findings(manage)).toEqual([]);

    await row.getByTestId('account-edit').click();
    await manage.getByTestId('edit-site-input').fill('https://login.example.com');
    await manage.getByTestId('edit-site-add').click();
    await manage.getByTestId('edit-site').waitFor();
    expect(await findings(manage)).toEqual([]);
    await manage.getByTestId('edit-cancel').click();

    await row.getByTestId('account-delete').click();
    await manage.getByTestId('delete-confirm').waitFor();
    expect(await findings(manage)).toEqual([]);
    await manage.close();
  });
});

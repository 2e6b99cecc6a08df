import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KOSMO_ORIGIN } from './support/kosmo-site';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'forms-test-password';
// A 32-byte key as people copy it: 13 groups of 4, longer than the popup is wide.
const LONG_KEY = 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW';
const KEY_B = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const focusedTestId = (popup: PopupPage) =>
  popup.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);

describe('the add form and the keyboard', () => {
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    browser = await launchWithExtension();
    popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('shows the whole key, and asks for a service or account name before adding', async () => {
    await popup.byTestId('add-account').click();
    const key = popup.byTestId('add-secret');
    await key.fill(LONG_KEY);
    // Wrapped over lines, nothing scrolled out of sight.
    const fits = await key.evaluate(
      (field) => field.scrollHeight <= field.clientHeight && field.scrollWidth <= field.clientWidth,
    );
    expect(fits).toBe(true);

    await popup.byTestId('add-submit').click();
    await expect(popup.byTestId('error').innerText()).resolves.toMatch(
      /Enter a service name or an account name/,
    );
    await expect.poll(() => focusedTestId(popup)).toBe('add-issuer');
    // Typing a name takes the complaint away.
    await popup.byTestId('add-name').fill('taro');
    await expect.poll(() => popup.byTestId('error').count()).toBe(0);
  });

  it('Esc closes the add form, nothing added, and the focus goes back to 「＋ 追加」', async () => {
    await popup.byTestId('add-name').press('Escape');
    await popup.byTestId('add-account').waitFor();
    await expect(popup.byTestId('add-issuer').count()).resolves.toBe(0);
    await expect(popup.accounts().count()).resolves.toBe(0);
    await expect.poll(() => focusedTestId(popup)).toBe('add-account');
  });

  it('Enter in the key box adds, and the focus moves to the new row', async () => {
    await popup.byTestId('add-account').click();
    await popup.byTestId('add-issuer').fill('Wide');
    await popup.byTestId('add-secret').fill(LONG_KEY);
    await popup.byTestId('add-secret').press('Enter');
    await popup.byTestId('add-account').waitFor();
    await expect.poll(() => popup.accounts().count()).toBe(1);
    await expect
      .poll(() => popup.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/Wide/);
  });

  it('an otpauth:// text pasted into the key box is read as one', async () => {
    await popup.byTestId('add-account').click();
    await popup
      .byTestId('add-secret')
      .fill(`otpauth://totp/Pasted:hanako?secret=${KEY_B}&issuer=Pasted`);
    await popup.byTestId('add-submit').click();
    await popup.byTestId('add-account').waitFor();
    const row = popup.accounts().filter({ hasText: 'hanako' });
    await expect.poll(() => row.getByTestId('account-issuer').innerText()).toBe('Pasted');
    await awayFromStepEdge();
    const code = (await row.getByTestId('account-code').innerText()).replace(/\s/g, '');
    expect(code).toBe(oathtoolTotp(KEY_B));
  });

  it('Esc answers 「キャンセル」 to a delete question', async () => {
    const row = popup.accounts().filter({ hasText: 'hanako' });
    await row.getByTestId('account-delete').click();
    await popup.byTestId('delete-confirm').waitFor();
    await popup.page.keyboard.press('Escape');
    await expect.poll(() => popup.byTestId('delete-confirm').count()).toBe(0);
    await expect(popup.accounts().count()).resolves.toBe(2);
  });

  it('on the manage page, every row button says what it does, and Esc closes editor and questions', async () => {
    await sendFromPage(popup.page, 'accounts.add', {
      uri: `otpauth://totp/KOSMO:jiro?secret=MFRGGZDFMZTWQ2LK&issuer=KOSMO`,
    });
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const row = manage.getByTestId('manage-account').filter({ hasText: 'jiro' });
    await row.waitFor();
    for (const id of [
      'account-pin',
      'account-up',
      'account-down',
      'account-edit',
      'account-delete',
    ])
      await expect(row.getByTestId(id).innerText()).resolves.toMatch(/\w/);

    // The editor, then a question inside it: Esc closes the innermost first.
    await row.getByTestId('account-edit').click();
    const editor = manage.getByTestId('account-editor');
    await editor.waitFor();
    await manage.getByTestId('edit-site-input').fill(KOSMO_ORIGIN);
    await manage.getByTestId('edit-site-add').click();
    await manage.getByTestId('edit-site-input').fill('https://login.example.com');
    await manage.getByTestId('edit-site-add').click();
    await manage.getByTestId('edit-save').click();
    await expect.poll(() => manage.getByTestId('account-editor').count()).toBe(0);
    await row.getByTestId('account-edit').click();
    await manage.getByTestId('edit-site-input').fill('https://other.example.com');
    await manage.getByTestId('edit-save').click();
    await manage.getByTestId('bind-confirm').waitFor();
    await manage.keyboard.press('Escape');
    await expect.poll(() => manage.getByTestId('bind-confirm').count()).toBe(0);
    await expect(manage.getByTestId('edit-issuer').count()).resolves.toBe(1);
    await manage.getByTestId('edit-issuer').press('Escape');
    await expect.poll(() => manage.getByTestId('account-editor').count()).toBe(0);
    // Nothing of the abandoned edit was stored.
    await expect(row.getByTestId('manage-account-sites').innerText()).resolves.not.toMatch(
      /other\.example\.com/,
    );
    // Back on the row it was opened from.
    await expect
      .poll(() => manage.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('manage-account');

    await row.getByTestId('account-delete').click();
    await manage.getByTestId('delete-confirm').waitFor();
    await manage.keyboard.press('Escape');
    await expect.poll(() => manage.getByTestId('delete-confirm').count()).toBe(0);
    await expect(manage.getByTestId('manage-account').count()).resolves.toBe(3);
    await manage.close();
  });
});

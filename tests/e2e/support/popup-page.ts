import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** The popup, opened as a tab, driven through its stable `data-testid`s. */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    const page = await browser.context.newPage();
    await page.goto(browser.url('popup.html'));
    return new PopupPage(page);
  }

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  async createPassword(password: string): Promise<void> {
    await this.byTestId('password-new').fill(password);
    await this.byTestId('password-confirm').fill(password);
    await this.byTestId('password-create').click();
    await this.byTestId('add-account').waitFor();
  }

  async unlock(password: string): Promise<void> {
    await this.byTestId('unlock-password').fill(password);
    await this.byTestId('unlock-submit').click();
  }

  async addByKey(fields: { issuer: string; name: string; secret: string }): Promise<void> {
    await this.byTestId('add-account').click();
    await this.byTestId('add-issuer').fill(fields.issuer);
    await this.byTestId('add-name').fill(fields.name);
    await this.byTestId('add-secret').fill(fields.secret);
    await this.byTestId('add-submit').click();
    await this.byTestId('add-account').waitFor();
  }

  /** In the open add form: pastes an `otpauth://` text into its field under 「詳細」. */
  async pasteUri(uri: string): Promise<void> {
    const field = this.byTestId('add-uri');
    // The field lives in a closed <details>: open it as a user would, by its summary.
    if (!(await field.isVisible())) await this.page.locator('details.advanced > summary').click();
    await field.fill(uri);
  }

  accounts() {
    return this.byTestId('account');
  }

  /** The digits of the n-th row's code, without the display space. */
  async code(index = 0): Promise<string> {
    const text = await this.accounts().nth(index).getByTestId('account-code').innerText();
    return text.replace(/\s/g, '');
  }
}

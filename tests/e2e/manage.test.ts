import { createCanvas } from '@napi-rs/canvas';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'manage-test-password';
const KEY_TEXT = 'JBSWY3DPEHPK3PXP';
const KEY_QR = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** The manage page (`manage.html`, a full tab), driven through its stable `data-testid`s. */
class ManagePage {
  constructor(readonly page: Page) {}

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  /** Entries of the result list, newest first. */
  entries() {
    return this.byTestId('import-entry');
  }

  /** Waits until `count` submissions are finished and returns the newest one's text. */
  async newestResult(count: number): Promise<string> {
    await expect
      .poll(() => this.page.locator('[data-testid=import-entry][data-state=done]').count())
      .toBe(count);
    return this.entries().first().innerText();
  }

  /** Adds what the open preview (of `name`, if given) shows: its `import-submit`, second step. */
  async confirm(name?: string): Promise<void> {
    const preview = this.byTestId('import-preview');
    await (name ? preview.filter({ hasText: name }) : preview).getByTestId('import-submit').click();
  }

  /** Pastes text and submits it twice: open its preview, then add. */
  async importText(text: string): Promise<void> {
    await this.byTestId('import-text').fill(text);
    await this.byTestId('import-submit').click();
    await this.confirm();
  }

  /** Chooses a file and adds what its preview shows. */
  async importFile(path: string): Promise<void> {
    await this.byTestId('import-file').setInputFiles(path);
    await this.confirm();
  }
}

/** A PNG of an ordinary picture: shapes and text, no QR code. */
function pictureWithoutQr(): Buffer {
  const canvas = createCanvas(320, 200);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 320, 200);
  context.fillStyle = '#1f5fbf';
  context.fillRect(20, 20, 120, 80);
  context.beginPath();
  context.arc(230, 110, 50, 0, Math.PI * 2);
  context.fillStyle = '#e0a100';
  context.fill();
  context.fillStyle = '#000000';
  context.font = '20px sans-serif';
  context.fillText('No code here', 20, 170);
  return canvas.toBuffer('image/png');
}

describe('the manage page imports', () => {
  let browser: ExtensionBrowser;
  let manage: ManagePage;
  let popup: PopupPage;
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'pca-import-'));
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    await page.goto(browser.url('manage.html'));
    manage = new ManagePage(page);
    // The first run can be completed here as well as in the popup.
    await manage.byTestId('password-new').fill(PASSWORD);
    await manage.byTestId('password-confirm').fill(PASSWORD);
    await manage.byTestId('password-create').click();
    await manage.byTestId('import-file').waitFor({ state: 'attached' });
    popup = await PopupPage.open(browser);
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('offers every stable hook, with a chooser for images and backup files', async () => {
    const input = manage.byTestId('import-file');
    await expect(input.getAttribute('type')).resolves.toBe('file');
    await expect(input.getAttribute('multiple')).resolves.not.toBeNull();
    await expect(input.getAttribute('accept')).resolves.toMatch(/image\/png.*\.json/);
    await expect(manage.byTestId('import-text').count()).resolves.toBe(1);
    await expect(manage.byTestId('import-submit').count()).resolves.toBe(1);
  });

  it('adds a pasted otpauth URI, and the popup shows its code', async () => {
    await manage.importText(`otpauth://totp/Test:me?secret=${KEY_TEXT}&issuer=Test`);
    await expect(manage.newestResult(1)).resolves.toMatch(/Added “Test \(me\)”/);
    await expect(manage.byTestId('import-result').innerText()).resolves.toMatch(/Added: 1/);
    // Imported text has done its job: the box is emptied.
    await expect(manage.byTestId('import-text').inputValue()).resolves.toBe('');

    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(1);
    const row = popup.accounts().first();
    await expect(row.getByTestId('account-issuer').innerText()).resolves.toBe('Test');
    await expect(row.getByTestId('account-name').innerText()).resolves.toBe('me');
    await awayFromStepEdge();
    await expect(popup.code()).resolves.toBe(oathtoolTotp(KEY_TEXT));
  });

  it('explains an invalid key precisely, keeps the text and adds nothing', async () => {
    const bad = 'otpauth://totp/Bad:typo?secret=JBSW1Y3DPEHPK3PX';
    await manage.importText(bad);
    await expect(manage.newestResult(2)).resolves.toMatch(/never contain the digits 0, 1, 8 or 9/);
    await expect(manage.byTestId('import-text').inputValue()).resolves.toBe(bad);

    await manage.importText('https://densenkenpo.portal.kosmo-web.jp/');
    await expect(manage.newestResult(3)).resolves.toMatch(/not a QR code for an authenticator/);

    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(1);
  });

  it('asks for text when the box is empty, without a request', async () => {
    await manage.byTestId('import-text').fill('');
    await manage.byTestId('import-submit').click();
    await expect.poll(() => manage.byTestId('error').innerText()).toMatch(/otpauth:\/\//);
    await expect(manage.entries().count()).resolves.toBe(3);
  });

  it('adds the account in a chosen PNG QR code', async () => {
    const path = join(files, 'kosmo-setup.png');
    const uri = `otpauth://totp/KOSMO%20Web:hanako?secret=${KEY_QR}&issuer=KOSMO%20Web`;
    await writeFile(path, await QRCode.toBuffer(uri, { margin: 4, scale: 6 }));
    await manage.importFile(path);
    const result = await manage.newestResult(4);
    expect(result).toMatch(/kosmo-setup\.png/);
    expect(result).toMatch(/Added “KOSMO Web \(hanako\)”/);

    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(2);
    const row = popup.accounts().filter({ hasText: 'hanako' });
    await awayFromStepEdge();
    await expect
      .poll(async () => (await row.getByTestId('account-code').innerText()).replace(/\s/g, ''))
      .toBe(oathtoolTotp(KEY_QR));

    // The same picture again: already there, nothing doubled.
    await manage.importFile(path);
    await expect(manage.newestResult(5)).resolves.toMatch(
      /Already registered: “KOSMO Web \(hanako\)”/,
    );
    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(2);
  });

  it('says so when an image holds no QR code', async () => {
    const path = join(files, 'photo.png');
    await writeFile(path, pictureWithoutQr());
    await manage.importFile(path);
    const result = await manage.newestResult(6);
    expect(result).toMatch(/photo\.png/);
    expect(result).toMatch(/No QR code was found/);
    await popup.page.reload();
    await expect.poll(() => popup.accounts().count()).toBe(2);
  });

  it('reads several files one after another, newest first', async () => {
    const first = join(files, 'first.png');
    const second = join(files, 'second.png');
    await writeFile(first, pictureWithoutQr());
    await writeFile(
      second,
      await QRCode.toBuffer(`otpauth://totp/Second:two?secret=MFRGGZDFMZTWQ2LK&issuer=Second`),
    );
    await manage.byTestId('import-file').setInputFiles([first, second]);
    await manage.confirm('first.png');
    await manage.confirm('second.png');
    await expect(manage.newestResult(8)).resolves.toMatch(
      /second\.png[\s\S]*Added “Second \(two\)”/,
    );
    await expect(manage.entries().nth(1).innerText()).resolves.toMatch(/first\.png/);
  });

  it('imports an image pasted with Ctrl+V', async () => {
    const png = await QRCode.toBuffer(
      `otpauth://totp/Pasted:three?secret=MFRGGZDFMZTWQ2LL&issuer=Pasted`,
    );
    await manage.page.evaluate(
      async (bytes) => {
        const file = new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' });
        const data = new DataTransfer();
        data.items.add(file);
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      [...png],
    );
    await manage.confirm('Pasted image');
    await expect(manage.newestResult(9)).resolves.toMatch(/Added “Pasted \(three\)”/);
  });
});

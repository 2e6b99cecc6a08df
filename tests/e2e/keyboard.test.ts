import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';

// Only the keyboard drives the pages here: no click, fill or focus, as for a user without a mouse.
const PASSWORD = 'keyboard-test-password';
const SECRET = 'JBSWY3DPEHPK3PXP';
const IMPORTED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const BACKUP_PASSWORD = 'keyboard-backup-password';
let browser: ExtensionBrowser;
let dir: string;
// A plain local page that may read the clipboard (the extension's own pages may not, by design).
let reader: Server;
let readerOrigin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pca-keyboard-'));
  reader = createServer((_, res) => res.end('<!doctype html><title>reader</title>'));
  await new Promise<void>((done) => reader.listen(0, '127.0.0.1', done));
  readerOrigin = `http://127.0.0.1:${(reader.address() as AddressInfo).port}`;
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read'], { origin: readerOrigin });
});

afterAll(async () => {
  await browser?.close();
  reader?.close();
  if (browser) await removeProfile(browser.profileDir);
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The `data-testid` of the focused element ('' when it has none, or nothing is focused). */
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Whether the focus is on something in the page, not left on its body after an action. */
const focusInContent = (page: Page) =>
  page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);

/** Presses Tab (Shift+Tab with `back`) until the element with `testId` has the focus. */
async function tabTo(page: Page, testId: string, back = false): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

it('the popup: create the password, add by key, copy the code, lock and unlock', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.url('popup.html'));
  await page.getByTestId('password-new').waitFor();
  // The first field has the focus at once: typing starts there.
  expect(await focused(page)).toBe('password-new');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('password-confirm');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('add-account').waitFor({ timeout: 10_000 });

  // After creating: the focus is in the content, and Shift+Tab reaches 「＋ 追加」.
  await expect.poll(() => focusInContent(page)).toBe(true);
  await tabTo(page, 'add-account', true);
  await page.keyboard.press('Enter');
  await page.getByTestId('add-issuer').waitFor();
  await expect.poll(() => focused(page)).toBe('add-issuer');
  await page.keyboard.type('Keyboard');
  await tabTo(page, 'add-name');
  await page.keyboard.type('me@example.org');
  await tabTo(page, 'add-secret');
  await page.keyboard.type(SECRET);
  await page.keyboard.press('Enter');
  await page.getByTestId('account').waitFor({ timeout: 10_000 });

  // The new row has the focus: Enter copies its code.
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('[data-testid=account]') !== null),
    )
    .toBe(true);
  await awayFromStepEdge();
  await page.keyboard.press('Enter');
  await page.getByText('Copied').waitFor();
  const site = await browser.context.newPage();
  await site.goto(readerOrigin);
  const copied = await site.evaluate(() => navigator.clipboard.readText());
  await site.close();
  expect(copied).toBe(oathtoolTotp(SECRET));
  await page.bringToFront();

  await tabTo(page, 'lock', true);
  await page.keyboard.press('Space');
  await page.getByTestId('unlock-password').waitFor({ timeout: 10_000 });
  await expect.poll(() => focused(page)).toBe('unlock-password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('account').waitFor({ timeout: 10_000 });
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('[data-testid=account]') !== null),
    )
    .toBe(true);
  await page.close();
});

it('the manage page: unlock, import a text file, make a backup', async () => {
  const file = join(dir, 'accounts.txt');
  await writeFile(
    file,
    `otpauth://totp/Imported:you%40example.org?secret=${IMPORTED}&issuer=Imported\n`,
  );
  const page = await browser.context.newPage();
  await page.goto(browser.url('manage.html'));
  // A fresh tab: the vault locked? Lock it from the popup's state (it stays unlocked otherwise).
  await page.getByTestId('lock').waitFor({ timeout: 10_000 });
  await tabTo(page, 'lock');
  await page.keyboard.press('Enter');
  await page.getByTestId('unlock-password').waitFor({ timeout: 10_000 });
  await expect.poll(() => focused(page)).toBe('unlock-password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('import-file').waitFor({ timeout: 10_000 });
  // After unlocking, the focus moves into the page's content (not left on the body).
  await expect.poll(() => focusInContent(page)).toBe(true);

  await tabTo(page, 'import-file');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Space'),
  ]);
  await chooser.setFiles(file);
  await page.getByTestId('import-preview').waitFor();
  // The preview takes the focus, so its 「追加」 is a Tab or two away.
  await expect.poll(() => focusInContent(page)).toBe(true);
  await tabTo(page, 'import-submit');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('import-result').innerText())
    .toMatch(/Added.*Imported/s);

  await tabTo(page, 'backup-master-password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('backup-password');
  await page.keyboard.type(BACKUP_PASSWORD);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('backup-password-confirm');
  await page.keyboard.type(BACKUP_PASSWORD);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pc-authenticator-backup-.*\.json$/);
  await page.getByTestId('backup-done').waitFor();
  await page.close();
});

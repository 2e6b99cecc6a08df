import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../lib/otp/fields';
import { parseOtpauthUri } from '../../lib/otp/uri';
import { migrationIncompatibility } from '../../lib/otp/migration/convert';
import { parseMigrationUri } from '../../lib/otp/migration/parse';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';
import { decodeQrImages, imageSources } from './support/qr-images';
import type { AccountData } from '../../lib/otp/types';
import { ACCOUNTS, accountsOf, addSampleAccounts, core, withKeys } from './support/sample-accounts';

const PASSWORD = 'export-test-master';

describe('the manage page export', () => {
  let browser: ExtensionBrowser;
  let manage: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await addSampleAccounts(popup.page);
    await popup.page.close();
    manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('exports otpauth URIs and a Google export set only after the master password', async () => {
    // Enough accounts the Google format can hold for two QR codes.
    const extra: AccountData[] = [];
    for (let i = 0; i < 6; i++) {
      const secret = `${'ABCDEFGHIJKLMNOP'.slice(i)}${'QRSTUVWXYZ234567'.slice(0, i)}`;
      const uri = `otpauth://totp/Extra:${i}?secret=${secret}&issuer=Extra`;
      extra.push(parseOtpauthUri(uri));
      expect((await sendFromPage(manage, 'accounts.add', { uri })).ok).toBe(true);
    }
    // Pages get no keys: the ones the test added stand in for them.
    const accounts = withKeys(await accountsOf(manage), [...ACCOUNTS, ...extra]);
    await manage.getByTestId('export-password').fill('wrong master password');
    await manage.getByTestId('export-open').click();
    await expect.poll(() => manage.getByTestId('error').innerText()).toMatch(/wrong/i);
    expect(await manage.getByTestId('export-text').count()).toBe(0);

    await manage.getByTestId('export-password').fill(PASSWORD);
    await manage.getByTestId('export-open').click();
    await manage.getByTestId('export-show-text').click();
    const uris = (await manage.getByTestId('export-text').inputValue()).split('\n');
    expect(await manage.getByTestId('export-warning').innerText()).toMatch(/NOT encrypted/);
    expect(uris.map((uri) => core(parseOtpauthUri(uri, IMPORT_LIMITS)))).toEqual(
      accounts.map(core),
    );

    await manage.getByTestId('export-show-qr').click();
    await expect.poll(() => manage.getByTestId('export-qr').count()).toBe(accounts.length);
    const perAccount = await decodeQrImages(await imageSources(manage, 'export-qr'));
    expect(perAccount).toEqual(uris);

    await manage.getByTestId('export-show-migration').click();
    await expect.poll(() => manage.getByTestId('export-migration-qr').count()).toBe(2);
    const captions = await manage.locator('.qr-grid figcaption').allInnerTexts();
    expect(captions).toEqual(['1 / 2', '2 / 2']);
    const texts = await decodeQrImages(await imageSources(manage, 'export-migration-qr'));
    const exported = texts.flatMap((text) => parseMigrationUri(text).accounts);
    const compatible = accounts.filter((a) => migrationIncompatibility(a) === null);
    expect(exported.map(core)).toEqual(compatible.map(core));
    const excluded = await manage.getByTestId('export-excluded').innerText();
    expect(excluded).toMatch(/no-issuer@example\.jp/);

    await manage.getByTestId('export-close').click();
    await manage.getByTestId('export-password').waitFor();
    expect(await manage.getByTestId('export-migration-qr').count()).toBe(0);
  });
});

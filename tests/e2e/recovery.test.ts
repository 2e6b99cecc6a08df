import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../lib/vault/recovery-key';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { findInProfile } from './support/profile-scan';
import { decodeQrImages, imageSources } from './support/qr-images';

const PASSWORD = 'recovery-test-master';
const NEW_PASSWORD = 'a new master password';
const ACCOUNTS = [
  { issuer: '電線工業健保', name: 'taro@example.jp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  { issuer: 'GitHub', name: 'hanako', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
];
/** Where the kit's picture goes: `docs/` when asked (`UPDATE_DOCS=1`), else the temp folder, so
 * a test run leaves the working tree clean. */
const SHOTS = process.env.UPDATE_DOCS ? join(import.meta.dirname, '../../docs') : tmpdir();
const KEY_FORMAT = /^([0-9A-HJKMNP-TV-Z]{5}-){6}[0-9A-HJKMNP-TV-Z]{5}$/;

/** The vault header as stored, read from an extension page (same origin as the worker). */
function storedHeader(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('pc-authenticator');
        open.onerror = () => reject(new Error('indexedDB'));
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('header');
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result));
            open.result.close();
          };
        };
      }),
  );
}

/** Every row's code matches oathtool's for its key, in the popup's order. */
async function expectCodes(popup: PopupPage) {
  await popup
    .accounts()
    .nth(ACCOUNTS.length - 1)
    .waitFor({ timeout: 10_000 });
  await awayFromStepEdge();
  for (const [i, { secret }] of ACCOUNTS.entries()) {
    expect(await popup.code(i)).toBe(oathtoolTotp(secret));
  }
}

describe('the recovery key (Japanese UI)', () => {
  let browser: ExtensionBrowser;
  let popup: PopupPage;
  let key = '';

  beforeAll(async () => {
    browser = await launchWithExtension({ lang: 'ja' });
    popup = await PopupPage.open(browser);
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('is shown once the master password is made, and stays until written down', async () => {
    await popup.createPassword(PASSWORD);
    key = (await popup.byTestId('recovery-key').innerText()).replace(/\s/g, '');
    expect(key).toMatch(KEY_FORMAT);
    for (const account of ACCOUNTS) await popup.addByKey(account);
    // The popup closing does not lose it before the user wrote it down.
    await popup.page.reload();
    await popup.byTestId('recovery-key').waitFor();
    expect((await popup.byTestId('recovery-key').innerText()).replace(/\s/g, '')).toBe(key);
    expect(await popup.byTestId('recovery-reminder').count()).toBe(0);
  });

  it('prints the emergency kit: key, QR, date, fingerprint, on one A4 page', async () => {
    const fingerprint = (await popup.byTestId('recovery-fingerprint').innerText()).match(
      /[0-9A-Z]{4}-[0-9A-Z]{4}/,
    )?.[0];
    const [kit] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.byTestId('emergency-kit').click(),
    ]);
    expect(kit.url()).toBe(browser.url('emergency-kit.html'));
    await kit.getByTestId('kit-qr').waitFor();
    expect((await kit.getByTestId('kit-recovery-key').innerText()).replace(/\s/g, '')).toBe(key);
    expect(await decodeQrImages(await imageSources(kit, 'kit-qr'))).toEqual([key]);
    expect(await kit.getByTestId('kit-fingerprint').innerText()).toBe(fingerprint);
    expect(await kit.getByTestId('kit-date').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await expect(kit.getByText(/ロック画面の「パスワードを忘れた」/).count()).resolves.toBe(1);
    expect(await kit.getByTestId('kit-account').count()).toBe(0);

    // As printed (A4 at 96 dpi, less the 12 mm margins), and as "save as PDF".
    await kit.setViewportSize({ width: 703, height: 1000 });
    await kit.emulateMedia({ media: 'print' });
    expect(await kit.getByTestId('kit-print').isVisible()).toBe(false);
    await kit.screenshot({ path: join(SHOTS, 'emergency-kit.png'), fullPage: true });
    const pdf = (await kit.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    await kit.emulateMedia({ media: 'screen' });

    // The account keys only on request, after the master password, and off again.
    await kit.getByTestId('kit-accounts-toggle').check();
    await kit.getByTestId('kit-accounts-password').fill('not the password');
    await kit.getByTestId('kit-accounts-show').click();
    await expect.poll(() => kit.getByTestId('error').innerText()).toMatch(/パスワードが違います/);
    await kit.getByTestId('kit-accounts-password').fill(PASSWORD);
    await kit.getByTestId('kit-accounts-show').click();
    await expect.poll(() => kit.getByTestId('kit-account').count(), { timeout: 10_000 }).toBe(2);
    const printed = await kit.getByTestId('kit-account').allInnerTexts();
    for (const [i, { issuer, name, secret }] of ACCOUNTS.entries()) {
      expect(printed[i]).toContain(`${issuer} (${name})`);
      expect(printed[i]!.replace(/\s/g, '')).toContain(secret);
    }
    expect(await decodeQrImages(await imageSources(kit, 'kit-account-qr'))).toEqual(
      ACCOUNTS.map(({ secret }) => expect.stringContaining(`secret=${secret}`)),
    );
    await kit.getByTestId('kit-accounts-hide').click();
    expect(await kit.getByTestId('kit-account').count()).toBe(0);

    await kit.getByTestId('kit-done').click();
    await kit.getByTestId('kit-closed').waitFor();
    expect(await kit.getByTestId('kit-recovery-key').count()).toBe(0);
    await kit.close();
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    expect(await popup.byTestId('recovery-key').count()).toBe(0);
  });

  it('forgot the password: a typo and a wrong key are refused and change nothing', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('forgot-password').click();
    const header = await storedHeader(popup.page);

    const groups = key.split('-');
    groups[2] = `${groups[2]!.slice(0, 2)}${groups[2]![2] === 'Q' ? 'R' : 'Q'}${groups[2]!.slice(3)}`;
    await popup.byTestId('recovery-key-input').fill(groups.join('-'));
    await popup.byTestId('password-new').fill(NEW_PASSWORD);
    await popup.byTestId('password-confirm').fill(NEW_PASSWORD);
    await popup.byTestId('recovery-submit').click();
    await expect.poll(() => popup.byTestId('error').innerText()).toMatch(/3 番目のまとまり/);

    const wrong = generateRecoveryKey(crypto).display;
    await popup.byTestId('recovery-key-input').fill(wrong);
    await popup.byTestId('recovery-submit').click();
    await expect
      .poll(() => popup.byTestId('error').innerText(), { timeout: 10_000 })
      .toMatch(/この回復キーでは開けません.*データは変更されていません/);
    expect(await storedHeader(popup.page)).toBe(header);
    expect(await sendFromPage(popup.page, 'vault.status', undefined)).toEqual({
      ok: true,
      value: 'locked',
    });
  });

  it('the right key and a new password: unlocked, every code equals oathtool’s', async () => {
    await popup.byTestId('recovery-key-input').fill(key.toLowerCase().replace(/-/g, ' '));
    await popup.byTestId('recovery-submit').click();
    await expectCodes(popup);
    const names = await popup.byTestId('account-name').allInnerTexts();
    expect(names).toEqual(ACCOUNTS.map((a) => a.name));

    await popup.byTestId('lock').click();
    await popup.unlock(PASSWORD);
    await expect
      .poll(() => popup.byTestId('error').innerText(), { timeout: 10_000 })
      .toMatch(/パスワードが違います/);
  });

  it('the new password opens it after a browser restart', async () => {
    const { profileDir } = browser;
    await browser.close();
    browser = await launchWithExtension({ lang: 'ja', profileDir });
    // 「パスワードを忘れた」 is on every lock screen: the unlock tab and the manage page too.
    for (const path of ['popup.html?tab=1', 'manage.html']) {
      const page = await browser.context.newPage();
      await page.goto(browser.url(path));
      await page.getByTestId('forgot-password').click();
      await page.getByTestId('recovery-key-input').waitFor();
      await page.close();
    }
    popup = await PopupPage.open(browser);
    await popup.unlock(NEW_PASSWORD);
    await expectCodes(popup);
    // The kit is current: the fingerprint is still the one printed, and no reminder shows.
    expect(await popup.byTestId('recovery-reminder').count()).toBe(0);
  });

  it('leaves no plaintext key or recovery key in the profile', async () => {
    const { profileDir } = browser;
    await browser.close();
    const dataChars = key.replace(/-/g, '').replace(/(.{4})./g, '$1');
    const needles: Record<string, string> = {
      'recovery key': key,
      'recovery key without dashes': key.replace(/-/g, ''),
      'recovery key as typed': key.toLowerCase().replace(/-/g, ' '),
      'recovery key data characters': dataChars,
    };
    for (const [i, { secret }] of ACCOUNTS.entries()) needles[`account key ${i}`] = secret;
    expect(await findInProfile(profileDir, needles)).toEqual([]);
    browser = await launchWithExtension({ lang: 'ja', profileDir });
  });
});

/** Turns the stored header into release 0.1's: one password, no recovery slot. */
function makeHeaderV1(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pc-authenticator');
        open.onerror = () => reject(new Error('indexedDB'));
        open.onsuccess = () => {
          const store = open.result.transaction('meta', 'readwrite').objectStore('meta');
          const get = store.get('header');
          get.onsuccess = () => {
            const { slots, createdAt } = get.result.value as {
              slots: { kdf: unknown; wrappedDek: unknown }[];
              createdAt: number;
            };
            const { kdf, wrappedDek } = slots[0]!;
            const put = store.put({
              key: 'header',
              value: { version: 1, kdf, wrappedDek, createdAt },
            });
            put.onsuccess = () => resolve();
          };
        };
      }),
  );
}

describe('a vault made before recovery keys (Japanese UI)', () => {
  let browser: ExtensionBrowser;
  let popup: PopupPage;

  beforeAll(async () => {
    browser = await launchWithExtension({ lang: 'ja' });
    popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await popup.byTestId('recovery-key-done').click();
    await popup.addByKey(ACCOUNTS[0]!);
    await makeHeaderV1(popup.page);
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('reminds to make a recovery key; 「あとで」 puts it off', async () => {
    await popup.page.reload();
    await popup.byTestId('recovery-reminder').waitFor();
    expect(await popup.byTestId('backup-reminder').count()).toBe(0);
    await popup.byTestId('reminder-later').click();
    await expect.poll(() => popup.byTestId('recovery-reminder').count()).toBe(0);
    await popup.page.reload();
    await popup.accounts().first().waitFor();
    await popup.page.waitForTimeout(500);
    expect(await popup.byTestId('recovery-reminder').count()).toBe(0);
    // Nor does the backup reminder take its place this week.
    expect(await popup.byTestId('backup-reminder').count()).toBe(0);
  });

  it('without a key, the lock screen offers only the honest ways: deleting needs the word', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('forgot-password').click();
    await popup.byTestId('forgot-no-key').waitFor();
    expect(await popup.byTestId('recovery-key-input').count()).toBe(0);
    await popup.byTestId('forgot-start-over').click();
    await popup.byTestId('forgot-wipe-confirmation').fill('けす');
    await popup.byTestId('forgot-wipe-submit').click();
    await expect.poll(() => popup.byTestId('error').innerText()).toMatch(/何も削除していません/);
    expect(await sendFromPage(popup.page, 'vault.status', undefined)).toMatchObject({
      value: 'locked',
    });
    // The back button returns to the password, which still works.
    await popup.byTestId('forgot-back').click();
    await popup.unlock(PASSWORD);
    await popup.accounts().first().waitFor({ timeout: 10_000 });
  });

  it('the manage page makes a key after the master password, replacing none', async () => {
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html#recovery'));
    const status = manage.getByTestId('recovery-status');
    await expect.poll(() => status.innerText()).toMatch(/まだ回復キーがありません/);
    await manage.getByTestId('recovery-master-password').fill('not the password');
    await manage.getByTestId('recovery-create').click();
    await expect
      .poll(() => manage.getByTestId('error').innerText())
      .toMatch(/パスワードが違います/);
    await manage.getByTestId('recovery-master-password').fill(PASSWORD);
    await manage.getByTestId('recovery-create').click();
    const shown = manage.getByTestId('recovery-key');
    await shown.waitFor({ timeout: 10_000 });
    const key = (await shown.innerText()).replace(/\s/g, '');
    expect(key).toMatch(KEY_FORMAT);
    await expect
      .poll(() => status.innerText())
      .toMatch(/現在の回復キー：識別番号 [0-9A-Z]{4}-[0-9A-Z]{4}/);
    await manage.getByTestId('recovery-key-done').click();
    await expect.poll(() => shown.count()).toBe(0);
    await manage.close();

    // The popup's lock screen now takes it.
    await popup.byTestId('lock').click();
    await popup.byTestId('forgot-password').click();
    await popup.byTestId('recovery-key-input').fill(key);
    await popup.byTestId('password-new').fill(NEW_PASSWORD);
    await popup.byTestId('password-confirm').fill(NEW_PASSWORD);
    await popup.byTestId('recovery-submit').click();
    await popup.accounts().first().waitFor({ timeout: 10_000 });
    await awayFromStepEdge();
    expect(await popup.code(0)).toBe(oathtoolTotp(ACCOUNTS[0]!.secret));
  });

  it('restoring from a backup: deletes after the typed word, then the manage page guides', async () => {
    await popup.byTestId('lock').click();
    await popup.byTestId('forgot-password').click();
    // With a key, the ways without one wait behind 「回復キーがない場合」.
    expect(await popup.byTestId('forgot-restore').isVisible()).toBe(false);
    await popup.byTestId('forgot-without').click();
    await popup.byTestId('forgot-restore').click();
    await popup.byTestId('forgot-wipe-confirmation').fill('削除');
    const [manage] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.byTestId('forgot-wipe-submit').click(),
    ]);
    expect(manage.url()).toBe(browser.url('manage.html#restore'));
    await manage.getByTestId('restore-next').waitFor();
    await manage.getByTestId('password-new').waitFor();
    await popup.byTestId('password-create').waitFor();
    expect(await sendFromPage(popup.page, 'vault.status', undefined)).toEqual({
      ok: true,
      value: 'none',
    });
  });
});

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../lib/backup/pc-backup';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';
import {
  ACCOUNTS,
  accountsOf,
  addSampleAccounts,
  comparable,
  keysOf,
} from './support/sample-accounts';

const PASSWORD = 'backup-test-master';
const BACKUP_PASSWORD = 'a different backup password';
const AEGIS = join(import.meta.dirname, '../../../shared/fixtures/aegis/aegis_encrypted.json');

describe('backup and restore on the manage page', () => {
  let browser: ExtensionBrowser;
  let manage: Page;
  let backupFile: string;

  const openManage = async (hash = '') => {
    await manage.goto(browser.url(`manage.html${hash}`));
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await addSampleAccounts(popup.page);
    await popup.page.close();
    manage = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('reminds in the popup before the first backup and opens the backup section', async () => {
    const popup = await PopupPage.open(browser);
    await popup.byTestId('backup-reminder').waitFor();
    expect(await popup.byTestId('backup-reminder').innerText()).toMatch(/No backup yet/);
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.byTestId('backup-reminder-open').click(),
    ]);
    await opened.getByTestId('backup-password').waitFor();
    expect(opened.url()).toMatch(/manage\.html#backup$/);
    await opened.close();
    await popup.page.close();
  });

  it('makes no backup without the master password, from the page or a message', async () => {
    await openManage();
    const downloads: string[] = [];
    manage.on('download', (download) => downloads.push(download.suggestedFilename()));
    await manage.getByTestId('backup-master-password').fill('not the master password');
    await manage.getByTestId('backup-password').fill(BACKUP_PASSWORD);
    await manage.getByTestId('backup-create').click();
    await expect
      .poll(() => manage.getByTestId('error').innerText())
      .toMatch(/Wrong master password\. No backup was made\./);
    // Straight to the worker, as any extension page could: refused there too.
    for (const [data, key] of [
      [{ password: BACKUP_PASSWORD }, 'error_backup_master_required'],
      [{ masterPassword: 'still not it', password: BACKUP_PASSWORD }, 'error_wrong_password'],
    ] as const) {
      const reply = await sendFromPage(manage, 'backup.create', data as never);
      expect(reply).toMatchObject({ ok: false, error: { key } });
      expect(JSON.stringify(reply)).not.toContain('content');
    }
    await manage.waitForTimeout(500);
    expect(downloads).toEqual([]);
    expect(await manage.getByTestId('backup-last').innerText()).toMatch(/not made a backup/);
  });

  it('refuses a mistyped confirmation, and saves with the one password field alone', async () => {
    await openManage();
    await manage.getByTestId('backup-master-password').fill(PASSWORD);
    await manage.getByTestId('backup-password').fill(BACKUP_PASSWORD);
    await manage.getByTestId('backup-password-confirm').fill(`${BACKUP_PASSWORD}!`);
    await manage.getByTestId('backup-create').click();
    await expect.poll(() => manage.getByTestId('error').innerText()).toMatch(/do not match/);
    // The stable hooks name one password field: the confirmation is there to catch typos.
    await manage.getByTestId('backup-password-confirm').fill('');
    await manage.getByTestId('backup-master-password').fill(PASSWORD);
    const [download] = await Promise.all([
      manage.waitForEvent('download'),
      manage.getByTestId('backup-create').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
  });

  it('saves an encrypted backup, and the reminder goes away', async () => {
    await openManage();
    await manage.getByTestId('backup-master-password').fill(PASSWORD);
    await manage.getByTestId('backup-password').fill(BACKUP_PASSWORD);
    await manage.getByTestId('backup-password-confirm').fill(BACKUP_PASSWORD);
    const [download] = await Promise.all([
      manage.waitForEvent('download'),
      manage.getByTestId('backup-create').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pc-authenticator-backup-\d{4}-\d\d-\d\d\.json$/);
    backupFile = join(browser.profileDir, download.suggestedFilename());
    await download.saveAs(backupFile);
    const text = await readFile(backupFile, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'pc-authenticator-backup', version: 1 });
    for (const { secret, issuer } of ACCOUNTS) {
      expect(text).not.toContain(secret);
      if (issuer) expect(text).not.toContain(issuer);
    }
    await expect.poll(() => manage.getByTestId('backup-done').innerText()).toMatch(/6 accounts/);
    expect(await manage.getByTestId('backup-last').innerText()).toMatch(/Last backup/);

    const popup = await PopupPage.open(browser);
    await popup.accounts().first().waitFor();
    await popup.page.waitForTimeout(500);
    expect(await popup.byTestId('backup-reminder').count()).toBe(0);
    await popup.page.close();
  });

  it('restores every field and the order on a wiped profile, after a wrong password', async () => {
    const before = comparable(await accountsOf(manage));
    const keysBefore = await keysOf(manage, PASSWORD);
    const wiped = await sendFromPage(manage, 'vault.wipe', {
      confirmation: 'DELETE',
      password: PASSWORD,
    });
    expect(wiped.ok).toBe(true);
    await openManage();
    await manage.getByTestId('password-new').fill(PASSWORD);
    await manage.getByTestId('password-confirm').fill(PASSWORD);
    await manage.getByTestId('password-create').click();

    await manage.getByTestId('import-file').setInputFiles(backupFile);
    await manage.getByTestId('import-password-step').waitFor();
    await manage.getByTestId('import-password').fill('not the backup password');
    await manage.getByTestId('import-submit').click();
    await expect.poll(() => manage.getByTestId('error').innerText()).toMatch(/password is wrong/);
    expect(await accountsOf(manage)).toEqual([]);

    await manage.getByTestId('import-password').fill(BACKUP_PASSWORD);
    await manage.getByTestId('import-submit').click();
    // Opening the backup (Argon2id) may take longer than a poll on a busy machine.
    await manage.getByTestId('import-preview').waitFor();
    const items = manage.getByTestId('import-preview-item');
    await expect.poll(() => items.count()).toBe(6);
    for (const status of await items.evaluateAll((els) => els.map((e) => e.dataset.status)))
      expect(status).toBe('new');
    expect(await manage.getByTestId('import-submit').innerText()).toBe('Add 6 accounts');
    expect(await accountsOf(manage)).toEqual([]);

    await manage.getByTestId('import-submit').click();
    await expect.poll(() => manage.getByTestId('import-result').innerText()).toMatch(/Added: 6/);
    expect(comparable(await accountsOf(manage))).toEqual(before);
    expect(await keysOf(manage, PASSWORD)).toEqual(keysBefore);
  });

  it.skipIf(!existsSync(AEGIS))(
    'imports a real Aegis export: 7 entries, Steam skipped',
    async () => {
      // The password typed first is tried on the file chosen next: one click to the preview.
      await manage.getByTestId('import-password').fill('test');
      await manage.getByTestId('import-file').setInputFiles(AEGIS);
      await manage.getByTestId('import-preview').waitFor();
      expect(await manage.getByTestId('import-preview-item').count()).toBe(6);
      const skipped = manage.getByTestId('import-preview-skipped');
      expect(await skipped.count()).toBe(1);
      expect(await skipped.innerText()).toMatch(/Boeing \(Sophia\)[\s\S]*such as Steam/);
      const preview = await manage.getByTestId('import-preview').innerText();
      expect(preview).toMatch(/\(Aegis\)/);
      expect(preview).toMatch(/7 accounts found/);

      await manage.getByTestId('import-submit').click();
      await expect.poll(async () => (await accountsOf(manage)).length).toBe(12);
      expect(await manage.getByTestId('import-result').innerText()).toMatch(/Added: 12/);
    },
  );

  it('imports a crafted backup without its bad sites or its pin, showing the good binding', async () => {
    const site = 'https://densenkenpo.portal.kosmo-web.jp';
    const crafted = {
      ...ACCOUNTS[0]!,
      issuer: 'Crafted',
      name: 'look-alike',
      secret: 'MFRGGZDFMZTWQ2LKNNWG23TP',
      sites: ['javascript:alert(1)', `https://${'a'.repeat(100_000)}.jp`, site],
      deviceName: 'x'.repeat(300),
      pinned: true,
    };
    const file = join(browser.profileDir, 'crafted.json');
    const cost = { memoryKiB: 64, iterations: 1, parallelism: 1 };
    await writeFile(
      file,
      await createBackup([crafted], BACKUP_PASSWORD, { now: Date.now(), crypto, kdfCost: cost }),
    );
    await openManage();
    await manage.getByTestId('import-password').fill(BACKUP_PASSWORD);
    await manage.getByTestId('import-file').setInputFiles(file);
    await manage.getByTestId('import-preview').waitFor();
    expect(await manage.getByTestId('import-preview-sites').allInnerTexts()).toEqual([
      'Used on densenkenpo.portal.kosmo-web.jp',
    ]);
    await manage.getByTestId('import-submit').click();
    await expect.poll(() => manage.getByTestId('import-result').innerText()).toMatch(/Added: 1/);
    const stored = (await accountsOf(manage)).find((a) => a.issuer === 'Crafted');
    expect(stored).toMatchObject({ sites: [site] });
    expect(stored?.pinned).toBeUndefined();
    expect(stored?.deviceName).toBeUndefined();
  });
});

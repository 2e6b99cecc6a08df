import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMigrationUris } from '../../lib/otp/migration';
import type { AccountData } from '../../lib/otp/types';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';

describe('importing what a PC user has: a saved QR image, a Google export', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pca-import-'));
    replica = await startReplica();
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    const popup = await PopupPage.open(browser);
    await popup.createPassword('import-test-password');
    await popup.page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
    await rm(dir, { recursive: true, force: true });
  });

  it('adds the replica QR saved as a PNG, and its code signs in', async () => {
    await replicaHook(replica.server.url, '/__test/user', { user: 'png-user' });
    const site = await KosmoSite.open(browser.context, 'v2');
    await site.login('png-user');
    const src = await site.page.locator('#kc-totp-secret-qr-code').getAttribute('src');
    const file = join(dir, 'kosmo-qr.png');
    await writeFile(file, Buffer.from(src!.split(',')[1]!.trim(), 'base64'));

    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    await manage.getByTestId('import-file').setInputFiles(file);
    await manage.getByTestId('import-preview').getByTestId('import-submit').click();
    await expect
      .poll(() => manage.getByTestId('import-result').innerText())
      .toMatch(/Added.*png-user/s);

    const popup = await PopupPage.open(browser);
    await awayFromStepEdge();
    const row = popup.accounts().filter({ hasText: 'png-user' });
    const code = (await row.getByTestId('account-code').innerText()).replace(/\s/g, '');
    expect(code).toBe(oathtoolTotp(await setupKeyOf(replica.server.url, 'png-user')));
    await site.submitSetup(code, 'PC');
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });

  it('imports a two-QR Google export with Japanese names and says which batch is missing', async () => {
    const accounts: AccountData[] = Array.from({ length: 12 }, (_, i) => ({
      issuer: i === 0 ? '電線工業健康保険組合' : `Service ${i}`,
      name: i === 0 ? '山田 太郎' : `user${i}`,
      secret: `MFRGGZDFMZTWQ2L${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}`,
      type: i === 1 ? 'hotp' : 'totp',
      algorithm: i === 2 ? 'SHA256' : 'SHA1',
      digits: i === 3 ? 8 : 6,
      period: 30,
      counter: i === 1 ? 7 : 0,
      sites: [],
    }));
    const [first, second] = encodeMigrationUris(accounts, { batchId: 4242 });
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    await manage.getByTestId('import-text').fill(first!);
    await manage.getByTestId('import-submit').click();
    await manage.getByTestId('import-preview').getByTestId('import-submit').click();
    const result = manage.getByTestId('import-result');
    await expect.poll(() => result.innerText()).toMatch(/電線工業健康保険組合 \(山田 太郎\)/);
    expect(await result.innerText()).toMatch(/QR code 1 of 2 read\. Still to read: 2/);

    await manage.getByTestId('import-text').fill(second!);
    await manage.getByTestId('import-submit').click();
    await manage.getByTestId('import-preview').getByTestId('import-submit').click();
    await expect.poll(() => manage.getByTestId('import-entry').count()).toBe(2);
    await expect.poll(() => result.innerText()).toMatch(/all 2 QR codes read/);
    const popup = await PopupPage.open(browser);
    await expect.poll(() => popup.accounts().count()).toBeGreaterThanOrEqual(13);
    expect(await popup.page.getByText('山田 太郎').count()).toBe(1);
  });
});

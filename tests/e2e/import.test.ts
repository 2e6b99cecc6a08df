import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../lib/backup/pc-backup';
import { encodeMigrationUris } from '../../lib/otp/migration/encode';
import type { AccountData } from '../../lib/otp/types';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, replicaHook, setupKeyOf, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { sendFromPage } from './support/messages';
import { keycloakUri, qrCanvas } from '../unit/qr/hard-set';

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

  it('refuses a 16384×16384 PNG and a backup asking Argon2id 1 GiB in under 2 s each', async () => {
    const be32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    const header = [...Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), ...be32(13)];
    const ihdr = [...Buffer.from('IHDR'), ...be32(16_384), ...be32(16_384), 8, 6, 0, 0, 0];
    const png = join(dir, 'huge.png');
    await writeFile(png, Buffer.from([...header, ...ihdr, ...new Array(4 + 260_000).fill(0)]));
    const backup = JSON.parse(
      await createBackup([], 'x', { now: Date.now(), crypto: globalThis.crypto }),
    ) as { kdf: { memoryKiB: number; iterations: number } };
    Object.assign(backup.kdf, { memoryKiB: 1_048_576, iterations: 64 });
    const costly = join(dir, 'costly-backup.json');
    await writeFile(costly, JSON.stringify(backup));

    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const rows = manage.getByTestId('manage-account');
    await rows.first().waitFor();
    const before = await rows.count();
    for (const [file, message] of [
      [png, /too large/],
      [costly, /key-derivation work/],
    ] as const) {
      const started = Date.now();
      await manage.getByTestId('import-file').setInputFiles(file);
      await expect
        .poll(() => manage.getByTestId('import-result').allInnerTexts(), { timeout: 2000 })
        .toContainEqual(expect.stringMatching(message));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await manage.getByTestId('import-preview').count()).toBe(0);
    }
    const status = await sendFromPage(manage, 'vault.status', undefined);
    expect(status).toEqual({ ok: true, value: 'unlocked' });
    await manage.reload();
    await rows.first().waitFor();
    expect(await rows.count()).toBe(before);
    await manage.close();
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

  it('answers a damaged image and a non-image clearly, and reads a WebP QR code', async () => {
    const manage = await browser.context.newPage();
    await manage.goto(browser.url('manage.html'));
    const preview = (dataUrl: string) =>
      sendFromPage(manage, 'import.preview', { source: { kind: 'image', name: 'x', dataUrl } });
    // A PNG whose header is fine (100×100) but whose pixels are noise.
    const damaged = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x64\0\0\0\x64\x08\x06\0\0\0', 'latin1'),
      Buffer.alloc(2000, 0x5a),
    ]);
    for (const dataUrl of [
      `data:image/png;base64,${damaged.toString('base64')}`,
      'data:image/png;base64,not*base64',
      `data:image/png;base64,${Buffer.from('just some text').toString('base64')}`,
    ]) {
      const reply = await preview(dataUrl);
      expect(reply.ok ? reply.value : reply.error).toEqual({ key: 'error_image_unreadable' });
    }
    // zxing's own decoder reads no WebP: the browser decodes it for the reader.
    const uri = keycloakUri('webp-user', 11);
    const webp = await qrCanvas(uri, { modulePx: 4, canvasPx: 400 }).encode('webp', 90);
    const reply = await preview(`data:image/webp;base64,${webp.toString('base64')}`);
    expect(reply.ok && reply.value.items.map((item) => item.status)).toEqual(['new']);
    await manage.close();
  });
});

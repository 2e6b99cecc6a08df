import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { PopupPage } from './support/popup-page';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  if (browser) await removeProfile(browser.profileDir);
});

it('reports a damaged record by name and still opens every other account', async () => {
  const popup = await PopupPage.open(browser);
  await popup.createPassword('tamper-test-password');
  for (const [issuer, secret] of [
    ['Damaged Service', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'],
    ['Healthy Service', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'],
  ]) {
    await sendFromPage(popup.page, 'accounts.add', {
      uri: `otpauth://totp/${encodeURIComponent(issuer!)}:user?secret=${secret}`,
    });
  }

  // Flip one byte of the first record's ciphertext, in the real IndexedDB on disk.
  await popup.page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('pc-authenticator');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('accounts', 'readwrite').objectStore('accounts');
    const records = await new Promise<{ order: number; ciphertext: string }[]>((resolve) => {
      const all = store.getAll();
      all.onsuccess = () => resolve(all.result);
    });
    const first = records.sort((a, b) => a.order - b.order)[0]!;
    const bytes = Uint8Array.from(atob(first.ciphertext), (c) => c.charCodeAt(0));
    bytes[0]! ^= 0x01;
    first.ciphertext = btoa(String.fromCharCode(...bytes));
    await new Promise((resolve) => (store.put(first).onsuccess = resolve));
    db.close();
  });

  await popup.page.reload();
  await expect.poll(() => popup.accounts().count()).toBe(1);
  await expect(popup.accounts().first().getByTestId('account-issuer').innerText()).resolves.toBe(
    'Healthy Service',
  );
  await expect(popup.byTestId('error').innerText()).resolves.toMatch(/Damaged Service.*damaged/);

  // The unreadable entry can be removed (after asking); the healthy account stays.
  await popup.byTestId('failed-delete').click();
  await popup.byTestId('failed-delete-confirm').click();
  await expect.poll(() => popup.byTestId('error').count()).toBe(0);
  await expect(popup.accounts().count()).resolves.toBe(1);
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { KosmoSite, startReplica } from './support/kosmo-site';
import { awayFromStepEdge, oathtoolTotp } from './support/oathtool';
import { PopupPage } from './support/popup-page';
import { findInProfile } from './support/profile-scan';

const PASSWORD = 'correct horse battery staple';
// Distinctive, so a hit in the profile can only come from the extension's own storage.
const ACCOUNT_NAME = `e2e-${randomBytes(4).toString('hex')}`;

describe('foundation: type the key, sign in, restart, sign in again', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let key = '';

  beforeAll(async () => {
    // Keycloak refuses a code already used, so the second sign-in really needs the next code.
    replica = await startReplica({ codeReusable: false });
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  it('adds the key as Keycloak shows it and its code signs in', async () => {
    browser = await launchWithExtension();
    await replica.attach(browser.context);
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);

    const site = await KosmoSite.open(browser.context);
    await site.login('user1');
    key = await site.manualKey();
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

    await popup.addByKey({ issuer: '電線工業健康保険組合', name: ACCOUNT_NAME, secret: key });
    await expect.poll(() => popup.accounts().count()).toBe(1);
    await expect
      .poll(() => popup.accounts().first().getByTestId('account-name').innerText())
      .toBe(ACCOUNT_NAME);

    await awayFromStepEdge();
    const code = await popup.code();
    expect(code).toBe(oathtoolTotp(key));

    await site.submitSetup(code, 'PC Authenticator (Chrome)');
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });

  it('is locked after a browser restart, and unlocks to a working account', async () => {
    const setupStep = Math.floor(Date.now() / 30_000);
    await browser.close();
    browser = await launchWithExtension({ profileDir: browser.profileDir });
    await replica.attach(browser.context);

    const popup = await PopupPage.open(browser);
    await popup.byTestId('unlock-password').waitFor();
    await expect(popup.accounts().count()).resolves.toBe(0);
    await popup.unlock(PASSWORD);
    await expect.poll(() => popup.accounts().count(), { timeout: 10_000 }).toBe(1);

    // The first code was used at setup; wait for the next step, as a person would.
    while (Math.floor(Date.now() / 30_000) === setupStep) await popup.page.waitForTimeout(500);
    await awayFromStepEdge();
    const code = await popup.code();
    expect(code).toBe(oathtoolTotp(key));

    const site = await KosmoSite.open(browser.context);
    await site.login('user1');
    await site.submitOtp(code);
    await expect.poll(() => site.signedIn().count()).toBe(1);
  });

  it('leaves neither the key, its bytes nor the account name anywhere in the profile', async () => {
    await browser.close();
    const raw = Buffer.from(base32ToBytes(key));
    const hits = await findInProfile(browser.profileDir, {
      'the Base32 key': key.replace(/\s/g, ''),
      'the key as shown': key,
      'the key bytes (hex)': raw.toString('hex'),
      'the key bytes (HEX)': raw.toString('hex').toUpperCase(),
      'the account name': ACCOUNT_NAME,
    });
    expect(hits).toEqual([]);
    // The scan itself works: the profile does name the extension.
    const control = await findInProfile(browser.profileDir, {
      'extension id': browser.extensionId,
    });
    expect(control.length).toBeGreaterThan(0);
  });
});

function base32ToBytes(text: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/\s/g, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  return (bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';
import { awayFromStepEdge, recentTotps } from './support/oathtool';
import { PopupPage } from './support/popup-page';

const PASSWORD = 'first-paint-password';
const KEYS = [
  'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  'ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU',
  'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF',
  'NBSWY3DPEB3W64TMMQQHO33SNRSCAITB',
  'ORSXG5DJNZTSA5DFON2GS3THEB2GK43U',
];

/** Added by the last test: with them the list is longer than the first paint's 12 rows. */
const MORE_KEYS = Array.from(
  { length: 8 },
  (_, i) => `MZUXE43UFVYGC2LOOQWW233SMUWTAMB${'QRSTUVWX'[i]}`,
);

/**
 * What the popup drew before its UI loaded, recorded in the page at document start: the rows of
 * the first `main[data-first-paint]` the moment it appeared, and whether the app replaced it.
 * A string, so tsx's helpers never reach the page.
 */
const RECORD_FIRST_PAINT = `(() => {
  if (location.pathname !== '/popup.html') return;
  const seen = { rows: null, replaced: false, at: 0, disabled: null };
  window.__firstPaint = seen;
  new MutationObserver(() => {
    const painted = document.querySelector('main[data-first-paint]');
    if (painted && !seen.rows) {
      seen.at = Date.now();
      seen.disabled = painted.getAttribute('aria-disabled');
      seen.rows = [...painted.querySelectorAll('[data-testid="account"]')].map((row) => ({
        issuer: row.querySelector('[data-testid="account-issuer"]').textContent,
        name: row.querySelector('[data-testid="account-name"]').textContent,
        code: row.querySelector('[data-testid="account-code"]').textContent,
      }));
    }
    if (seen.rows && !painted) seen.replaced = true;
  }).observe(document, { childList: true, subtree: true });
})();`;

interface FirstPaint {
  rows: { issuer: string; name: string; code: string }[] | null;
  /** `aria-disabled` of the picture: a click must wait for the app's controls. */
  disabled: string | null;
  replaced: boolean;
  at: number;
}

describe("the popup's first paint (codes before the UI loads)", () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const popup = await PopupPage.open(browser);
    await popup.createPassword(PASSWORD);
    await popup.byTestId('recovery-key-done').click();
    for (const [i, key] of KEYS.entries()) {
      const uri = `otpauth://totp/Issuer%20${i}:user-${i}?secret=${key}&issuer=Issuer%20${i}`;
      const added = await sendFromPage(popup.page, 'accounts.add', { uri });
      if (!added.ok) throw new Error(`accounts.add: ${added.error.key}`);
    }
    await popup.page.close();
    await browser.context.addInitScript({ content: RECORD_FIRST_PAINT });
  });

  afterAll(async () => {
    await browser?.close();
    if (browser) await removeProfile(browser.profileDir);
  });

  const firstPaintOf = (popup: PopupPage) =>
    popup.page.evaluate(() => (window as unknown as { __firstPaint: FirstPaint }).__firstPaint);

  it("draws every account's right code at once, then the app takes over with the same rows", async () => {
    await awayFromStepEdge(8);
    const popup = await PopupPage.open(browser);
    // Only the app draws a row's delete button: it has taken over.
    await popup.byTestId('account-delete').first().waitFor();
    const painted = await firstPaintOf(popup);
    expect(painted.rows).not.toBeNull();
    expect(painted.replaced).toBe(true);
    expect(painted.disabled).toBe('true');
    expect(await popup.page.locator('main[data-first-paint]').count()).toBe(0);
    const app = await popup.accounts().evaluateAll((rows) =>
      rows.map((row) => ({
        issuer: row.querySelector('[data-testid="account-issuer"]')!.textContent,
        name: row.querySelector('[data-testid="account-name"]')!.textContent,
      })),
    );
    expect(painted.rows!.map(({ issuer, name }) => ({ issuer, name }))).toEqual(app);
    for (const [i, row] of painted.rows!.entries()) {
      // Shown as "123 456"; oathtool's code of that moment (or of the step just before).
      expect(recentTotps(KEYS[i]!, painted.at)).toContain(row.code.replace(' ', ''));
    }
    await popup.page.close();
  });

  it('draws nothing while the vault is locked: the unlock form comes from the app', async () => {
    const driver = await PopupPage.open(browser);
    await sendFromPage(driver.page, 'vault.lock', undefined);
    await driver.page.close();
    const popup = await PopupPage.open(browser);
    await popup.byTestId('unlock-password').waitFor();
    expect((await firstPaintOf(popup)).rows).toBeNull();
    await popup.unlock(PASSWORD);
    await expect.poll(() => popup.accounts().count(), { timeout: 10_000 }).toBe(KEYS.length);
    await popup.page.close();
  });
  it('with more accounts than its 12 rows: draws the first 12 (pinned first), the app all of them', async () => {
    const driver = await PopupPage.open(browser);
    const keyOf = new Map(KEYS.map((key, i) => [`Issuer ${i}`, key]));
    let last = '';
    for (const [i, key] of MORE_KEYS.entries()) {
      const uri = `otpauth://totp/More%20${i}:more-${i}?secret=${key}&issuer=More%20${i}`;
      const added = await sendFromPage(driver.page, 'accounts.add', { uri });
      if (!added.ok) throw new Error(`accounts.add: ${added.error.key}`);
      keyOf.set(`More ${i}`, key);
      last = added.value.id;
    }
    const pinned = await sendFromPage(driver.page, 'accounts.update', {
      id: last,
      patch: { pinned: true },
    });
    expect(pinned.ok).toBe(true);
    await driver.page.close();

    await awayFromStepEdge(8);
    const popup = await PopupPage.open(browser);
    await popup.byTestId('account-delete').first().waitFor();
    const painted = await firstPaintOf(popup);
    expect(painted.rows!.map((row) => row.issuer)).toEqual([
      'More 7',
      ...KEYS.map((_, i) => `Issuer ${i}`),
      'More 0',
      'More 1',
      'More 2',
      'More 3',
    ]);
    for (const row of painted.rows!) {
      expect(recentTotps(keyOf.get(row.issuer)!, painted.at)).toContain(row.code.replace(' ', ''));
    }
    const total = KEYS.length + MORE_KEYS.length;
    await expect.poll(() => popup.accounts().count(), { timeout: 10_000 }).toBe(total);
    const issuers = await popup.byTestId('account-issuer').allTextContents();
    expect(issuers.slice(0, 12)).toEqual(painted.rows!.map((row) => row.issuer));
    expect(issuers.slice(12)).toEqual(['More 4', 'More 5', 'More 6']);
    await popup.page.close();
  });
});

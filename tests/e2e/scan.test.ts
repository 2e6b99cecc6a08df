import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWithAllUrls,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from './support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from './support/kosmo-site';
import { PopupPage } from './support/popup-page';

describe('scanning the screen', () => {
  let replica: Awaited<ReturnType<typeof startReplica>>;
  let browser: ExtensionBrowser;
  let extensionDir: string;

  beforeAll(async () => {
    replica = await startReplica();
    extensionDir = await buildWithAllUrls();
    browser = await launchWithExtension({ extensionDir });
    await replica.attach(browser.context);
    const popup = await PopupPage.open(browser);
    await popup.createPassword('scan-test-password');
    await popup.page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await replica?.server.close();
    if (browser) await removeProfile(browser.profileDir);
    if (extensionDir) await removeProfile(extensionDir);
  });

  /** The popup, acting on the tab showing `url` (as the toolbar popup acts on the active tab). */
  async function popupFor(url: string): Promise<PopupPage> {
    const probe = await PopupPage.open(browser);
    const tabId = await probe.page.evaluate(async (prefix) => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
      };
      return (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
    }, url);
    await probe.page.goto(browser.url(`popup.html?tab=${tabId}`));
    return probe;
  }

  it('adds the one QR code on the setup page with no dragging', async () => {
    await replicaHook(replica.server.url, '/__test/user', { user: 'scan-user' });
    const site = await KosmoSite.open(browser.context);
    await site.login('scan-user');
    await site.page.locator('#kc-totp-secret-qr-code').waitFor();
    const popup = await popupFor(site.page.url());
    await popup.byTestId('scan-screen').click();
    await expect
      .poll(() =>
        popup
          .byTestId('scan-result')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/scan-user/);
    await expect.poll(() => popup.accounts().count()).toBe(1);
  });

  it('with two OTP QR codes on the page, the box drawn around one adds that one', async () => {
    const site = await browser.context.newPage();
    await site.goto(`${KOSMO_ORIGIN}/__test/two-qr`);
    // A second authenticator QR beside the page's own, so the whole-capture decode is ambiguous.
    const other = await QRCode.toDataURL(
      'otpauth://totp/Other:not-this-one?secret=MFRGGZDFMZTWQ2LK',
    );
    await site.evaluate((src) => {
      const img = Object.assign(document.createElement('img'), { src, id: 'other-qr', width: 200 });
      document.querySelector('#kc-totp-secret-qr-code')!.before(img);
    }, other);
    await site
      .locator('#kc-totp-secret-qr-code')
      .evaluate((qr) => qr.scrollIntoView({ block: 'center' }));
    const popup = await popupFor(`${KOSMO_ORIGIN}/__test/two-qr`);
    await popup.byTestId('scan-screen').click();
    await site.getByTestId('scan-overlay').waitFor();
    // The page can't close it: the older-overlay signal lives in our isolated world, not in an
    // event on the document; and the page's synthetic drag sends nothing.
    await site.evaluate(() => {
      document.dispatchEvent(new CustomEvent('pc-authenticator-scan-stop'));
      const veil = document
        .querySelector('pc-authenticator-scan')
        ?.shadowRoot?.querySelector('[data-testid="scan-overlay"]');
      for (const [type, xy] of [
        ['mousedown', 5],
        ['mousemove', 400],
        ['mouseup', 400],
      ] as const) {
        veil?.dispatchEvent(new MouseEvent(type, { clientX: xy, clientY: xy, bubbles: true }));
      }
    });
    await site.waitForTimeout(500);
    expect(await site.getByTestId('scan-overlay').count()).toBe(1);
    expect(await site.getByRole('status').last().innerText()).not.toMatch(/two-qr-user|Other/);

    const box = (await site.locator('#kc-totp-secret-qr-code').boundingBox())!;
    await site.mouse.move(box.x - 6, box.y - 6);
    await site.mouse.down();
    await site.mouse.move(box.x + box.width + 6, box.y + box.height + 6, { steps: 5 });
    await site.mouse.up();
    await expect.poll(() => site.getByRole('status').last().innerText()).toMatch(/two-qr-user/);
    await popup.page.reload();
    await expect.poll(() => popup.page.getByText('two-qr-user').count()).toBe(1);
    expect(await popup.page.getByText('not-this-one').count()).toBe(0);
  });

  it('offers the image import on a page it cannot read', async () => {
    // An extension page (here the popup's own tab) is as closed to scanning as chrome:// pages.
    const popup = await PopupPage.open(browser);
    const ownTab = await popup.page.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id: number }> } } }
          ).chrome.tabs.getCurrent()
        ).id,
    );
    await popup.page.goto(browser.url(`popup.html?tab=${ownTab}`));
    await popup.byTestId('scan-screen').click();
    await popup.byTestId('scan-unsupported').waitFor();
    // It names the popup's real button for images.
    await expect(popup.byTestId('scan-unsupported').innerText()).resolves.toMatch(
      /“Add from an image or text”/,
    );
  });
});

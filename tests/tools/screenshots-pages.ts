/**
 * Screenshots of the extension at work on the KOSMO replica and on its manage page, in Japanese:
 * called from screenshots.ts (`npm run screenshots`). Writes to docs/:
 *  - enroll-button.png, enroll-done.png: the OTP setup page (QR mode) with 「PC Authenticatorに
 *    追加」, then after the click (fields filled, status line);
 *  - badge.png, badge-locked.png: the OTP entry page with the code badge, then with the vault locked;
 *  - scan-overlay.png: the drag-a-box overlay while a box is being drawn round one QR code;
 *  - manage-{light,dark}.png: manage.html unlocked with a few import results;
 *  - popup-site-{light,dark}.png: the popup opened for a KOSMO tab (「このページに入力」).
 * The in-page UI has no dark design (it sits in the site's own light page), so only light there.
 */
import { createCanvas } from '@napi-rs/canvas';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import {
  buildWithAllUrls,
  launchWithExtension,
  removeProfile,
  type ExtensionBrowser,
} from '../e2e/support/browser';
import { KOSMO_ORIGIN, KosmoSite, replicaHook, startReplica } from '../e2e/support/kosmo-site';
import { sendFromPage } from '../e2e/support/messages';
import { awayFromStepEdge } from '../e2e/support/oathtool';
import { PopupPage } from '../e2e/support/popup-page';
import {
  DEMO_ACCOUNTS,
  DOCS,
  FIXED_TIME,
  PASSWORD,
  POPUP_VIEWPORT,
  demoSecret,
  demoUri,
  type Scheme,
} from './screenshot-accounts';

type Replica = Awaited<ReturnType<typeof startReplica>>;

/** A desktop window tall enough for the whole setup page, so clips need no scrolling. */
const SITE_VIEWPORT = { width: 1024, height: 1300 };
/** The overlay covers the window: a common laptop size, the two-QR page fits in it. */
const OVERLAY_VIEWPORT = { width: 1024, height: 960 };
/** Room kept round a clipped part of a page (less than the gap between the manage cards). */
const PAD = 12;
const MANAGE_VIEWPORT = { width: 1100, height: 900 };
/** The replica's realm name: the issuer KOSMO Web puts in its QR code. */
const REALM = '電線工業健康保険組合';

interface ReplicaState {
  users: { username: string; devices: { secret: string }[] }[];
}

async function shoot(page: Page, name: string, fullPage = false): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(DOCS, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/**
 * A screenshot of the page from the top of `from` to the bottom of `to`, `across` wide, with
 * `pad` round it (document coordinates, so a part below the fold is clipped right too).
 */
async function shootClip(
  page: Page,
  name: string,
  { across, from, to, pad = PAD }: { across: Locator; from: Locator; to: Locator; pad?: number },
): Promise<string> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const [wide, top, bottom] = await Promise.all([
    across.boundingBox(),
    from.boundingBox(),
    to.boundingBox(),
  ]);
  if (!wide || !top || !bottom) throw new Error(`${name}: a clip edge is not on the page`);
  const x = Math.max(0, wide.x + scroll.x - PAD);
  const y = Math.max(0, top.y + scroll.y - pad);
  const clip = {
    x,
    y,
    width: wide.width + 2 * PAD,
    height: bottom.y + scroll.y + bottom.height + pad - y,
  };
  const path = join(DOCS, `${name}.png`);
  await page.screenshot({ path, clip, fullPage: true, animations: 'disabled' });
  return path;
}

/** A fresh browser (Japanese, `scheme`), the replica at the KOSMO origin, a vault with accounts. */
async function prepare(
  replica: Replica,
  scheme: Scheme,
  extensionDir?: string,
): Promise<{ browser: ExtensionBrowser; popup: PopupPage }> {
  const browser = await launchWithExtension({
    lang: 'ja',
    colorScheme: scheme,
    ...(extensionDir ? { extensionDir } : {}),
  });
  await replica.attach(browser.context);
  const popup = await PopupPage.open(browser);
  await popup.createPassword(PASSWORD);
  return { browser, popup };
}

/** Adds the first `count` demo accounts and user2's KOSMO device, bound to the KOSMO origin. */
async function addAccounts(replica: Replica, popup: PopupPage, count: number): Promise<void> {
  const state = await replicaHook<ReplicaState>(replica.server.url, '/__test/state');
  const key = state.users.find((u) => u.username === 'user2')!.devices[0]!.secret;
  const kosmo = await sendFromPage(popup.page, 'accounts.add', {
    uri: `otpauth://totp/${encodeURIComponent(REALM)}:user2?secret=${key}&issuer=${encodeURIComponent(REALM)}`,
  });
  if (!kosmo.ok) throw new Error(`accounts.add user2: ${kosmo.error.key}`);
  const bound = await sendFromPage(popup.page, 'accounts.bind', {
    id: kosmo.value.id,
    origin: KOSMO_ORIGIN,
    bound: true,
  });
  if (!bound.ok) throw new Error(`accounts.bind: ${bound.error.key}`);
  // The demo list's first entry is the same 健保組合 as the replica; start after it.
  for (let i = 1; i <= count; i++) {
    const added = await sendFromPage(popup.page, 'accounts.add', {
      uri: demoUri(DEMO_ACCOUNTS[i]!, i),
    });
    if (!added.ok) throw new Error(`accounts.add ${DEMO_ACCOUNTS[i]!.issuer}: ${added.error.key}`);
  }
}

/** The id of the tab showing `url`, asked from an extension page. */
async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (prefix) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
    };
    return (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * The popup acting on the tab that shows `url` (as scan.test.ts's popupFor), at popup size, its
 * clock fixed at FIXED_TIME like the other popup shots. The popup checks the PC clock against the
 * KOSMO server's `Date` header (a HEAD request): answered here with the same fixed time, or it
 * would warn that the PC is months off — true of the fixed clock, not of a user's PC.
 */
async function popupFor(browser: ExtensionBrowser, url: string): Promise<PopupPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.clock.setFixedTime(FIXED_TIME);
  await page.route(`${KOSMO_ORIGIN}/**`, (route) =>
    route.request().method() === 'HEAD'
      ? route.fulfill({ status: 200, headers: { date: FIXED_TIME.toUTCString() } })
      : route.fallback(),
  );
  await page.goto(browser.url('popup.html'));
  const tabId = await tabIdOf(page, url);
  await page.goto(browser.url(`popup.html?tab=${tabId}`));
  return new PopupPage(page);
}

async function openSite(browser: ExtensionBrowser): Promise<KosmoSite> {
  const site = await KosmoSite.open(browser.context);
  await site.page.setViewportSize(SITE_VIEWPORT);
  return site;
}

/** The OTP entry page with the badge showing a code (auto-filled), then with the vault locked. */
async function shootBadge(browser: ExtensionBrowser, popup: PopupPage): Promise<string[]> {
  const written: string[] = [];
  await awayFromStepEdge(8);
  const site = await openSite(browser);
  await site.login('user2');
  const badge = site.page.getByTestId('badge');
  await badge.getByTestId('badge-fill').waitFor();
  await site.page.waitForFunction(() =>
    /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#otp')?.value ?? ''),
  );
  const card = site.page.locator('.kosmo-card');
  written.push(await shootClip(site.page, 'badge', { across: card, from: card, to: card }));
  await site.page.close();

  const locked = await sendFromPage(popup.page, 'vault.lock', undefined);
  if (!locked.ok) throw new Error(`vault.lock: ${locked.error.key}`);
  const again = await openSite(browser);
  await again.login('user2');
  await again.page.getByTestId('badge-unlock').waitFor();
  const lockedCard = again.page.locator('.kosmo-card');
  written.push(
    await shootClip(again.page, 'badge-locked', {
      across: lockedCard,
      from: lockedCard,
      to: lockedCard,
    }),
  );
  await again.page.close();
  await popup.page.reload();
  await popup.unlock(PASSWORD);
  await popup.byTestId('add-account').waitFor();
  return written;
}

/** A fresh user's OTP setup page in QR mode, before and after 「PC Authenticatorに追加」. */
async function shootEnroll(replica: Replica, browser: ExtensionBrowser): Promise<string[]> {
  const written: string[] = [];
  const user = 'yamada.taro';
  await replicaHook(replica.server.url, '/__test/user', { user });
  const site = await openSite(browser);
  await site.login(user);
  await site.page.locator('#kc-totp-secret-qr-code').waitFor();
  const enroll = site.page.getByTestId('enroll');
  await enroll.waitFor();
  const card = site.page.locator('.kosmo-card');
  // From the page title down to 「スキャンできませんか？」 under the button.
  written.push(
    await shootClip(site.page, 'enroll-button', {
      across: card,
      from: card,
      to: site.page.locator('#mode-manual'),
      pad: 6,
    }),
  );

  await awayFromStepEdge(8);
  await enroll.click();
  await site.page.waitForFunction(() =>
    /^\d{6}$/.test(document.querySelector<HTMLInputElement>('#totp')?.value ?? ''),
  );
  await site.page.getByRole('status').filter({ hasText: '追加しました' }).waitFor();
  // From step 2 (the QR code) down to 「実行」, which now has the focus.
  written.push(
    await shootClip(site.page, 'enroll-done', {
      across: card,
      from: site.page.locator('#kc-totp-settings > li').nth(1),
      to: site.page.locator('#saveTOTPBtn'),
      pad: 6,
    }),
  );
  await site.page.close();
  return written;
}

/** The popup for the KOSMO OTP tab: 「このページに入力」, the scan and import buttons, the list. */
async function shootPopupSite(browser: ExtensionBrowser, scheme: Scheme): Promise<string> {
  const site = await openSite(browser);
  await site.login('user2');
  await site.page.locator('#otp').waitFor();
  const popup = await popupFor(browser, site.page.url());
  await popup.byTestId('fill-page').waitFor();
  await popup.accounts().last().getByTestId('account-code').waitFor();
  const path = await shoot(popup.page, `popup-site-${scheme}`, true);
  await popup.page.close();
  await site.page.close();
  return path;
}

/** A PNG of an ordinary picture: shapes and text, no QR code (as manage.test.ts draws it). */
function pictureWithoutQr(): Buffer {
  const canvas = createCanvas(320, 200);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 320, 200);
  context.fillStyle = '#1f5fbf';
  context.fillRect(20, 20, 120, 80);
  context.beginPath();
  context.arc(230, 110, 50, 0, Math.PI * 2);
  context.fillStyle = '#e0a100';
  context.fill();
  return canvas.toBuffer('image/png');
}

/**
 * manage.html with five results: a QR image, two pasted URIs, a photo, the image again, a typo.
 * Files go in as buffers: Playwright's setInputFiles by path silently delivers nothing when the
 * file name is Japanese (seen with playwright-core 1.65 + Chromium 156), by buffer it works.
 */
async function shootManage(browser: ExtensionBrowser, scheme: Scheme): Promise<string> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(MANAGE_VIEWPORT);
    await page.goto(browser.url('manage.html'));
    const input = page.getByTestId('import-file');
    await input.waitFor({ state: 'attached' });
    const done = (count: number) =>
      page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=import-entry][data-state=done]').length >= n,
        count,
      );
    // Every submission opens its preview first; its own import-submit adds (or closes).
    const confirm = (name: string) =>
      page
        .getByTestId('import-preview')
        .filter({ hasText: name })
        .getByTestId('import-submit')
        .click();
    const qr = {
      name: 'マネーフォワードのQRコード.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer(demoUri(DEMO_ACCOUNTS[12]!, 12), { scale: 6 }),
    };
    const photo = {
      name: 'スクリーンショット 2026-04-01 9.30.png',
      mimeType: 'image/png',
      buffer: pictureWithoutQr(),
    };

    await input.setInputFiles(qr);
    await confirm(qr.name);
    await done(1);
    const text = [13, 14].map((i) => demoUri(DEMO_ACCOUNTS[i]!, i)).join('\n');
    await page.getByTestId('import-text').fill(text);
    await page.getByTestId('import-submit').click();
    await confirm('');
    await done(2);
    await input.setInputFiles([photo, qr]);
    await confirm(photo.name);
    await confirm(qr.name);
    await done(4);
    // A key typed by hand with a 1 in it: the error says which characters a key never has.
    const key = demoSecret(15);
    const typo = `${key.slice(0, 4)}1${key.slice(5)}`;
    await page
      .getByTestId('import-text')
      .fill(`otpauth://totp/Chatwork:yamada?secret=${typo}&issuer=Chatwork`);
    await page.getByTestId('import-submit').click();
    await confirm('');
    await done(5);
    await page.mouse.move(0, 0);
    // The import card only: the page's other sections are not what this picture is about.
    const section = page.locator('section.manage-section', { has: input });
    return await shootClip(page, `manage-${scheme}`, {
      across: section,
      from: section,
      to: section,
    });
  } finally {
    await page.close();
  }
}

/** The overlay on a page with two authenticator QR codes, a box half drawn round one of them. */
async function shootOverlay(replica: Replica): Promise<string> {
  const extensionDir = await buildWithAllUrls();
  const { browser, popup } = await prepare(replica, 'light', extensionDir);
  try {
    await popup.page.close();
    const site = await browser.context.newPage();
    await site.setViewportSize(OVERLAY_VIEWPORT);
    await site.goto(`${KOSMO_ORIGIN}/__test/two-qr`);
    const other = await QRCode.toDataURL(
      `otpauth://totp/GitHub:taro-yamada?secret=${demoSecret(1)}&issuer=GitHub`,
    );
    await site.evaluate((src) => {
      const img = Object.assign(document.createElement('img'), { src, id: 'other-qr', width: 200 });
      document.querySelector('#kc-totp-secret-qr-code')!.before(img);
    }, other);
    const qr = site.locator('#kc-totp-secret-qr-code');
    const control = await popupFor(browser, `${KOSMO_ORIGIN}/__test/two-qr`);
    await control.byTestId('scan-screen').click();
    await site.getByTestId('scan-overlay').waitFor();
    await site.bringToFront();
    const box = (await qr.boundingBox())!;
    await site.mouse.move(box.x - 8, box.y - 8);
    await site.mouse.down();
    // The button is still down: the box shows as the user sees it before letting go.
    await site.mouse.move(box.x + box.width + 8, box.y + box.height + 8, { steps: 5 });
    const path = await shoot(site, 'scan-overlay');
    await site.mouse.up();
    return path;
  } finally {
    await browser.close();
    await removeProfile(browser.profileDir);
    await removeProfile(extensionDir);
  }
}

async function shootScheme(replica: Replica, scheme: Scheme): Promise<string[]> {
  const { browser, popup } = await prepare(replica, scheme);
  const written: string[] = [];
  try {
    await addAccounts(replica, popup, 3);
    written.push(await shootPopupSite(browser, scheme));
    written.push(await shootManage(browser, scheme));
    if (scheme === 'light') {
      written.push(...(await shootBadge(browser, popup)));
      written.push(...(await shootEnroll(replica, browser)));
    }
  } finally {
    await browser.close();
    await removeProfile(browser.profileDir);
  }
  return written;
}

/** Every screenshot of this file; returns the paths written. */
export async function shootPages(schemes: readonly Scheme[]): Promise<string[]> {
  const replica = await startReplica();
  const written: string[] = [];
  try {
    for (const scheme of schemes) written.push(...(await shootScheme(replica, scheme)));
    written.push(await shootOverlay(replica));
  } finally {
    await replica.server.close();
  }
  return written;
}

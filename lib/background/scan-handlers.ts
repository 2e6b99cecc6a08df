import { browser } from 'wxt/browser';
import { readQrTexts } from '../import/qr-text';
import type { ImportOutcome } from '../import/types';
import { isKosmoSite } from '../kosmo';
import { classifyQrText } from '../qr/classify-qr-text';
import type { EncodedImage } from '../qr/encoded-image';
import { cropImage, type RgbaImage } from '../qr/rgba-image';
import type { Vault } from '../vault/vault';
import { ForbiddenSenderError } from './errors';
import { captureRect } from '../scan/capture-rect';
import { originOfUrl } from '../site-origin';
import { commitImport } from './import-commit';
import { imageFromDataUrl, qrReader } from './qr-reader';
import type { ContentHandlers, PageHandlers } from './routes';
import { targetTab } from './site-handlers';

/** Pages no extension may read or script: the user gets the image import instead. */
const RESTRICTED =
  /^(chrome|edge|about|chrome-extension|extension|devtools|view-source|file):|^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons)|\.pdf([?#]|$)/i;

/** Whether a tab's page can be captured and scripted (`undefined`: we may not even see it). */
export function isScannableUrl(url: string | undefined): url is string {
  return !!url && !RESTRICTED.test(url);
}

/**
 * The capture a selection overlay is working on, per tab (the overlay must not be in it): its
 * pixels, decoded while the overlay loads and the user draws.
 */
const captures = new Map<number, Promise<RgbaImage>>();

async function otpTexts(image: RgbaImage | EncodedImage): Promise<string[]> {
  const found = await qrReader().read(image);
  return found.map((qr) => qr.text).filter((text) => classifyQrText(text) !== 'other');
}

/**
 * Adds what was read. A QR code on a KOSMO page is that page's: the account is bound to it (the
 * user scanned that tab themself), as the setup page's own button does.
 */
async function addFound(vault: Vault, texts: string[], origin: string | null) {
  const site = origin && isKosmoSite(origin) ? origin : undefined;
  return (await commitImport(vault, readQrTexts(texts), site)).outcomes;
}

/** 「画面のQRコードを読み取る」 from the popup (or the shortcut, through `scanTab`). */
export function scanHandlers(vault: Vault) {
  return { 'scan.screen': ({ tabId }) => scanTab(vault, tabId) } satisfies PageHandlers;
}

/**
 * Captures the visible tab and decodes it whole first: most pages show one QR code, so no dragging
 * is needed. None or several → the overlay asks the user to draw a box around the right one.
 */
export async function scanTab(vault: Vault, tabId?: number) {
  const tab = await targetTab(tabId);
  if (!tab?.id || !isScannableUrl(tab.url)) return { kind: 'unsupported' as const };
  // A worker's first scan loads zxing's wasm while the tab is captured, not after.
  void qrReader().prepare();
  let image: EncodedImage;
  try {
    if (!tab.active) await browser.tabs.update(tab.id, { active: true });
    image = await imageFromDataUrl(
      await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' }),
    );
  } catch {
    return { kind: 'unsupported' as const };
  }
  const texts = await otpTexts(image);
  // One code found by one click: committed at once, through the import's classify and commit.
  if (texts.length === 1) {
    return { kind: 'done' as const, outcomes: await addFound(vault, texts, originOfUrl(tab.url)) };
  }
  const pixels = image.pixels();
  // Read when the user has drawn a box; until then, a failure must not go unhandled.
  pixels.catch(() => undefined);
  captures.set(tab.id, pixels);
  try {
    await browser.scripting.executeScript({
      target: { tabId: tab.id },
      files: ['/scan-overlay.js'],
    });
  } catch {
    captures.delete(tab.id);
    return { kind: 'unsupported' as const };
  }
  return { kind: 'select' as const };
}

/** The overlay's box: cropped from the stored capture at capture resolution (HiDPI, zoom). */
export function regionHandlers(vault: Vault) {
  return {
    'scan.region': async ({ rect, viewportWidth }, { tab, origin }): Promise<ImportOutcome[]> => {
      const capture = tab.id === undefined ? undefined : captures.get(tab.id);
      if (!capture || !(viewportWidth > 0)) throw new ForbiddenSenderError();
      const image = await capture;
      const crop = cropImage(image, captureRect(rect, viewportWidth, image.width));
      const texts = await otpTexts(crop);
      if (texts.length === 0) return [{ kind: 'no-qr' }];
      captures.delete(tab.id!);
      return addFound(vault, texts, origin);
    },
  } satisfies ContentHandlers;
}

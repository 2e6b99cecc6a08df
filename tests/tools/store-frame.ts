import type { Page } from 'playwright-core';

/** Store images: Chrome Web Store and Edge Add-ons take 1280×800 screenshots, a 440×280 tile. */
export const SCREENSHOT = { width: 1280, height: 800 };
export const PROMO_TILE = { width: 440, height: 280 };

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A 1280×800 image: a caption on the left, a smaller screenshot (the popup) on the right. */
export async function framed(
  page: Page,
  image: Buffer,
  caption: { title: string; text: string },
  path: string,
): Promise<void> {
  await page.setViewportSize(SCREENSHOT);
  await page.setContent(`<!doctype html><html><body style="margin:0;height:800px;display:flex;
    align-items:center;justify-content:center;gap:72px;background:#eef3fb;
    font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;color:#14233d">
    <div style="max-width:520px"><h1 style="font-size:44px;margin:0 0 20px">${escape(caption.title)}</h1>
    <p style="font-size:24px;line-height:1.6;margin:0">${escape(caption.text)}</p></div>
    <img src="data:image/png;base64,${image.toString('base64')}"
      style="border-radius:12px;box-shadow:0 12px 40px rgba(20,35,61,.25);max-height:720px"></body></html>`);
  await page.screenshot({ path });
}

/** The 440×280 promotional tile: the icon, the name and one line. */
export async function promoTile(page: Page, icon: Buffer, line: string, path: string) {
  await page.setViewportSize(PROMO_TILE);
  await page.setContent(`<!doctype html><html><body style="margin:0;height:280px;display:flex;
    flex-direction:column;align-items:center;justify-content:center;gap:14px;background:#1f5fbf;
    color:#fff;font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;text-align:center">
    <img src="data:image/png;base64,${icon.toString('base64')}" width="96" height="96">
    <div style="font-size:30px;font-weight:700">PC Authenticator</div>
    <div style="font-size:17px;padding:0 24px">${escape(line)}</div></body></html>`);
  await page.screenshot({ path });
}

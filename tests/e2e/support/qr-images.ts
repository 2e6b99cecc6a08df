import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';

/** The `src` (`data:` URLs) of the `<img>`s with this test id, in page order. */
export async function imageSources(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src));
}

/** Decodes one QR code per image in Node (jsQR over the pixels); throws when one has none. */
export async function decodeQrImages(sources: string[]): Promise<string[]> {
  const texts: string[] = [];
  for (const src of sources) {
    const image = await loadImage(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    const found = jsQR(new Uint8ClampedArray(data), width, height);
    if (!found) throw new Error('no QR code in an exported image');
    texts.push(found.data);
  }
  return texts;
}

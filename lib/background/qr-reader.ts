import { browser } from 'wxt/browser';
import { createQrReader, type QrReader, type RgbaImage } from '../qr';
import { ImageUnreadableError } from './errors';

let reader: QrReader | undefined;

/**
 * The QR reader, created on first use: the zxing wasm is fetched from the extension's own files
 * only when a scan or an image import starts, never at service-worker start and never from a CDN.
 */
export function qrReader(): QrReader {
  reader ??= createQrReader({
    loadWasm: () =>
      fetch(browser.runtime.getURL('/zxing_reader.wasm')).then((r) => r.arrayBuffer()),
  });
  return reader;
}

/**
 * Decodes an image (`data:` URL of a PNG, JPEG, GIF, WebP or BMP, or a tab capture) into pixels
 * for {@link qrReader} with the worker's own APIs: no page, no DOM. Throws
 * `ImageUnreadableError` for anything else.
 */
export async function imageFromDataUrl(dataUrl: string): Promise<RgbaImage> {
  if (!/^data:image\//i.test(dataUrl)) throw new ImageUnreadableError();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  } catch {
    throw new ImageUnreadableError();
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new ImageUnreadableError();
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

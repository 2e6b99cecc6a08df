import { browser } from 'wxt/browser';
import { createQrReader, type QrReader } from '../qr/qr-reader';
import type { RgbaImage } from '../qr/rgba-image';
import { MAX_IMAGE_PIXELS, imageSize, isDecodableSize } from '../qr/image-header';
import { ImageUnreadableError, InputError } from './errors';

/** A `data:` URL longer than this (a 20 MB file in base64, plus its prefix) is not even fetched. */
const MAX_IMAGE_DATA_URL_CHARS = Math.ceil((20 * 1024 * 1024) / 3) * 4 + 100;

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
 * for {@link qrReader} with the worker's own APIs: no page, no DOM. The size its header claims is
 * checked before decoding (a small file can claim gigapixels and freeze the worker): over
 * {@link MAX_IMAGE_PIXELS}, or a data URL over {@link MAX_IMAGE_DATA_URL_CHARS}, throws
 * `InputError('error_image_too_large')`; anything unreadable throws `ImageUnreadableError`.
 */
export async function imageFromDataUrl(dataUrl: string): Promise<RgbaImage> {
  if (typeof dataUrl !== 'string' || !/^data:image\//i.test(dataUrl)) {
    throw new ImageUnreadableError();
  }
  if (dataUrl.length > MAX_IMAGE_DATA_URL_CHARS) throw tooLarge();
  let blob: Blob;
  try {
    blob = await (await fetch(dataUrl)).blob();
  } catch {
    throw new ImageUnreadableError();
  }
  const size = imageSize(new Uint8Array(await blob.arrayBuffer()));
  if (!size) throw new ImageUnreadableError();
  if (!isDecodableSize(size)) throw tooLarge();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageUnreadableError();
  }
  // The decoder's own size, in case it ever differs from the header's claim.
  if (!isDecodableSize(bitmap)) {
    bitmap.close();
    throw tooLarge();
  }
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new ImageUnreadableError();
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

const tooLarge = () =>
  new InputError('error_image_too_large', [`${Math.round(MAX_IMAGE_PIXELS / 1_000_000)}`]);

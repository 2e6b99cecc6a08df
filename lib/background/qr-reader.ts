import { browser } from 'wxt/browser';
import { createQrReader, type QrReader } from '../qr/qr-reader';
import type { EncodedImage } from '../qr/encoded-image';
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
 * Reads an image (`data:` URL of a PNG, JPEG, GIF, WebP or BMP, or a tab capture) for
 * {@link qrReader} with the worker's own APIs: no page, no DOM. The size its header claims is
 * checked before anything decodes it (a small file can claim gigapixels and freeze the worker):
 * over {@link MAX_IMAGE_PIXELS}, or a data URL over {@link MAX_IMAGE_DATA_URL_CHARS}, throws
 * `InputError('error_image_too_large')`; a URL that is no image throws `ImageUnreadableError`.
 * The pixels are decoded only if the reader needs them (see {@link EncodedImage}); they reject
 * with the same errors for an image the browser cannot decode.
 */
export async function imageFromDataUrl(dataUrl: string): Promise<EncodedImage> {
  if (typeof dataUrl !== 'string' || !/^data:image\//i.test(dataUrl)) {
    throw new ImageUnreadableError();
  }
  if (dataUrl.length > MAX_IMAGE_DATA_URL_CHARS) throw tooLarge();
  const bytes = await dataUrlBytes(dataUrl);
  const size = imageSize(bytes);
  if (!size) throw new ImageUnreadableError();
  if (!isDecodableSize(size)) throw tooLarge();
  return { bytes, ...size, pixels: () => decodePixels(bytes) };
}

/**
 * The bytes of a `data:` URL. Base64 (what captures and file readers give) is decoded here:
 * `fetch(dataUrl)` took ~50 ms for a 500 KB capture, `Uint8Array.fromBase64` about 1 ms.
 * @see https://tc39.es/proposal-arraybuffer-base64/
 */
async function dataUrlBytes(dataUrl: string): Promise<Uint8Array> {
  const comma = dataUrl.indexOf(',');
  const native = Uint8Array as FromBase64;
  try {
    if (comma > 0 && /;base64$/i.test(dataUrl.slice(0, comma)) && native.fromBase64) {
      return native.fromBase64(dataUrl.slice(comma + 1));
    }
    return new Uint8Array(await (await fetch(dataUrl)).arrayBuffer());
  } catch {
    throw new ImageUnreadableError();
  }
}

/** `Uint8Array.fromBase64` (Chrome 140+), not yet in this TypeScript's lib. */
type FromBase64 = { fromBase64?: (base64: string) => Uint8Array };

/** The RGBA pixels the browser decodes, for jsQR, a file zxing cannot load, or a drawn box. */
async function decodePixels(bytes: Uint8Array): Promise<RgbaImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
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

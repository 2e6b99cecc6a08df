import {
  prepareZXingModule,
  readBarcodes,
  type ReadResult,
  type ReaderOptions,
  type ZXingModuleOverrides,
} from 'zxing-wasm/reader';
import { boundingBox, type DecodedQr } from './decoded-qr';
import type { RgbaImage } from './rgba-image';

/**
 * Prepares the zxing-wasm reader module from the given `.wasm` bytes. Passing `wasmBinary`
 * replaces the package's default `locateFile` override (overrides are atomic), so Emscripten
 * instantiates these bytes and never fetches anything — by default the package would load the
 * `.wasm` from the jsDelivr CDN, which is remote code and fails offline.
 * @returns the overrides to pass again to {@link decodeWithZxing}.
 * @see https://github.com/Sec-ant/zxing-wasm#integrating-in-non-web-runtimes
 * @see https://emscripten.org/docs/compiling/WebAssembly.html#wasm-files-and-compilation
 */
export async function prepareZxing(wasmBinary: ArrayBuffer): Promise<ZXingModuleOverrides> {
  const overrides: ZXingModuleOverrides = { wasmBinary };
  await prepareZXingModule({ overrides, fireImmediately: true });
  return overrides;
}

/**
 * Screenshots are hard: small codes among text, HiDPI blur, dark themes, JPEG, photos at an
 * angle. zxing-cpp's "try harder" settings cost a few milliseconds on a full capture.
 * @see https://github.com/zxing-cpp/zxing-cpp/blob/master/core/src/ReaderOptions.h
 */
function readerOptions(maxSymbols: number): ReaderOptions {
  return {
    formats: ['QRCode'],
    tryHarder: true,
    tryRotate: true,
    tryInvert: true,
    tryDownscale: true,
    // The bytes as text (UTF-8 or the ECI's character set), not a "human readable" rewrite.
    textMode: 'Plain',
    maxNumberOfSymbols: maxSymbols,
  };
}

/**
 * Reads QR codes with zxing-wasm. zxing-wasm keeps one module per JS realm, keyed by its
 * overrides: passing the same `overrides` object again reuses the module prepared by
 * {@link prepareZxing} (and re-creates it if another caller switched the realm's module).
 * @see https://github.com/Sec-ant/zxing-wasm#readbarcodes
 */
export async function decodeWithZxing(
  image: RgbaImage,
  overrides: ZXingModuleOverrides,
  maxSymbols: number,
): Promise<DecodedQr[]> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  return found(await readBarcodes(asImageData(image), readerOptions(maxSymbols)));
}

/**
 * Reads QR codes from an image file's bytes with zxing-wasm's own decoder (stb_image: PNG, JPEG,
 * GIF, BMP), which loads it straight into grey levels. `undefined` when that decoder cannot load
 * the file (WebP, a damaged file): the caller decodes the pixels another way.
 * @see https://github.com/Sec-ant/zxing-wasm#readbarcodes
 */
export async function decodeFileWithZxing(
  bytes: Uint8Array,
  overrides: ZXingModuleOverrides,
  maxSymbols: number,
): Promise<DecodedQr[] | undefined> {
  await prepareZXingModule({ overrides, fireImmediately: true });
  const results = await readBarcodes(bytes, readerOptions(maxSymbols));
  // A file it cannot load comes back as one invalid result with an error and no format.
  if (
    results.some((result) => !result.isValid && String(result.format) === '' && result.error !== '')
  ) {
    return undefined;
  }
  return found(results);
}

function found(results: ReadResult[]): DecodedQr[] {
  return results
    .filter((result) => result.isValid)
    .map((result) => {
      const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
      return {
        text: result.text,
        position: boundingBox([topLeft, topRight, bottomRight, bottomLeft]),
        decoder: 'zxing',
      };
    });
}

/**
 * zxing-wasm's `readBarcodes` is typed with the DOM `ImageData` but only reads `data`, `width` and
 * `height` (duck typing, so Node can pass plain objects).
 * @see https://github.com/Sec-ant/zxing-wasm#faq
 */
function asImageData(image: RgbaImage): ImageData {
  const { data, width, height } = image;
  return { data, width, height, colorSpace: 'srgb' } as ImageData;
}

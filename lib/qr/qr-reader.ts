import type { ZXingModuleOverrides } from 'zxing-wasm/reader';
import type { DecodedQr, QrDecoderName } from './decoded-qr';
import { isEncoded, type EncodedImage } from './encoded-image';
import { decodeWithJsqr } from './jsqr-decode';
import type { RgbaImage } from './rgba-image';
import { decodeFileWithZxing, decodeWithZxing, prepareZxing } from './zxing-decode';

/** Options of {@link createQrReader}. */
export interface QrReaderOptions {
  /**
   * Returns the bytes of `zxing_reader.wasm` (from `node_modules/zxing-wasm/dist/reader/`).
   * Called at most once, on the first read or {@link QrReader.prepare}. In the extension:
   * `fetch(browser.runtime.getURL('/zxing_reader.wasm'))` then `arrayBuffer()`; in Node,
   * `readFile`. It must never point at a CDN: the extension works offline and may not run
   * remote code.
   */
  loadWasm: () => Promise<ArrayBuffer>;
  /**
   * The decoders to use, in order; each later one runs only when the ones before found
   * nothing (or failed). Defaults to `['zxing', 'jsqr']`. Benchmarks and tests pass one.
   */
  decoders?: readonly QrDecoderName[];
  /** The most codes one read returns; defaults to {@link DEFAULT_MAX_SYMBOLS}. */
  maxSymbols?: number;
  /**
   * jsQR runs after zxing found nothing only on images of at most this many pixels (crops);
   * without zxing it reads any image. Defaults to {@link DEFAULT_JSQR_MAX_PIXELS}.
   */
  jsqrMaxPixels?: number;
  /**
   * Told when zxing-wasm cannot load or fails on an image (reads then go on with jsQR), so the
   * caller can log it. Never told about an image without a code.
   */
  onZxingError?: (error: unknown) => void;
}

/** Decodes the QR codes in RGBA images. */
export interface QrReader {
  /**
   * Every distinct QR text found in `image` (first occurrence kept), in the decoder's order;
   * `[]` when there is none. Never rejects for a zxing failure. A file ({@link EncodedImage}) is
   * read by zxing from its bytes; its `pixels` are decoded only when needed (see
   * {@link EncodedImage}), and their rejection (an unreadable image) is the read's.
   */
  read(image: RgbaImage | EncodedImage): Promise<DecodedQr[]>;
  /**
   * Loads zxing-wasm now instead of on the first read (for example while the user drags a
   * box). Resolves `true` when it is ready, `false` when it could not load (reads use jsQR);
   * never rejects. The answer is kept: a failed load is not retried.
   */
  prepare(): Promise<boolean>;
}

/**
 * Several codes on one page is rare (a sign-up page shows one); a few more than that keeps a
 * page of test codes or a multi-batch Google export readable in one capture.
 */
const DEFAULT_MAX_SYMBOLS = 8;

/** A box drawn around one code on a HiDPI screen is well under this (800 × 800). */
const DEFAULT_JSQR_MAX_PIXELS = 640_000;

/**
 * Creates a QR reader: zxing-wasm (ZXing-C++) first, jsQR when zxing finds nothing or cannot
 * load. Nothing happens until the first read. Pure: no `browser`, DOM or clock; the caller
 * decides where the `.wasm` bytes come from.
 * @see https://github.com/Sec-ant/zxing-wasm
 * @see https://github.com/cozmo/jsQR
 */
export function createQrReader(options: QrReaderOptions): QrReader {
  const decoders = options.decoders ?? ['zxing', 'jsqr'];
  const maxSymbols = Math.max(1, Math.floor(options.maxSymbols ?? DEFAULT_MAX_SYMBOLS));
  const jsqrMaxPixels = options.jsqrMaxPixels ?? DEFAULT_JSQR_MAX_PIXELS;
  let zxing: Promise<ZXingModuleOverrides | undefined> | undefined;

  function loadZxing(): Promise<ZXingModuleOverrides | undefined> {
    zxing ??= (async () => {
      try {
        return await prepareZxing(await options.loadWasm());
      } catch (error) {
        options.onZxingError?.(error);
        return undefined;
      }
    })();
    return zxing;
  }

  /** The pixels of `image`, decoded at most once per read. */
  function pixelsOf(image: RgbaImage | EncodedImage): () => Promise<RgbaImage> {
    if (!isEncoded(image)) return () => Promise.resolve(image);
    let pixels: Promise<RgbaImage> | undefined;
    return () => (pixels ??= image.pixels());
  }

  /** zxing on the file's bytes, then on its pixels if its own decoder cannot load the file. */
  async function zxingRead(
    overrides: ZXingModuleOverrides,
    image: RgbaImage | EncodedImage,
    pixels: () => Promise<RgbaImage>,
  ): Promise<DecodedQr[]> {
    if (isEncoded(image)) {
      const found = await decodeFileWithZxing(image.bytes, overrides, maxSymbols);
      if (found) return found;
    }
    const rgba = await pixels().catch(() => undefined);
    // An image the browser cannot decode either: the jsQR step asks again and rejects.
    if (!rgba) throw new PixelsUnavailable();
    return decodeWithZxing(rgba, overrides, maxSymbols);
  }

  /** `read.zxing`: whether zxing read this image (found something or nothing) without failing. */
  async function runDecoder(
    name: QrDecoderName,
    image: RgbaImage | EncodedImage,
    pixels: () => Promise<RgbaImage>,
    read: { zxing: boolean },
  ): Promise<DecodedQr[]> {
    if (name === 'jsqr') {
      // After zxing read the image, jsQR would only spend ~0.5 s finding nothing on a capture:
      // it gets a second look at small crops (a box the user drew), or everything without zxing.
      if (read.zxing && image.width * image.height > jsqrMaxPixels) return [];
      return decodeWithJsqr(await pixels(), maxSymbols);
    }
    const overrides = await loadZxing();
    if (!overrides) return [];
    try {
      const found = await zxingRead(overrides, image, pixels);
      read.zxing = true;
      return found;
    } catch (error) {
      if (!(error instanceof PixelsUnavailable)) options.onZxingError?.(error);
      return [];
    }
  }

  return {
    async read(image) {
      const state = { zxing: false };
      const pixels = pixelsOf(image);
      for (const name of decoders) {
        const found = uniqueTexts(await runDecoder(name, image, pixels, state));
        if (found.length > 0) return found.slice(0, maxSymbols);
      }
      if (!state.zxing) await pixels();
      return [];
    },
    async prepare() {
      return (await loadZxing()) !== undefined;
    },
  };
}

/** zxing could not get at the pixels: not a zxing failure, the image's own problem. */
class PixelsUnavailable extends Error {}

/** Drops empty texts and repeats of a text already found. */
function uniqueTexts(found: readonly DecodedQr[]): DecodedQr[] {
  const seen = new Set<string>();
  return found.filter(({ text }) => {
    if (text === '' || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

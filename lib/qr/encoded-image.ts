import type { RgbaImage } from './rgba-image';

/**
 * An image file (PNG, JPEG, GIF, BMP, WebP…) not decoded yet, with the size its header claims.
 * zxing-wasm reads such bytes with its own decoder straight into grey levels, which on a
 * 1920×1080 capture is several times faster than `createImageBitmap` + a canvas + `getImageData`
 * and copying the RGBA into wasm (issue 13). `pixels` decodes it the browser's way, only when
 * something needs RGBA: jsQR on a small image, a file zxing's decoder cannot read (WebP), a box
 * the user draws on a capture.
 */
export interface EncodedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The RGBA pixels; rejects with the caller's error for an unreadable or too large image. */
  pixels: () => Promise<RgbaImage>;
}

/** Whether `image` is still a file ({@link EncodedImage}) rather than RGBA pixels. */
export function isEncoded(image: RgbaImage | EncodedImage): image is EncodedImage {
  return 'bytes' in image;
}

import jsQR from 'jsqr';
import { boundingBox, type DecodedQr } from './decoded-qr';
import type { RgbaImage } from './rgba-image';

/**
 * Reads up to `maxSymbols` QR codes with jsQR, the pure-JS fallback. jsQR finds one code per
 * pass, so after each find the code's box (with a margin) is painted over in a copy of the
 * image and the copy is read again, until a pass finds nothing new. Each pass tries the image
 * as is and inverted (light modules on a dark page).
 * @see https://github.com/cozmo/jsQR#usage
 */
export function decodeWithJsqr(image: RgbaImage, maxSymbols: number): DecodedQr[] {
  const found: DecodedQr[] = [];
  let pixels = image.data;
  for (let pass = 0; pass < maxSymbols; pass++) {
    const code = jsQR(pixels, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!code) break;
    const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = code.location;
    const position = boundingBox([
      topLeftCorner,
      topRightCorner,
      bottomRightCorner,
      bottomLeftCorner,
    ]);
    found.push({ text: code.data, position, decoder: 'jsqr' });
    if (pass + 1 === maxSymbols) break;
    if (pixels === image.data) pixels = new Uint8ClampedArray(image.data);
    if (!paintOver(pixels, image.width, image.height, position)) break;
  }
  return found;
}

/**
 * Fills the box (grown by a tenth of its size, for the finder patterns' white border) with mid
 * grey, so the next pass cannot find the same code. Returns false when the box is degenerate,
 * so the caller stops instead of finding the same code forever.
 */
function paintOver(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  box: { x: number; y: number; width: number; height: number },
): boolean {
  const margin = Math.max(box.width, box.height) / 10 + 2;
  const x0 = Math.max(0, Math.floor(box.x - margin));
  const y0 = Math.max(0, Math.floor(box.y - margin));
  const x1 = Math.min(width, Math.ceil(box.x + box.width + margin));
  const y1 = Math.min(height, Math.ceil(box.y + box.height + margin));
  if (x1 <= x0 || y1 <= y0) return false;
  for (let y = y0; y < y1; y++) pixels.fill(128, (y * width + x0) * 4, (y * width + x1) * 4);
  return true;
}

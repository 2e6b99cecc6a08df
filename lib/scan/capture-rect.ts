import type { QrRect } from '../qr/rgba-image';

/**
 * Maps a box drawn in CSS pixels to pixels of the tab capture. The capture is as wide as the
 * viewport in device pixels, so one ratio covers devicePixelRatio (1, 1.5, 2…) and page zoom
 * (50–200 %) together: capture width ÷ viewport width in CSS pixels.
 */
export function captureRect(rect: QrRect, viewportCssWidth: number, captureWidth: number): QrRect {
  if (!(viewportCssWidth > 0) || !(captureWidth > 0))
    throw new RangeError('widths must be positive');
  const scale = captureWidth / viewportCssWidth;
  return {
    x: Math.floor(rect.x * scale),
    y: Math.floor(rect.y * scale),
    width: Math.ceil(rect.width * scale),
    height: Math.ceil(rect.height * scale),
  };
}

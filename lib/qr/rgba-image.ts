/**
 * An RGBA bitmap, 4 bytes a pixel, rows top to bottom: the shape of the DOM `ImageData`, so an
 * `OffscreenCanvas` capture can be passed as is, and Node tests can build one by hand.
 * @see https://developer.mozilla.org/en-US/docs/Web/API/ImageData
 */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** An axis-aligned rectangle in image pixels (x to the right, y down, origin top left). */
export interface QrRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Thrown by {@link cropImage} when the rectangle has no pixel inside the image. */
export class EmptyCropError extends Error {
  override readonly name = 'EmptyCropError';

  constructor(readonly rect: QrRect) {
    super(`The crop rectangle ${JSON.stringify(rect)} has no pixel inside the image`);
  }
}

/**
 * Copies the part of `image` inside `rect`: the rectangle is widened to whole pixels, a
 * negative width or height counts from the other corner (a box dragged up or to the left),
 * and it is clamped to the image. Throws {@link EmptyCropError} when nothing is left
 * (zero size, not a number, or entirely outside).
 * @see https://developer.mozilla.org/en-US/docs/Web/API/CanvasRenderingContext2D/getImageData
 */
export function cropImage(image: RgbaImage, rect: QrRect): RgbaImage {
  const left = Math.min(rect.x, rect.x + rect.width);
  const top = Math.min(rect.y, rect.y + rect.height);
  const right = Math.max(rect.x, rect.x + rect.width);
  const bottom = Math.max(rect.y, rect.y + rect.height);
  const x0 = clamp(Math.floor(left), image.width);
  const y0 = clamp(Math.floor(top), image.height);
  const x1 = clamp(Math.ceil(right), image.width);
  const y1 = clamp(Math.ceil(bottom), image.height);
  // NaN fails every comparison, so it lands here too.
  if (!(x1 > x0 && y1 > y0)) throw new EmptyCropError(rect);

  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  const rowBytes = width * 4;
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + rowBytes), row * rowBytes);
  }
  return { data, width, height };
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}

import { describe, expect, it } from 'vitest';
import { cropImage, EmptyCropError, type RgbaImage } from '../../../lib/qr/rgba-image';

/** A 4×3 image whose pixel (x, y) is [x, y, 10·x + y, 255]. */
function grid(width = 4, height = 3): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([x, y, 10 * x + y, 255], (y * width + x) * 4);
  }
  return { data, width, height };
}

/** The [x, y] of every pixel of an image made by {@link grid}, row by row. */
function coordinates(image: RgbaImage): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < image.data.length; i += 4) out.push([image.data[i]!, image.data[i + 1]!]);
  return out;
}

describe('cropImage', () => {
  it('copies the pixels inside the rectangle', () => {
    const crop = cropImage(grid(), { x: 1, y: 1, width: 2, height: 2 });
    expect(crop.width).toBe(2);
    expect(crop.height).toBe(2);
    expect(coordinates(crop)).toEqual([
      [1, 1],
      [2, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it('widens fractional edges to whole pixels', () => {
    const crop = cropImage(grid(), { x: 0.5, y: 0.2, width: 1.1, height: 0.5 });
    expect([crop.width, crop.height]).toEqual([2, 1]);
    expect(coordinates(crop)).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('clamps a rectangle that runs past the edges', () => {
    const crop = cropImage(grid(), { x: -5, y: 2, width: 7, height: 100 });
    expect([crop.width, crop.height]).toEqual([2, 1]);
    expect(coordinates(crop)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('accepts a box dragged up and to the left (negative size)', () => {
    const crop = cropImage(grid(), { x: 3, y: 3, width: -2, height: -2 });
    expect(coordinates(crop)).toEqual([
      [1, 1],
      [2, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it('returns a copy, not a view of the capture', () => {
    const image = grid();
    const crop = cropImage(image, { x: 0, y: 0, width: 4, height: 3 });
    expect(crop.data).toEqual(image.data);
    crop.data[0] = 99;
    expect(image.data[0]).toBe(0);
  });

  it.each([
    ['zero width', { x: 1, y: 1, width: 0, height: 2 }],
    ['zero height', { x: 1, y: 1, width: 2, height: 0 }],
    ['right of the image', { x: 4, y: 0, width: 5, height: 2 }],
    ['above the image', { x: 0, y: -10, width: 2, height: 10 }],
    ['NaN', { x: Number.NaN, y: 0, width: 2, height: 2 }],
  ])('throws EmptyCropError for an empty rectangle (%s)', (_, rect) => {
    expect(() => cropImage(grid(), rect)).toThrow(EmptyCropError);
    try {
      cropImage(grid(), rect);
    } catch (error) {
      expect(error).toBeInstanceOf(EmptyCropError);
      expect((error as EmptyCropError).name).toBe('EmptyCropError');
      expect((error as EmptyCropError).rect).toEqual(rect);
    }
  });
});

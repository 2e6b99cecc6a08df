import { describe, expect, it } from 'vitest';
import { captureRect } from '../../../lib/scan/capture-rect';

// A 246 px QR drawn at (100, 200) CSS px, with the viewport and capture a browser really gives.
const box = { x: 100, y: 200, width: 246, height: 246 };

describe('captureRect', () => {
  it.each([
    ['DPR 1, zoom 100%', 1280, 1280, { x: 100, y: 200, width: 246, height: 246 }],
    ['DPR 1.5', 1280, 1920, { x: 150, y: 300, width: 369, height: 369 }],
    ['DPR 2', 1280, 2560, { x: 200, y: 400, width: 492, height: 492 }],
    ['zoom 50% (viewport 2560 CSS px)', 2560, 1280, { x: 50, y: 100, width: 123, height: 123 }],
    ['zoom 200% (viewport 640 CSS px)', 640, 1280, { x: 200, y: 400, width: 492, height: 492 }],
    ['DPR 1.5 and zoom 150%', 1280 / 1.5, 1920, { x: 225, y: 450, width: 554, height: 554 }],
  ])('%s', (_name, viewport, capture, expected) => {
    expect(captureRect(box, viewport, capture)).toEqual(expected);
  });

  it('covers every partly covered pixel', () => {
    expect(captureRect({ x: 0.4, y: 0.4, width: 10.2, height: 10.2 }, 100, 150)).toEqual({
      x: 0,
      y: 0,
      width: 16,
      height: 16,
    });
  });

  it('refuses a zero-width viewport', () => {
    expect(() => captureRect(box, 0, 100)).toThrow(RangeError);
  });
});

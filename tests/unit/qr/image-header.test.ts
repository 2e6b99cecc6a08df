import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS, imageSize, isDecodableSize } from '../../../lib/qr/image-header';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
const be32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, n >>> 8];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, n >>> 16];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

/** A PNG's signature and IHDR: all the sniffing reads. */
const pngHeader = (width: number, height: number) =>
  bytes('\x89PNG\r\n\x1a\n', be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0]);

describe('imageSize: the size an image claims, before decoding', () => {
  it.each([
    ['PNG', pngHeader(16_384, 16_384), { width: 16_384, height: 16_384 }],
    [
      'JPEG (SOF0 after an APP0)',
      bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2], [0xff, 0xc0, 0, 17, 8, 0x40, 0, 0x20, 0, 3]),
      { width: 8192, height: 16_384 },
    ],
    [
      'JPEG (progressive SOF2)',
      bytes([0xff, 0xd8, 0xff, 0xc2, 0, 17, 8, 0, 10, 0, 20, 3, 0, 0, 0]),
      { width: 20, height: 10 },
    ],
    ['GIF', bytes('GIF89a', le16(300), le16(200), [0, 0, 0], [0x3b]), undefined],
    [
      'GIF whose first frame is larger than its screen',
      bytes(
        'GIF89a',
        le16(10),
        le16(10),
        [0, 0, 0],
        [0x2c],
        le16(0),
        le16(0),
        le16(5000),
        le16(6000),
      ),
      { width: 5000, height: 6000 },
    ],
    [
      'WebP lossy',
      bytes(
        'RIFF',
        le32(30),
        'WEBPVP8 ',
        le32(10),
        [0, 0, 0, 0x9d, 0x01, 0x2a],
        le16(640),
        le16(480),
        [0, 0],
      ),
      { width: 640, height: 480 },
    ],
    [
      'WebP lossless',
      bytes(
        'RIFF',
        le32(30),
        'WEBPVP8L',
        le32(10),
        [0x2f],
        le32((99 & 0x3fff) | (49 << 14)),
        [0, 0, 0, 0, 0],
      ),
      { width: 100, height: 50 },
    ],
    [
      'WebP extended',
      bytes('RIFF', le32(30), 'WEBPVP8X', le32(10), le32(0), le24(16_383), le24(16_383)),
      { width: 16_384, height: 16_384 },
    ],
    [
      'BMP (top-down)',
      bytes('BM', new Array(12).fill(0), le32(40), le32(800), le32(-600)),
      { width: 800, height: 600 },
    ],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['a truncated PNG', pngHeader(1, 1).subarray(0, 20), undefined],
    ['nothing', new Uint8Array(0), undefined],
  ])('%s', (_name, data, expected) => {
    expect(imageSize(data)).toEqual(expected);
  });

  it('lets 4096² through and refuses more, or an empty image', () => {
    expect(MAX_IMAGE_PIXELS).toBe(4096 * 4096);
    expect(isDecodableSize({ width: 4096, height: 4096 })).toBe(true);
    expect(isDecodableSize({ width: 3840, height: 2160 })).toBe(true);
    expect(isDecodableSize({ width: 16_384, height: 16_384 })).toBe(false);
    expect(isDecodableSize({ width: 65_535, height: 1000 })).toBe(false);
    expect(isDecodableSize({ width: 0, height: 100 })).toBe(false);
  });
});
